/**
 * The tool loop of one answer: ask the model, run the tools it calls (each with the user's
 * approval unless policy allows it), send the results back, and again, until the model answers
 * without tools or the round cap is reached. Editor-free: the workspace is reached through
 * `WorkspaceToolHost`, the model through `complete`.
 */
import { abortedError } from '../openrouter/errors';
import type { ConversationTurn } from '../openrouter/requestBuilder';
import type { AssistantTurn, ToolCall, Usage } from '../openrouter/types';
import type { ApprovalBroker } from './approvals';
import { READ_ONLY_TOOLS } from './definitions';
import type { ToolSettings } from './toolSettings';
import { looksSecret } from './pathPolicy';
import { describeRequest, parseToolCall, type ToolRequest } from './toolRequest';
import { DENIED_RESULT, STOPPED_RESULT, toolRoundTurns, type ToolCallRecord, type ToolRound } from './toolRounds';

export type ToolOutcome = { readonly ok: true; readonly content: string; readonly summary: string } | { readonly ok: false; readonly error: string };

/** Whether a request may run at all: refused requests (outside the workspace, excluded) get no card. */
export type Admission = { readonly ok: true; readonly relativePath?: string } | { readonly ok: false; readonly reason: string };

// The settings live with their reader, so reading them does not load the loop.
export { DEFAULT_TOOL_SETTINGS, type ToolSettings } from './toolSettings';

/** The workspace side of the tools, implemented by the editor layer. */
export interface WorkspaceToolHost {
  admit(request: ToolRequest, signal: AbortSignal): Promise<Admission>;
  /** Runs an admitted, approved request. Must end promptly when `signal` aborts. */
  run(request: ToolRequest, signal: AbortSignal): Promise<ToolOutcome>;
  settings(): ToolSettings;
}

export interface ToolLoopOptions {
  readonly host: WorkspaceToolHost;
  readonly approvals: ApprovalBroker;
  /** One request: the conversation so far plus these turns of this answer's earlier rounds. */
  complete(roundTurns: ConversationTurn[]): Promise<AssistantTurn>;
  /** Owned by the stored answer; the loop appends each round as it starts running tools. */
  readonly rounds: ToolRound[];
  readonly signal: AbortSignal;
  /** A call appeared or changed (card update). */
  onCall(call: ToolCallRecord): void;
  /** The model's turn became a round (its text now lives there, not in the answer's own fields). */
  onRoundStart(): void;
  /** A round finished: a good moment to save. */
  onRoundEnd(): void;
}

export interface ToolLoopResult {
  /** The final turn (empty when capped), with the usage of every round added up. */
  readonly turn: AssistantTurn;
  /** The round cap was reached with the model still calling tools: offer Continue. */
  readonly capped: boolean;
}

export async function runToolLoop(options: ToolLoopOptions): Promise<ToolLoopResult> {
  const { rounds, signal } = options;
  const maxRounds = Math.max(1, options.host.settings().maxRounds);
  let usage: Usage | undefined;
  for (let round = 1; ; round++) {
    const turn = await options.complete(toolRoundTurns(rounds));
    usage = addUsage(usage, turn.usage);
    if (turn.toolCalls.length === 0) return { turn: withUsage(turn, usage), capped: false };

    ensureCallIds(turn.toolCalls, rounds.length);
    const calls = turn.toolCalls.map((call) => newRecord(call));
    rounds.push({
      content: turn.content,
      ...(turn.reasoning ? { reasoning: turn.reasoning } : {}),
      ...(turn.reasoningDetails.length ? { reasoningDetails: turn.reasoningDetails } : {}),
      toolCalls: turn.toolCalls,
      calls: calls.map((entry) => entry.record),
    });
    options.onRoundStart();
    // Parallel calls: every card appears at once, each is decided and run on its own.
    const settled = await Promise.allSettled(calls.map((entry) => handleCall(entry.record, entry.request, options)));
    if (signal.aborted) {
      for (const entry of calls) stopCall(entry.record, options);
      options.onRoundEnd();
      const stopped = abortedError();
      stopped.partial = emptied(withUsage(turn, usage));
      throw stopped;
    }
    const failure = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
    options.onRoundEnd();
    if (round >= maxRounds) {
      return { turn: emptied(withUsage(turn, usage)), capped: true };
    }
  }
}

type Parsed = { readonly record: ToolCallRecord; readonly request: ToolRequest | { readonly error: string } };

function newRecord(call: ToolCall): Parsed {
  const parsed = parseToolCall(call);
  if (!parsed.ok) return { record: { id: call.id, tool: call.function.name, description: `Call ${call.function.name}`, status: 'pending' }, request: { error: parsed.error } };
  return { record: { id: call.id, tool: parsed.request.tool, description: describeRequest(parsed.request), status: 'pending' }, request: parsed.request };
}

async function handleCall(record: ToolCallRecord, request: ToolRequest | { readonly error: string }, options: ToolLoopOptions): Promise<void> {
  const { host, signal } = options;
  if ('error' in request) return finish(record, 'error', `Error: ${request.error}`, 'invalid call', options);
  const admission = await host.admit(request, signal);
  if (!admission.ok) return finish(record, 'refused', `Refused: ${admission.reason}`, 'refused', options);

  if (request.tool === 'propose_edit') {
    // The diff is the review: the user accepts or discards it there, so no Allow/Deny first.
    record.status = 'reviewing';
  } else if (needsApproval(request, admission.relativePath, host.settings())) {
    record.status = 'pending';
    options.onCall(record);
    const allowed = await options.approvals.wait(record.id, signal);
    if (!allowed) return finish(record, 'denied', DENIED_RESULT, 'denied', options);
    record.status = 'running';
  } else {
    record.status = 'running';
  }
  options.onCall(record);
  let outcome: ToolOutcome;
  try {
    outcome = await host.run(request, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    outcome = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (signal.aborted) throw signal.reason;
  if (outcome.ok) finish(record, 'done', outcome.content, outcome.summary, options);
  else finish(record, 'error', `Error: ${outcome.error}`, outcome.error, options);
}

/** Secret-looking files always ask; other read-only calls ask unless the user auto-approves them. */
export function needsApproval(request: ToolRequest, relativePath: string | undefined, settings: ToolSettings): boolean {
  if (relativePath !== undefined && looksSecret(relativePath, settings.secretPatterns)) return true;
  return !(settings.autoApproveReadOnly && READ_ONLY_TOOLS.has(request.tool));
}

function finish(record: ToolCallRecord, status: ToolCallRecord['status'], result: string, summary: string, options: ToolLoopOptions): void {
  record.status = status;
  record.result = result;
  record.summary = summary;
  options.onCall(record);
}

function stopCall(record: ToolCallRecord, options: ToolLoopOptions): void {
  if (record.result !== undefined) return;
  finish(record, 'stopped', STOPPED_RESULT, 'stopped', options);
}

/** Providers that leave out a call id would break the pairing of results: give one. */
function ensureCallIds(toolCalls: ToolCall[], roundIndex: number): void {
  toolCalls.forEach((call, index) => {
    if (!call.id) call.id = `call_r${roundIndex + 1}_${index + 1}`;
  });
}

function addUsage(total: Usage | undefined, next: Usage | undefined): Usage | undefined {
  if (!next) return total;
  if (!total) return { ...next };
  const sum = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0));
  const result: Usage = {
    promptTokens: total.promptTokens + next.promptTokens,
    completionTokens: total.completionTokens + next.completionTokens,
    totalTokens: total.totalTokens + next.totalTokens,
  };
  const reasoningTokens = sum(total.reasoningTokens, next.reasoningTokens);
  if (reasoningTokens !== undefined) result.reasoningTokens = reasoningTokens;
  const cachedTokens = sum(total.cachedTokens, next.cachedTokens);
  if (cachedTokens !== undefined) result.cachedTokens = cachedTokens;
  const costUsd = sum(total.costUsd, next.costUsd);
  if (costUsd !== undefined) result.costUsd = costUsd;
  return result;
}

function withUsage(turn: AssistantTurn, usage: Usage | undefined): AssistantTurn {
  return usage ? { ...turn, usage } : turn;
}

/** The turn's text and calls live in its round; what is left is its usage and timings. */
function emptied(turn: AssistantTurn): AssistantTurn {
  return { ...turn, content: '', reasoning: '', reasoningDetails: [], toolCalls: [] };
}
