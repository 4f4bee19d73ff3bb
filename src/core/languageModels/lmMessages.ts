/**
 * The editor's language-model messages, in a shape free of `vscode`, turned into OpenRouter's
 * chat-completions wire format, and assembled tool calls turned back into call parts.
 */
import { createHash } from 'node:crypto';
import { OpenRouterError } from '../openrouter/errors';
import { excerpt } from '../openrouter/excerpt';
import { buildChatRequest, type ChatSettings } from '../openrouter/requestBuilder';
import type { ChatRequest, ModelInfo, ToolCall, WireMessage } from '../openrouter/types';

export type LmPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'toolCall'; readonly callId: string; readonly name: string; readonly input: unknown }
  | { readonly kind: 'toolResult'; readonly callId: string; readonly text: string };

export interface LmMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly parts: readonly LmPart[];
}

export interface LmTool {
  readonly name: string;
  readonly description: string;
  readonly inputSchema?: object | undefined;
}

export interface LmRequestOptions {
  readonly tools?: readonly LmTool[];
  /** The editor's `LanguageModelChatToolMode.Required`: the model must call a tool. */
  readonly toolRequired?: boolean;
  /** The model's entry from /models, when known (decides the reasoning effort). */
  readonly model?: ModelInfo;
}

/** One OpenRouter request: our settings (effort, routing, limits) with the caller's messages and tools. */
export function buildLmRequest(messages: readonly LmMessage[], settings: ChatSettings, options: LmRequestOptions = {}): ChatRequest {
  const tools = (options.tools ?? []).map(toWireTool);
  const sessionId = conversationSessionId(messages);
  const base = buildChatRequest([], settings, {
    ...(options.model ? { model: options.model } : {}),
    ...(sessionId ? { sessionId } : {}),
    ...(tools.length > 0 ? { tools } : {}),
    ...(tools.length > 0 && options.toolRequired ? { toolChoice: 'required' } : {}),
  });
  return { ...base, messages: toWireMessages(messages) };
}

/**
 * The `session_id` of an editor conversation. The language-model API names no conversation, but
 * every request of one repeats its first question, so a hash of that question groups the turns
 * (OpenRouter uses the session for sticky routing and caching) without sending the text itself.
 */
export function conversationSessionId(messages: readonly LmMessage[]): string | undefined {
  const first = messages.find((message) => message.role === 'user' && message.parts.some((part) => part.kind === 'text' && part.text.trim() !== ''));
  if (!first) return undefined;
  const text = first.parts.map((part) => (part.kind === 'text' ? part.text : '')).join('');
  return `lm-${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}

export function toWireMessages(messages: readonly LmMessage[]): WireMessage[] {
  const wire: WireMessage[] = [];
  for (const message of messages) {
    const text = message.parts.map((part) => (part.kind === 'text' ? part.text : '')).join('');
    if (message.role === 'system') {
      wire.push({ role: 'system', content: text });
      continue;
    }
    if (message.role === 'assistant') {
      const calls = message.parts.flatMap((part): ToolCall[] =>
        part.kind === 'toolCall' ? [{ id: part.callId, type: 'function', function: { name: part.name, arguments: JSON.stringify(part.input ?? {}) } }] : [],
      );
      wire.push(calls.length > 0 ? { role: 'assistant', content: text === '' ? null : text, tool_calls: calls } : { role: 'assistant', content: text });
      continue;
    }
    // A user message answers the previous assistant's tool calls first: OpenRouter wants each
    // result as a `tool` message right after the call, before any new user text.
    for (const part of message.parts) {
      if (part.kind === 'toolResult') wire.push({ role: 'tool', tool_call_id: part.callId, content: part.text });
    }
    const hasResults = message.parts.some((part) => part.kind === 'toolResult');
    if (text !== '' || !hasResults) wire.push({ role: 'user', content: text });
  }
  return wire;
}

function toWireTool(tool: LmTool): unknown {
  return {
    type: 'function',
    function: {
      name: tool.name,
      description: tool.description,
      // A tool without a schema still takes an (empty) object: providers reject a missing one.
      parameters: tool.inputSchema ?? { type: 'object', properties: {} },
    },
  };
}

export interface LmToolCall {
  readonly callId: string;
  readonly name: string;
  readonly input: object;
}

/** The assembled calls as the editor wants them: arguments parsed into an object. */
export function toLmToolCalls(calls: readonly ToolCall[]): LmToolCall[] {
  return calls.map((call) => ({ callId: call.id, name: call.function.name, input: parseArguments(call) }));
}

function parseArguments(call: ToolCall): object {
  const text = call.function.arguments.trim();
  if (text === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed;
  } catch {
    // Reported below with the text the model sent.
  }
  throw new OpenRouterError({
    kind: 'badRequest',
    userMessage: `The model called the tool "${call.function.name}" with arguments that are not a JSON object: ${excerpt(text, 120)}`,
    action: 'retry',
    retryable: false,
  });
}
