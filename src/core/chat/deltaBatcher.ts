/**
 * Coalesces streamed text into at most one host->webview message per interval. A fast provider
 * sends hundreds of tiny chunks a second; posting each one would cost more in message passing
 * than the webview spends rendering (it renders at most once per animation frame anyway). The
 * first text after a quiet spell goes at once, so batching never delays the first token.
 */

export interface Delta {
  readonly reasoning?: string;
  readonly content?: string;
}

export class DeltaBatcher {
  private reasoning = '';
  private content = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastEmitAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly emit: (delta: Delta) => void,
    private readonly intervalMs = 16,
  ) {}

  addReasoning(text: string): void {
    this.reasoning += text;
    this.schedule();
  }

  addContent(text: string): void {
    this.content += text;
    this.schedule();
  }

  /** Sends whatever is pending now; called before the stream's end is announced. */
  flush(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.reasoning.length === 0 && this.content.length === 0) return;
    const delta: Delta = {
      ...(this.reasoning ? { reasoning: this.reasoning } : {}),
      ...(this.content ? { content: this.content } : {}),
    };
    this.reasoning = '';
    this.content = '';
    this.lastEmitAt = performance.now();
    this.emit(delta);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    const wait = this.lastEmitAt + this.intervalMs - performance.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }
}
