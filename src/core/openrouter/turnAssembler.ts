import type { AssistantTurn, ReasoningDetail, StreamEvent, ToolCall } from './types';

/**
 * Builds an AssistantTurn from stream events. `turn` is always a usable snapshot, so an error can
 * carry what arrived so far as its `partial`.
 */
export class TurnAssembler {
  readonly turn: AssistantTurn;
  /** Tool calls by stream index; arguments arrive as fragments to append. */
  private readonly toolCallsByIndex = new Map<number, ToolCall>();
  /** Stream index of each entry of `turn.toolCalls`, same order. */
  private readonly toolCallIndices: number[] = [];

  constructor(startedAt = Date.now()) {
    this.turn = { content: '', reasoning: '', reasoningDetails: [], toolCalls: [], timings: { startedAt } };
  }

  apply(event: StreamEvent): void {
    const turn = this.turn;
    switch (event.type) {
      case 'start':
        if (event.generationId) turn.generationId = event.generationId;
        break;
      case 'meta':
        // The X-Generation-Id header (from 'start') and the chunk id name the same generation.
        if (event.generationId && !turn.generationId) turn.generationId = event.generationId;
        if (event.model) turn.model = event.model;
        if (event.provider) turn.provider = event.provider;
        break;
      case 'reasoning':
        turn.timings.firstTokenAt ??= Date.now();
        turn.reasoning += event.text;
        break;
      case 'reasoningDetails':
        for (const detail of event.details) appendReasoningDetail(turn.reasoningDetails, detail);
        break;
      case 'content':
        if (turn.timings.firstContentAt === undefined) {
          turn.timings.firstContentAt = Date.now();
          turn.timings.firstTokenAt ??= turn.timings.firstContentAt;
        }
        turn.content += event.text;
        break;
      case 'toolCall':
        turn.timings.firstTokenAt ??= Date.now();
        this.applyToolCall(event);
        break;
      case 'usage':
        // Usage may come on the finishing chunk and again on a trailing empty-choices chunk: the
        // last report is the complete one, so it replaces rather than adds.
        turn.usage = event.usage;
        break;
      case 'finish':
        turn.finishReason = event.finishReason;
        turn.nativeFinishReason = event.nativeFinishReason;
        break;
    }
  }

  markEnded(): void {
    this.turn.timings.endedAt ??= Date.now();
  }

  private applyToolCall(event: Extract<StreamEvent, { type: 'toolCall' }>): void {
    let call = this.toolCallsByIndex.get(event.index);
    if (!call) {
      call = { id: '', type: 'function', function: { name: '', arguments: '' } };
      this.toolCallsByIndex.set(event.index, call);
      // Parallel calls are announced in index order in practice; keep the array ordered anyway.
      let at = this.toolCallIndices.length;
      while (at > 0 && (this.toolCallIndices[at - 1] ?? 0) > event.index) at--;
      this.toolCallIndices.splice(at, 0, event.index);
      this.turn.toolCalls.splice(at, 0, call);
    }
    if (event.id && !call.id) call.id = event.id;
    if (event.name && !call.function.name) call.function.name = cleanToolName(event.name);
    call.function.arguments += event.argumentsDelta;
  }
}

/** gpt-oss sometimes leaks harmony control tokens into names, e.g. `read_file<|channel|>commentary`. */
export function cleanToolName(name: string): string {
  const cut = name.indexOf('<|');
  return cut >= 0 ? name.slice(0, cut) : name;
}

/**
 * Appends one streamed detail. Streams send a long text as many fragments of the same item (same
 * type, index, id and format); those are concatenated into one item so the round trip sends the
 * text once, in order, instead of hundreds of slivers. Anything else is kept as its own item.
 */
export function appendReasoningDetail(details: ReasoningDetail[], detail: ReasoningDetail): void {
  const last = details[details.length - 1];
  if (last && isContinuation(last, detail)) {
    if (detail.type === 'reasoning.text') last.text = (last.text ?? '') + (detail.text ?? '');
    else last.summary = (last.summary ?? '') + (detail.summary ?? '');
    if (detail.signature) last.signature = detail.signature;
    return;
  }
  details.push({ ...detail });
}

function isContinuation(last: ReasoningDetail, next: ReasoningDetail): boolean {
  return (
    (next.type === 'reasoning.text' || next.type === 'reasoning.summary') &&
    last.type === next.type &&
    (last.index ?? 0) === (next.index ?? 0) &&
    (last.id ?? null) === (next.id ?? null) &&
    last.format === next.format &&
    // A signature closes an item: text after it belongs to a new one.
    !last.signature
  );
}
