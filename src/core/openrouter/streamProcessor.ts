import { ChunkMapper } from './chunkMapper';
import { OpenRouterError } from './errors';
import * as l10n from '../l10n';
import type { CreateSseParser, SseParser } from './sseParser';
import { TurnAssembler } from './turnAssembler';
import type { StreamEvent } from './types';

/**
 * Bytes of one response body in, StreamEvents out. Pure and synchronous, so the whole SSE path
 * (UTF-8 decoding, framing, JSON, mapping, assembly) is tested by feeding it bytes split anywhere.
 *
 * One streaming TextDecoder per response keeps multi-byte characters intact across reads;
 * eventsource-parser handles framing (LF, CRLF, CR, comments, lines split across reads).
 */
export class StreamProcessor {
  readonly assembler: TurnAssembler;
  /** `data: [DONE]` arrived: the answer is complete, later bytes are ignored. */
  done = false;
  private readonly decoder = new TextDecoder();
  private readonly parser: SseParser;
  private readonly mapper = new ChunkMapper();
  private batch: StreamEvent[] = [];
  private failure: OpenRouterError | undefined;
  /** The body has ended and the parser is being flushed. */
  private ending = false;

  constructor(createParser: CreateSseParser, assembler = new TurnAssembler()) {
    this.assembler = assembler;
    // Comments (`: OPENROUTER PROCESSING`) go to onComment, which we do not set: they never reach
    // JSON.parse. They still count as activity for the stall watchdog, which watches bytes.
    this.parser = createParser({ onEvent: (message) => this.onData(message.data) });
  }

  /**
   * Feeds one read and returns the events it completed. When the stream reported an error, the
   * events before it are still returned; `throwIfFailed()` then raises the error (so a consumer
   * sees the text that came before the error, and the error).
   */
  push(bytes: Uint8Array): StreamEvent[] {
    if (this.done || this.failure) return [];
    this.parser.feed(this.decoder.decode(bytes, { stream: true }));
    return this.takeBatch();
  }

  throwIfFailed(): void {
    if (this.failure) throw this.withPartial(this.failure);
  }

  /**
   * The body ended. Throws streamCut when `[DONE]` never came, and emptyAnswer when the reasoning
   * ate the whole token budget.
   */
  end(): StreamEvent[] {
    if (!this.done && !this.failure) {
      const tail = this.decoder.decode();
      if (tail) this.parser.feed(tail);
      // Tolerate a final `data: [DONE]` without its blank line (eventsource-parser, like the SSE
      // spec, only dispatches on the blank line). Any other unterminated event is a cut-off.
      this.ending = true;
      this.parser.feed('\n\n');
    }
    const events = this.takeBatch();
    this.throwIfFailed();
    if (!this.done) throw this.withPartial(streamCutError());
    const turn = this.assembler.turn;
    if (turn.finishReason === 'length' && turn.content.trim() === '' && turn.toolCalls.length === 0) {
      throw this.withPartial(emptyAnswerError());
    }
    this.assembler.markEnded();
    return events;
  }

  /** Attaches what arrived so far to an error and marks the end time. */
  withPartial(error: OpenRouterError): OpenRouterError {
    this.assembler.markEnded();
    error.partial = this.assembler.turn;
    return error;
  }

  private onData(data: string): void {
    if (this.done || this.failure) return;
    if (data === '[DONE]') {
      this.done = true;
      return;
    }
    if (this.ending) return;
    try {
      this.mapper.map(data, this.batch);
    } catch (error) {
      if (error instanceof OpenRouterError) this.failure = error;
      else throw error;
    }
  }

  private takeBatch(): StreamEvent[] {
    const events = this.batch;
    if (events.length > 0) {
      this.batch = [];
      for (const event of events) this.assembler.apply(event);
    }
    return events;
  }
}

export function streamCutError(): OpenRouterError {
  return new OpenRouterError({
    kind: 'streamCut',
    userMessage: l10n.t('The connection closed before the answer was complete. Try again.'),
    action: 'retry',
    retryable: true,
  });
}

function emptyAnswerError(): OpenRouterError {
  return new OpenRouterError({
    kind: 'emptyAnswer',
    userMessage: l10n.t(
      'The answer is empty: the reasoning used the whole max-tokens budget. Raise openrouterChat.maxTokens or lower the reasoning effort.',
    ),
    action: 'openSettings',
    retryable: false,
    setting: 'openrouterChat.maxTokens',
  });
}
