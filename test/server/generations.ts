/**
 * The local server's `GET /generation?id=` records, kept the way OpenRouter keeps them:
 * - a generation is billed for what it produced, also when the client went away (Stop) or the
 *   stream failed: the figures are those of the usage chunk when one was sent, else the prompt and
 *   the text written so far, priced at the model's fixture prices;
 * - the record appears only after the stream has ended, and then lags: the first `lag` lookups
 *   after the end answer 404 "Generation not found", as the real service does for a few hundred
 *   milliseconds (counted in lookups, not time, so tests stay deterministic).
 */
import { MODELS_FIXTURE } from './modelsFixture';
import type { StreamItem } from './scriptTypes';

/** Lookups answered 404 after a generation ended, unless the server or the script says otherwise. */
export const DEFAULT_GENERATION_LAG = 2;

export type GenerationLookup = { readonly found: true; readonly data: Record<string, unknown> } | { readonly found: false };

interface WireUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number };
  completion_tokens_details?: { reasoning_tokens?: number };
  cost?: number;
  is_byok?: boolean;
  cost_details?: { upstream_inference_cost?: number | null };
}

export interface GenerationStart {
  readonly id: string;
  readonly model: string;
  readonly promptTokens: number;
  readonly sessionId?: string;
  /** Lookups answered 404 after the end (the script's `generationLag`, else the server's). */
  readonly lag: number;
}

/** One generation while it streams: what was written so far, then its final record. */
export class GenerationTracker {
  private contentChars = 0;
  private reasoningChars = 0;
  private usage: WireUsage | undefined;
  private finishReason: string | null = null;
  private nativeFinishReason: string | null = null;
  private provider = 'Cerebras';
  private servedModel: string;
  private readonly startedAt = Date.now();
  private firstTokenAt: number | undefined;
  record: Record<string, unknown> | undefined;
  /** Lookups still to answer 404 once the record exists. */
  lagLeft: number;

  constructor(readonly start: GenerationStart) {
    this.servedModel = start.model;
    this.lagLeft = start.lag;
  }

  /** An item reached the socket. */
  written(item: StreamItem): void {
    if ('data' in item) this.chunk(item.data);
    else if ('raw' in item) {
      // Raw SSE text (doc transcripts, bulk batches): only its usage and errors are read, so the
      // benchmark's megabytes are not parsed twice.
      for (const line of item.raw.split(/\r\n|\r|\n/)) {
        if (!line.startsWith('data: {') || !(line.includes('"usage"') || line.includes('"error"'))) continue;
        try {
          this.chunk(JSON.parse(line.slice(6)) as unknown);
        } catch {
          // A deliberately broken event: nothing to bill.
        }
      }
    }
  }

  /** The stream is over; `cancelled`: the client closed it before the server finished. */
  end(cancelled: boolean): void {
    if (this.record) return;
    const usage = this.usage;
    const promptTokens = usage?.prompt_tokens ?? this.start.promptTokens;
    const reasoningTokens = usage?.completion_tokens_details?.reasoning_tokens ?? tokens(this.reasoningChars);
    const completionTokens = usage?.completion_tokens ?? tokens(this.reasoningChars) + tokens(this.contentChars);
    const byok = usage?.is_byok === true;
    const upstream = usage?.cost_details?.upstream_inference_cost ?? null;
    const totalCost = usage?.cost ?? priced(this.start.model, promptTokens, completionTokens);
    const now = Date.now();
    this.record = {
      id: this.start.id,
      upstream_id: `chatcmpl-${this.start.id}`,
      total_cost: totalCost,
      cache_discount: null,
      upstream_inference_cost: byok ? upstream : null,
      created_at: new Date(this.startedAt).toISOString(),
      model: this.servedModel,
      app_id: null,
      streamed: true,
      cancelled,
      provider_name: this.provider,
      latency: (this.firstTokenAt ?? now) - this.startedAt,
      moderation_latency: null,
      generation_time: now - this.startedAt,
      finish_reason: this.finishReason,
      native_finish_reason: this.nativeFinishReason,
      tokens_prompt: promptTokens,
      tokens_completion: completionTokens,
      native_tokens_prompt: promptTokens,
      native_tokens_completion: completionTokens,
      native_tokens_reasoning: reasoningTokens,
      native_tokens_cached: usage?.prompt_tokens_details?.cached_tokens ?? 0,
      num_media_prompt: null,
      num_media_completion: null,
      num_search_results: null,
      origin: '',
      usage: totalCost,
      is_byok: byok,
      ...(this.start.sessionId ? { session_id: this.start.sessionId } : {}),
    };
  }

  private chunk(data: unknown): void {
    if (!data || typeof data !== 'object') return;
    const chunk = data as Record<string, unknown>;
    if (typeof chunk['provider'] === 'string') this.provider = chunk['provider'];
    if (typeof chunk['model'] === 'string') this.servedModel = chunk['model'];
    if (chunk['usage'] && typeof chunk['usage'] === 'object') this.usage = chunk['usage'] as WireUsage;
    if (chunk['error']) this.finishReason = 'error';
    const choices = Array.isArray(chunk['choices']) ? (chunk['choices'] as Record<string, unknown>[]) : [];
    for (const choice of choices) {
      const delta = (choice['delta'] ?? {}) as Record<string, unknown>;
      const content = typeof delta['content'] === 'string' ? delta['content'].length : 0;
      const reasoning = typeof delta['reasoning'] === 'string' ? delta['reasoning'].length : 0;
      if (content + reasoning > 0) this.firstTokenAt ??= Date.now();
      this.contentChars += content;
      this.reasoningChars += reasoning;
      if (typeof choice['finish_reason'] === 'string') this.finishReason = choice['finish_reason'];
      if (typeof choice['native_finish_reason'] === 'string') this.nativeFinishReason = choice['native_finish_reason'];
      if (choice['error']) this.finishReason = 'error';
    }
  }
}

export class GenerationLedger {
  private readonly generations = new Map<string, GenerationTracker>();

  begin(start: GenerationStart): GenerationTracker {
    const tracker = new GenerationTracker(start);
    this.generations.set(start.id, tracker);
    return tracker;
  }

  /** 404 while the generation streams, and for the first `lag` lookups after it ended. */
  lookup(id: string): GenerationLookup {
    const tracker = this.generations.get(id);
    if (!tracker?.record) return { found: false };
    if (tracker.lagLeft > 0) {
      tracker.lagLeft--;
      return { found: false };
    }
    return { found: true, data: tracker.record };
  }
}

/** About four characters a token, as the scripts count their usage. */
function tokens(chars: number): number {
  return chars > 0 ? Math.ceil(chars / 4) : 0;
}

function priced(model: string, promptTokens: number, completionTokens: number): number {
  const entry = MODELS_FIXTURE.data.find((candidate) => candidate.id === model) ?? MODELS_FIXTURE.data[0];
  const cost = promptTokens * Number(entry?.pricing.prompt ?? 0) + completionTokens * Number(entry?.pricing.completion ?? 0);
  return Number(cost.toPrecision(6));
}
