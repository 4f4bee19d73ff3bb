/**
 * Wire and public types of the OpenRouter client. Wire types mirror what OpenRouter sends and
 * accepts (snake_case); public types (camelCase) are what the rest of the extension codes against.
 */

export type ReasoningEffort = 'low' | 'medium' | 'high';

/**
 * One item of `reasoning_details`, kept as received so it can be sent back unchanged on a later
 * turn (OpenRouter requires that when tool calls are involved). Unknown fields survive the trip.
 */
export interface ReasoningDetail {
  type: 'reasoning.text' | 'reasoning.summary' | 'reasoning.encrypted' | (string & {});
  id?: string | null;
  format?: string;
  index?: number;
  text?: string;
  summary?: string;
  data?: string;
  signature?: string | null;
  [field: string]: unknown;
}

/** A tool call in OpenAI wire shape, so an assembled call can go straight back into `messages`. */
export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface WireMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string | null;
  reasoning?: string;
  reasoning_details?: ReasoningDetail[];
  tool_calls?: ToolCall[];
  tool_call_id?: string;
  name?: string;
}

export interface ChatRequest {
  model: string;
  messages: WireMessage[];
  reasoning?: { effort?: ReasoningEffort; max_tokens?: number; exclude?: boolean };
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  seed?: number;
  stop?: string | string[];
  provider?: { sort?: 'throughput' | 'price' | 'latency'; [k: string]: unknown };
  tools?: unknown[];
  tool_choice?: unknown;
}

export type StreamEvent =
  /** HTTP 200 received (X-Generation-Id header if present). */
  | { type: 'start'; generationId?: string }
  | { type: 'reasoning'; text: string }
  | { type: 'reasoningDetails'; details: ReasoningDetail[] }
  | { type: 'content'; text: string }
  | { type: 'toolCall'; index: number; id?: string; name?: string; argumentsDelta: string }
  | { type: 'usage'; usage: Usage }
  | { type: 'finish'; finishReason: string | null; nativeFinishReason: string | null }
  | { type: 'meta'; generationId?: string; model?: string; provider?: string };

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  reasoningTokens?: number;
  cachedTokens?: number;
  cacheWriteTokens?: number;
  /** USD (OpenRouter credits). */
  costUsd?: number;
  isByok?: boolean;
}

export interface AssistantTurn {
  content: string;
  reasoning: string;
  reasoningDetails: ReasoningDetail[];
  toolCalls: ToolCall[];
  usage?: Usage;
  finishReason?: string | null;
  nativeFinishReason?: string | null;
  generationId?: string;
  model?: string;
  provider?: string;
  /** Epoch milliseconds (Date.now()). */
  timings: { startedAt: number; firstTokenAt?: number; firstContentAt?: number; endedAt?: number };
}

export interface ModelInfo {
  id: string;
  name: string;
  contextLength: number;
  maxCompletionTokens?: number;
  promptPricePerToken: number;
  completionPricePerToken: number;
  requestPrice?: number;
  supportedParameters: string[];
  supportsReasoning: boolean;
  reasoningMandatory: boolean;
  /** Efforts the model accepts, lowest first; undefined = no allow-list published. */
  reasoningEfforts?: ReasoningEffort[];
  defaultReasoningEffort?: ReasoningEffort;
  description?: string;
  /** What the model reads (`text`, `image`, `file`, `audio`), from `architecture.input_modalities`. */
  inputModalities?: string[];
}

export interface KeyInfo {
  label: string;
  limit: number | null;
  limitRemaining: number | null;
  usage?: number;
  isFreeTier: boolean;
  expiresAt?: string | null;
}
