/**
 * Wire and public types of the OpenRouter client. Wire types mirror what OpenRouter sends and
 * accepts (snake_case); public types (camelCase) are what the rest of the extension codes against.
 */
import type { TokenLogprob } from '../../shared/protocol';

/** Every effort OpenRouter knows; a model's `/models` entry says which of them it accepts. */
export type ReasoningEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max';

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

/** A part of a user message's content array (only when it carries an image or a file). */
export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string } }
  | { type: 'file'; file: { filename: string; file_data: string } };

export interface WireMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  /** A plain string, except for a user message with images or PDFs (see userContent.ts). */
  content: string | ContentPart[] | null;
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
  frequency_penalty?: number;
  presence_penalty?: number;
  seed?: number;
  stop?: string | string[];
  logit_bias?: Record<string, number>;
  logprobs?: boolean;
  top_logprobs?: number;
  provider?: { sort?: 'throughput' | 'price' | 'latency'; [k: string]: unknown };
  /** Fallback models, tried in this order when `model` cannot answer. */
  models?: string[];
  /** Groups a chat's requests and keeps them on the provider whose prompt cache is warm. */
  session_id?: string;
  /** Automatic prompt caching for Anthropic models (one breakpoint on the last cacheable block). */
  cache_control?: { type: 'ephemeral' };
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
  /** `url_citation` annotations (web search sources), as they arrive. */
  | { type: 'citations'; citations: UrlCitation[] }
  /** Token log-probabilities of the content in this chunk (only when the request asked for them). */
  | { type: 'logprobs'; tokens: TokenLogprob[] }
  | { type: 'usage'; usage: Usage }
  | { type: 'finish'; finishReason: string | null; nativeFinishReason: string | null }
  | { type: 'meta'; generationId?: string; model?: string; provider?: string };

export interface UrlCitation {
  url: string;
  title?: string;
  content?: string;
  startIndex?: number;
  endIndex?: number;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  reasoningTokens?: number;
  cachedTokens?: number;
  cacheWriteTokens?: number;
  /**
   * USD (OpenRouter credits) this answer really cost: for a bring-your-own-key request the
   * provider's `upstream_inference_cost`, otherwise OpenRouter's `cost`; never their sum.
   */
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
  /** Token log-probabilities of `content`, capped (see logprobs.ts); absent unless requested. */
  logprobs?: TokenLogprob[];
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
  /** USD per prompt token read from the provider's cache (`pricing.input_cache_read`). */
  cacheReadPricePerToken?: number;
  supportedParameters: string[];
  supportsReasoning: boolean;
  reasoningMandatory: boolean;
  /**
   * Efforts the model accepts, lowest first, from its `reasoning.supported_efforts`; never `none`
   * when its reasoning is mandatory. Undefined = no allow-list published.
   */
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
  /** USD used today and this month (UTC), as OpenRouter counts them. */
  usageDaily?: number;
  usageMonthly?: number;
  isFreeTier: boolean;
  expiresAt?: string | null;
}
