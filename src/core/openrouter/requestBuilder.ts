import type { ContextAttachment } from '../context/attachment';
import { userContent } from './userContent';
import { REASONING_EFFORTS } from './models';
import { serializeParameters, type RoutingPreferences, type SamplingParameters } from './requestParameters';
import type { ChatRequest, ModelInfo, ReasoningDetail, ReasoningEffort, ToolCall, WireMessage } from './types';

export interface ChatSettings extends SamplingParameters {
  model: string;
  reasoningEffort: ReasoningEffort;
  /** Shorthand for `routing.sort`. */
  providerSort?: 'throughput' | 'price' | 'latency';
  routing?: RoutingPreferences;
}

export interface ConversationTurn {
  role: 'user' | 'assistant' | 'tool';
  content: string;
  /** Context attached to a user turn, rendered before its text (see renderContext). */
  attachments?: readonly ContextAttachment[];
  /** For a `tool` turn: the call it answers. */
  toolCallId?: string;
  reasoning?: string;
  reasoningDetails?: ReasoningDetail[];
  toolCalls?: ToolCall[];
}

export interface BuildOptions {
  systemPrompt?: string;
  /** The model's entry from /models, when known. */
  model?: ModelInfo;
  tools?: unknown[];
  toolChoice?: unknown;
  /** The chat's id: one `session_id` per chat. */
  sessionId?: string;
}

/**
 * Model families known to reason, for when /models has not been loaded (offline start, failed
 * fetch). Sending an effort to them is safe; sending none to gpt-oss is fine too (it reasons by
 * default), but the user's chosen effort would be ignored.
 */
const KNOWN_REASONING_MODELS: readonly RegExp[] = [
  /^openai\/gpt-oss-/,
  /^openai\/o\d/,
  /^openai\/gpt-5/,
  /^deepseek\/deepseek-r1/,
  /^x-ai\/grok-3-mini/,
  /^qwen\/qwen3-.*thinking/,
];

export function buildChatRequest(turns: ConversationTurn[], settings: ChatSettings, options: BuildOptions = {}): ChatRequest {
  const messages: WireMessage[] = [];
  if (options.systemPrompt) messages.push({ role: 'system', content: options.systemPrompt });
  for (const turn of turns) messages.push(toWireMessage(turn));

  const request: ChatRequest = { model: settings.model, messages };
  const effort = chooseReasoningEffort(settings.model, settings.reasoningEffort, options.model);
  // Only `effort`, never `max_tokens` beside it, never `enabled:false`, and `effort:'none'` only
  // to a model whose reasoning is optional: gpt-oss answers it with HTTP 400 "Reasoning is mandatory".
  if (effort) request.reasoning = { effort };
  Object.assign(request, requestParameterFields(settings, options).fields);
  // OpenRouter requires the tool list on every request of a tool conversation.
  if (options.tools && options.tools.length > 0) request.tools = options.tools;
  if (options.toolChoice !== undefined) request.tool_choice = options.toolChoice;
  return request;
}

/** Sampling parameters, routing, fallbacks, session and caching (see requestParameters.ts). */
export function requestParameterFields(settings: ChatSettings, options: BuildOptions = {}): ReturnType<typeof serializeParameters> {
  const routing: RoutingPreferences = { ...(settings.providerSort ? { sort: settings.providerSort } : {}), ...settings.routing };
  return serializeParameters(settings, routing, {
    modelId: settings.model,
    ...(options.model ? { model: options.model } : {}),
    ...(options.sessionId ? { sessionId: options.sessionId } : {}),
  });
}

/**
 * Reasoning round trip: every assistant turn carries its `reasoning_details` exactly as received
 * (see `appendReasoningDetail`), in order. OpenRouter's model page: "When continuing a
 * conversation, preserve the complete reasoning_details when passing messages back to the model
 * so it can continue reasoning from where it left off." A turn that made tool calls also keeps
 * the plain `reasoning` text: OpenRouter requires the reasoning beside `tool_calls`.
 */
export function toWireMessage(turn: ConversationTurn): WireMessage {
  if (turn.role === 'user') return { role: 'user', content: userContent(turn.content, turn.attachments) };
  if (turn.role === 'tool') return { role: 'tool', tool_call_id: turn.toolCallId ?? '', content: turn.content };
  const toolCalls = turn.toolCalls ?? [];
  const message: WireMessage =
    toolCalls.length === 0
      ? { role: 'assistant', content: turn.content }
      : { role: 'assistant', content: turn.content === '' ? null : turn.content, tool_calls: toolCalls };
  if (toolCalls.length > 0 && turn.reasoning) message.reasoning = turn.reasoning;
  if (turn.reasoningDetails && turn.reasoningDetails.length > 0) message.reasoning_details = turn.reasoningDetails;
  return message;
}

/** The efforts every reasoning model takes; what is sent when the model's entry is not known. */
const CLASSIC_EFFORTS: readonly ReasoningEffort[] = ['low', 'medium', 'high'];

/**
 * The effort to send, or undefined to send no reasoning parameter. Known model: only if it
 * reasons, and snapped to the nearest effort its `/models` entry accepts (never `none` when its
 * reasoning is mandatory). Unknown model: only for known reasoning families, snapped to low /
 * medium / high, and no reasoning parameter at all for `none` (gpt-oss refuses it with HTTP 400).
 */
export function chooseReasoningEffort(modelId: string, wanted: ReasoningEffort, model?: ModelInfo): ReasoningEffort | undefined {
  if (model) {
    if (!model.supportsReasoning) return undefined;
    const efforts = effortChoices(model);
    return nearestEffort(wanted, efforts.length > 0 ? efforts : undefined);
  }
  const baseId = modelId.split(':')[0] ?? modelId; // `:free`, `:nitro`, `:floor` are routing suffixes
  if (wanted === 'none' || !KNOWN_REASONING_MODELS.some((pattern) => pattern.test(baseId))) return undefined;
  return nearestEffort(wanted, CLASSIC_EFFORTS);
}

/**
 * The efforts to offer for a model, lowest first: its published list, or every effort when it
 * publishes none; without `none` when its reasoning is mandatory; empty when it does not reason.
 */
export function effortChoices(model: ModelInfo): ReasoningEffort[] {
  if (!model.supportsReasoning) return [];
  const listed = model.reasoningEfforts ?? REASONING_EFFORTS;
  return listed.filter((effort) => !(effort === 'none' && model.reasoningMandatory));
}

/**
 * The supported effort closest to the wanted one. On a tie (medium wanted, low and high offered)
 * the lower wins: it is the cheaper and faster of the two, and the user can always pick high.
 */
export function nearestEffort(wanted: ReasoningEffort, supported: readonly ReasoningEffort[] | undefined): ReasoningEffort {
  if (!supported || supported.length === 0 || supported.includes(wanted)) return wanted;
  const rank = (effort: ReasoningEffort): number => REASONING_EFFORTS.indexOf(effort);
  let best = supported[0] ?? wanted;
  for (const candidate of supported) {
    const distance = Math.abs(rank(candidate) - rank(wanted));
    const bestDistance = Math.abs(rank(best) - rank(wanted));
    if (distance < bestDistance || (distance === bestDistance && rank(candidate) < rank(best))) best = candidate;
  }
  return best;
}
