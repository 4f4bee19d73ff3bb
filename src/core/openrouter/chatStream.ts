import { abortedError, httpError, OpenRouterError } from './errors';
import * as l10n from '../l10n';
import { networkError } from './networkErrors';
import { redactSecrets } from './redact';
import { abortableSleep, backoffDelayMs, MAX_AUTOMATIC_RETRY_AFTER_MS, type RetryPolicy } from './retry';
import { loadSseParser } from './sseParser';
import { StreamProcessor, streamCutError } from './streamProcessor';
import { TurnAssembler } from './turnAssembler';
import type { StreamEvent } from './types';

export interface ChatStreamRequest {
  url: string;
  /** host[:port], for messages that must not show the whole URL. */
  host: string;
  headers: Record<string, string>;
  body: string;
  model: string;
  apiKey: string;
  policy: RetryPolicy;
  stallTimeoutMs: number;
  log?: (line: string) => void;
  /** The answer's clock (see OpenRouterClientOptions.clock); the stall watchdog keeps real time. */
  clock: () => number;
}

/**
 * One streamed chat completion: connect (with retries before anything arrived), then read the body
 * until `[DONE]`, yielding one batch of events per network read. Batches keep the per-event cost
 * to a plain array loop; `stream()` flattens them.
 *
 * Stall detection costs one timer per request, not one per event: reads only stamp the time they
 * started waiting, and a single timeout re-arms itself for the remaining time.
 */
export class ChatStreamRun {
  readonly assembler: TurnAssembler;
  private readonly controller = new AbortController();
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  private userAborted = false;
  private stalled = false;
  /** Date.now() when we started waiting for bytes; 0 while not waiting (e.g. the consumer is busy). */
  private waitingSince = 0;
  private stallTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private status: number | undefined;

  constructor(private readonly request: ChatStreamRequest) {
    this.assembler = new TurnAssembler(request.clock);
  }

  async *batches(signal?: AbortSignal): AsyncGenerator<StreamEvent[], void, undefined> {
    if (signal?.aborted) throw this.fail(abortedError());
    const onAbort = (): void => {
      this.userAborted = true;
      this.closeConnection();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    let finished = false;
    let processor: StreamProcessor | undefined;
    try {
      processor = new StreamProcessor(await loadSseParser(), this.assembler);
      this.armStallWatchdog();
      const response = await this.connect(signal);
      const generationId = response.headers.get('x-generation-id') ?? undefined;
      const start: StreamEvent = { type: 'start', generationId };
      this.assembler.apply(start);
      yield [start];
      if (!response.body) throw streamCutError();
      const reader = response.body.getReader();
      this.reader = reader;
      for (;;) {
        this.waitingSince = Date.now();
        let result: Awaited<ReturnType<typeof reader.read>>;
        try {
          result = await reader.read();
        } catch (error) {
          // After [DONE] the answer is whole; a connection that then lingers or drops is not our concern.
          if (processor.done) break;
          throw this.readFailure(error);
        }
        this.waitingSince = 0;
        if (result.done) break;
        const events = processor.push(result.value);
        if (events.length > 0) yield events;
        processor.throwIfFailed();
      }
      const last = processor.end();
      if (last.length > 0) yield last;
      finished = true;
      this.logOutcome();
    } catch (error) {
      // A cancelled reader ends the body quietly, so the flags, not the error seen, say why it ended.
      if (this.userAborted) throw this.fail(abortedError());
      if (this.stalled && !processor?.done) {
        throw this.fail(stalledError(this.request.stallTimeoutMs));
      }
      throw this.fail(toOpenRouterError(error));
    } finally {
      clearTimeout(this.stallTimer);
      signal?.removeEventListener('abort', onAbort);
      // Early exit (error, abort, or a consumer that stopped iterating): close the socket now.
      if (!finished) this.closeConnection();
    }
  }

  /** POST with retries. Only failures before the first byte of an answer are retried. */
  private async connect(signal: AbortSignal | undefined): Promise<Response> {
    const { url, headers, body, policy } = this.request;
    for (;;) {
      this.attempt++;
      this.waitingSince = Date.now();
      let failure: OpenRouterError;
      try {
        const response = await fetch(url, { method: 'POST', headers, body, signal: this.controller.signal });
        this.status = response.status;
        if (response.ok) return response;
        const text = await response.text();
        failure = await httpError(response.status, response.statusText, response.headers.get('retry-after'), text, [this.request.apiKey]);
      } catch (error) {
        if (this.userAborted) throw abortedError();
        if (this.stalled) throw stalledError(this.request.stallTimeoutMs);
        failure = error instanceof OpenRouterError ? error : networkError(error, this.request.host);
      }
      this.waitingSince = 0;
      const tooLong = (failure.retryAfterMs ?? 0) > MAX_AUTOMATIC_RETRY_AFTER_MS;
      if (!failure.retryable || tooLong || this.attempt >= policy.maxTries) throw failure;
      const delay = backoffDelayMs(this.attempt, policy, failure.retryAfterMs);
      this.log(`chat ${this.request.model} attempt ${this.attempt}/${policy.maxTries} failed (${failure.kind}${failure.status ? ` ${failure.status}` : ''}); retrying in ${delay} ms`);
      await abortableSleep(delay, signal);
    }
  }

  private armStallWatchdog(): void {
    const limit = this.request.stallTimeoutMs;
    const check = (): void => {
      const idle = this.waitingSince === 0 ? 0 : Date.now() - this.waitingSince;
      if (idle >= limit) {
        this.stalled = true;
        this.closeConnection();
        return;
      }
      this.stallTimer = setTimeout(check, limit - idle);
      this.stallTimer.unref?.();
    };
    this.stallTimer = setTimeout(check, limit);
    this.stallTimer.unref?.();
  }

  /** Aborting the fetch tears down the socket; cancelling the reader releases the body at once. */
  private closeConnection(): void {
    this.controller.abort();
    this.reader?.cancel().catch(() => undefined);
  }

  /** A read that failed for a reason other than our own abort: the connection died mid-answer. */
  private readFailure(error: unknown): OpenRouterError {
    return error instanceof OpenRouterError ? error : streamCutError();
  }

  private fail(error: OpenRouterError): OpenRouterError {
    this.assembler.markEnded();
    error.partial = this.assembler.turn;
    this.log(`chat ${this.request.model} -> ${this.status ?? '-'} failed: ${error.kind} after ${elapsed(this.assembler)} (attempt ${this.attempt})`);
    return error;
  }

  private logOutcome(): void {
    const turn = this.assembler.turn;
    const { startedAt, firstTokenAt } = turn.timings;
    const usage = turn.usage;
    const tokens = usage
      ? ` tokens ${usage.promptTokens}+${usage.completionTokens}${usage.reasoningTokens ? ` (reasoning ${usage.reasoningTokens})` : ''}`
      : '';
    const cost = usage?.costUsd !== undefined ? ` cost $${usage.costUsd}` : '';
    const ttft = firstTokenAt !== undefined ? ` first token ${firstTokenAt - startedAt} ms,` : '';
    this.log(`chat ${this.request.model} -> ${this.status ?? '-'}${ttft} total ${elapsed(this.assembler)}${tokens}${cost} finish ${turn.finishReason ?? '-'} (attempt ${this.attempt})`);
  }

  private log(line: string): void {
    this.request.log?.(redactSecrets(line, [this.request.apiKey]));
  }
}

function elapsed(assembler: TurnAssembler): string {
  const { startedAt, endedAt } = assembler.turn.timings;
  return `${(endedAt ?? startedAt) - startedAt} ms`;
}

export function stalledError(stallTimeoutMs: number): OpenRouterError {
  return new OpenRouterError({
    kind: 'stalled',
    userMessage: l10n.t('No data arrived for {0} s, so the request was stopped. Try again.', Number((stallTimeoutMs / 1000).toFixed(1))),
    action: 'retry',
    retryable: true,
  });
}

function toOpenRouterError(error: unknown): OpenRouterError {
  if (error instanceof OpenRouterError) return error;
  // Anything else is a bug in our own code path; keep its message (never carries the key).
  return new OpenRouterError({
    kind: 'network',
    userMessage: l10n.t('The request failed unexpectedly: {0}', error instanceof Error ? error.message : String(error)),
    action: 'retry',
    retryable: false,
  });
}
