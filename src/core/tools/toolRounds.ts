/**
 * How a tool loop is kept in the chat history: each round is the model's turn that asked for
 * tools (kept exactly as received) and what became of every call. The answer's final turn stays
 * in the message's own fields, so a chat without tools looks as it always did.
 */
import type { ToolCallView } from '../../shared/protocol';
import type { ConversationTurn } from '../openrouter/requestBuilder';
import type { ReasoningDetail, ToolCall } from '../openrouter/types';

export type ToolCallStatus = ToolCallView['status'];

export interface ToolCallRecord {
  readonly id: string;
  readonly tool: string;
  /** The call in words: "Read src/math.ts, lines 1-40". */
  readonly description: string;
  status: ToolCallStatus;
  /** One line for the card after the decision: "40 lines", "3 matches", "denied". */
  summary?: string;
  /** Exactly what went back to the model as the `tool` message. */
  result?: string;
}

export interface ToolRound {
  readonly content: string;
  readonly reasoning?: string;
  readonly reasoningDetails?: ReasoningDetail[];
  readonly toolCalls: ToolCall[];
  readonly calls: ToolCallRecord[];
}

/** Sent for a call that never ran because the answer was stopped (or the window closed). */
export const STOPPED_RESULT = 'The user stopped the answer before this tool ran.';
export const DENIED_RESULT = 'The user denied this.';

/**
 * The wire turns of the rounds: each assistant turn with its tool_calls, then one `tool` turn per
 * call, in call order. A call without a result (stopped, or interrupted by a reload) still gets
 * one, since OpenRouter rejects an assistant tool call that is not answered.
 */
export function toolRoundTurns(rounds: readonly ToolRound[] | undefined): ConversationTurn[] {
  const turns: ConversationTurn[] = [];
  for (const round of rounds ?? []) {
    turns.push({
      role: 'assistant',
      content: round.content,
      ...(round.reasoning ? { reasoning: round.reasoning } : {}),
      ...(round.reasoningDetails?.length ? { reasoningDetails: round.reasoningDetails } : {}),
      toolCalls: round.toolCalls,
    });
    for (const call of round.toolCalls) {
      const record = round.calls.find((candidate) => candidate.id === call.id);
      turns.push({ role: 'tool', toolCallId: call.id, content: record?.result ?? STOPPED_RESULT });
    }
  }
  return turns;
}

/** A loop interrupted by a reload: calls still waiting or running are shown as stopped. */
export function markToolCallsInterrupted(rounds: readonly ToolRound[] | undefined): void {
  for (const round of rounds ?? []) {
    for (const call of round.calls) {
      if (call.status === 'pending' || call.status === 'running' || call.status === 'reviewing') {
        call.status = 'stopped';
        call.summary = 'stopped';
        call.result ??= STOPPED_RESULT;
      }
    }
  }
}

/** What the webview shows of the calls; refused ones (outside the workspace) get no card. */
export function toolCallViews(rounds: readonly ToolRound[] | undefined): ToolCallView[] {
  const views: ToolCallView[] = [];
  for (const round of rounds ?? []) {
    for (const call of round.calls) {
      const view = toolCallView(call);
      if (view) views.push(view);
    }
  }
  return views;
}

export function toolCallView(call: ToolCallRecord): ToolCallView | undefined {
  if (call.status === 'refused') return undefined;
  return {
    id: call.id,
    tool: call.tool,
    description: call.description,
    status: call.status,
    ...(call.summary !== undefined ? { summary: call.summary } : {}),
    ...(call.result !== undefined ? { detail: call.result } : {}),
  };
}

/** The text shown for a whole answer: what every round said, then the final turn. */
export function joinRoundText(rounds: readonly ToolRound[] | undefined, field: 'content' | 'reasoning', final: string | undefined): string {
  const parts = (rounds ?? []).map((round) => round[field] ?? '').filter((text) => text.length > 0);
  if (final) parts.push(final);
  return parts.join('\n\n');
}
