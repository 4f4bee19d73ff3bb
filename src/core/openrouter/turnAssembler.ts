import { appendLogprobs } from './logprobs';
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

  /** `clock`: the one clock of the answer's figures; read now (the request leaves) and at each first. */
  constructor(private readonly clock: () => number = Date.now) {
    this.turn = { content: '', reasoning: '', reasoningDetails: [], toolCalls: [], timings: { startedAt: clock() } };
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
        turn.timings.firstTokenAt ??= this.clock();
        turn.reasoning += event.text;
        break;
      case 'reasoningDetails':
        for (const detail of event.details) appendReasoningDetail(turn.reasoningDetails, detail);
        break;
      case 'content':
        if (turn.timings.firstContentAt === undefined) {
          turn.timings.firstContentAt = this.clock();
          turn.timings.firstTokenAt ??= turn.timings.firstContentAt;
        }
        turn.content += event.text;
        break;
      case 'logprobs':
        appendLogprobs((turn.logprobs ??= []), event.tokens);
        break;
      case 'toolCall':
        turn.timings.firstTokenAt ??= this.clock();
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
    this.turn.timings.endedAt ??= this.clock();
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
 * Appends one streamed detail, so that the array can go back to the model unmodified (OpenRouter:
 * "preserve the complete reasoning_details when passing messages back"):
 * - `reasoning.text` arrives as fragments of one item sharing an `index`; they are merged into
 *   that item, in place of its first fragment, by appending the text (a later fragment may carry
 *   the `signature`, or fields the first lacked).
 * - Every other item (`reasoning.summary`, `reasoning.encrypted`, unknown types) is kept exactly
 *   as received, as its own item: encrypted data and signatures are verified byte for byte.
 */
export function appendReasoningDetail(details: ReasoningDetail[], detail: ReasoningDetail): void {
  if (detail.type !== 'reasoning.text') {
    details.push({ ...detail });
    return;
  }
  const index = detail.index ?? 0;
  const item = details.find((candidate) => candidate.type === 'reasoning.text' && (candidate.index ?? 0) === index);
  if (!item) {
    details.push({ ...detail });
    return;
  }
  for (const [field, value] of Object.entries(detail)) {
    if (field === 'text') item.text = (item.text ?? '') + (typeof value === 'string' ? value : '');
    else if (field === 'signature') item.signature = typeof value === 'string' ? value : (item.signature ?? null);
    else if (!(field in item)) item[field] = value;
  }
}
