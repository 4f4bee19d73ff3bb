/**
 * The tokens and cost of answers that were stopped or failed. Their stream ended before its usage
 * chunk, yet OpenRouter billed what the model produced; the figures are asked from `/generation`
 * in the background (the answer has already ended on screen, nothing waits for them) and handed
 * to `apply` when they come. Disposing cancels every lookup still running.
 */
import type { GenerationReport } from '../openrouter/generation';

/** Where the figures come from: the client that sent the request (its key, its base URL). */
export interface GenerationSource {
  billedGeneration(generationId: string, options: { signal?: AbortSignal }): Promise<GenerationReport | undefined>;
}

export class BilledFigures {
  private readonly cancel = new AbortController();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: (line: string) => void) {}

  follow(source: GenerationSource, generationId: string, apply: (report: GenerationReport) => void): void {
    if (this.cancel.signal.aborted) return;
    const lookup = source
      .billedGeneration(generationId, { signal: this.cancel.signal })
      .then((report) => {
        if (report && !this.cancel.signal.aborted) apply(report);
      })
      .catch((error: unknown) => this.log(`billed figures of ${generationId} not applied: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => this.running.delete(lookup));
    this.running.add(lookup);
  }

  /** Stops every lookup; resolves when none runs any more. */
  async dispose(): Promise<void> {
    this.cancel.abort();
    await Promise.allSettled([...this.running]);
  }
}
