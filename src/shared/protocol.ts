/**
 * The one contract between the extension host and the chat webview. Both bundles compile against
 * this file; every message is a member of a discriminated union so a `switch` over `type` is
 * exhaustive on both sides (see `assertNever`).
 *
 * Rules that keep the webview safe and simple:
 * - The API key never crosses this boundary; the webview only learns *where* a key comes from.
 * - The host owns the conversation (it persists it); the webview renders what it is told and
 *   asks the host to act. Streaming text arrives as deltas to append, never as whole re-sends.
 */

import type * as z from 'zod/mini';
import type { errorActionSchema, webviewMessageSchema } from './webviewMessageSchema';

export type Role = 'user' | 'assistant';

/** Where the key in use comes from. `none` means no request can be sent. */
export type KeySource = 'stored' | 'env' | 'none';

export type ReasoningDisplay = 'collapsed' | 'expanded' | 'hidden';

export type MessageStatus = 'streaming' | 'done' | 'stopped' | 'error';

/**
 * Why a finished answer is incomplete: the token limit (`finish_reason: "length"`, it can be
 * continued) or the provider's content filter (`"content_filter"`).
 */
export type CutOffReason = 'length' | 'contentFilter';

/** What the user can do about an error or a notice; each becomes a button. Defined by its schema. */
export type ErrorAction = z.infer<typeof errorActionSchema>;

export interface ErrorView {
  /** Stable machine-readable kind, e.g. `unauthorized`, `rateLimited`, `streamCut`. */
  readonly kind: string;
  /** What happened, in words a user understands. Never contains the key. */
  readonly message: string;
  readonly actions: readonly ErrorAction[];
  /** The setting a 400 or a settings error points at, for the Open settings action. */
  readonly setting?: string;
}

export interface AnswerStats {
  readonly model: string;
  readonly provider?: string;
  readonly promptTokens?: number;
  readonly completionTokens?: number;
  readonly reasoningTokens?: number;
  readonly cachedTokens?: number;
  /** USD saved by the cached tokens, at the model's listed prompt and cache-read prices. */
  readonly cacheDiscountUsd?: number;
  /** USD this answer cost: `upstream_inference_cost` for bring-your-own-key, else `cost`. */
  readonly costUsd?: number;
  /** The answer was billed to the user's own provider key. */
  readonly byok?: boolean;
  /** Request sent -> first reasoning or content token. */
  readonly ttftMs?: number;
  readonly tokensPerSecond?: number;
  /** Seconds the model spent reasoning (first reasoning token -> first content token). */
  readonly reasoningSeconds?: number;
}

/**
 * One token of an answer with its log-probability (natural log, as the API sends it) and the most
 * likely alternatives at that position, `[token, logprob]`. Arrays rather than objects: an answer
 * holds thousands of them and they are saved with the chat.
 */
export type TokenLogprob = readonly [token: string, logprob: number, alternatives?: readonly (readonly [token: string, logprob: number])[]];

export interface MessageView {
  readonly id: string;
  readonly role: Role;
  readonly content: string;
  readonly reasoning?: string;
  readonly status?: MessageStatus;
  readonly stats?: AnswerStats;
  readonly error?: ErrorView;
  /** For messages built by a code action: a short label such as "Explain src/a.ts:3-9". */
  readonly label?: string;
  /** The answer ended before it was complete (see `CutOffReason`). */
  readonly cutOff?: CutOffReason;
  /** Context the user attached to this question (user messages only). */
  readonly attachments?: readonly AttachmentView[];
  /** Tool calls of this answer, in order (see ToolCallView). */
  readonly tools?: readonly ToolCallView[];
  /** The tool round cap was reached: the answer offers Continue. */
  readonly toolCapReached?: boolean;
  /** Web search sources (url_citation annotations), numbered in this order. */
  readonly citations?: readonly Citation[];
  /** This answer is a summary made by Compact of the N messages before it, and stands in for them. */
  readonly summaryOf?: number;
  /** A later summary stands in for this message in requests; the view still shows it, marked. */
  readonly summarized?: boolean;
  /** Token probabilities of the answer, when the `logprobs` setting asked for them. */
  readonly logprobs?: readonly TokenLogprob[];
}

// ---------------------------------------------------------------------------------------------
// Attached context (issue 15)

export type AttachmentKind = 'file' | 'selection' | 'problems' | 'terminal' | 'gitChanges' | 'image' | 'pdf';

/** 1-based, inclusive. */
export interface LineRange {
  readonly startLine: number;
  readonly endLine: number;
}

/** An attachment as a chip shows it: never its content, which stays in the host. */
export interface AttachmentView {
  readonly id: string;
  readonly kind: AttachmentKind;
  /** The chip's text: a file's base name, or "Problems", "Terminal", "Git changes". */
  readonly name: string;
  /** Workspace-relative path (forward slashes), for the tooltip. */
  readonly path?: string;
  readonly range?: LineRange;
  /** Estimated prompt tokens this attachment adds. */
  readonly tokens: number;
  /** The content was cut down to the size limit. */
  readonly truncated?: boolean;
  /** Images and PDFs: their size in bytes (shown after the token estimate). */
  readonly bytes?: number;
  /** Images: a small `data:image/...;base64` picture for the chip. */
  readonly thumbnail?: string;
}

/** What the next request will use of the model's window, for the composer's context meter. */
export interface ContextUsage {
  /** Estimated prompt tokens of the next request without the text being typed (system prompt, chat, attachments). */
  readonly tokens: number;
  /** The model's context length minus the room kept for the answer. */
  readonly maxTokens: number;
  /** Estimated tokens per character of typed text, so the meter follows typing without asking the host. */
  readonly tokensPerChar: number;
  readonly model: string;
}

/** One row of the `#` mention list. */
export interface FileSuggestion {
  /** Workspace-relative path, forward slashes. */
  readonly path: string;
  /** Indexes into `path` of the characters the query matched, for highlighting. */
  readonly matches: readonly number[];
}

/**
 * One tool call as its card shows it. `pending` waits for Allow / Deny, `reviewing` for the
 * user's Accept / Discard in the diff; the rest are after the decision.
 */
export interface ToolCallView {
  readonly id: string;
  readonly tool: string;
  /** The call in words: "Read src/math.ts, lines 1-40". */
  readonly description: string;
  readonly status: 'pending' | 'reviewing' | 'running' | 'done' | 'error' | 'denied' | 'refused' | 'stopped';
  /** Short result summary ("40 lines", "denied"). */
  readonly summary?: string;
  /** The full result as the model received it (shown when the card is expanded). */
  readonly detail?: string;
}

export interface Citation {
  readonly url: string;
  readonly title?: string;
}

export interface ChatSummary {
  readonly id: string;
  readonly title: string;
  readonly updatedAt: number;
  readonly messageCount: number;
}

export interface ChatView {
  readonly id: string;
  readonly title: string;
  /** The newest messages; a long chat's older ones come when the view asks (`showEarlier`). */
  readonly messages: readonly MessageView[];
  /** The messages before `messages`, not sent yet (absent: none). */
  readonly earlier?: EarlierMessages;
  /** This chat's own parameters (its Parameters panel), over the settings. */
  readonly parameters?: ChatParameterOverrides;
  /** The model chosen for this chat; absent: the default model of the settings. */
  readonly model?: string;
  /** The reasoning effort chosen for this chat; absent: the setting's. */
  readonly reasoningEffort?: string;
}

/** What the view knows of a long chat's messages it was not sent: how many, and what they cost. */
export interface EarlierMessages {
  readonly count: number;
  /** USD, the sum of their answers' costs (absent: none reported one). */
  readonly costUsd?: number;
}

/**
 * Parameters one chat overrides. Untrusted wherever it comes from (the webview, a chat file):
 * the host validates it with the same reader as the settings before any request.
 */
export interface ChatParameterOverrides {
  readonly temperature?: number;
  readonly topP?: number;
  readonly frequencyPenalty?: number;
  readonly presencePenalty?: number;
  readonly seed?: number;
  readonly maxTokens?: number;
  readonly stop?: readonly string[];
  readonly reasoningEffort?: string;
}

export interface ViewSettings {
  readonly reasoningDisplay: ReasoningDisplay;
  readonly model: string;
  /** The model's reasoning efforts from its `/models` entry, lowest first; absent while unknown. */
  readonly reasoningEfforts?: readonly string[];
  /** The model's `/models` entry does not list `tools`: it answers without the workspace tools. */
  readonly toolsUnsupported?: boolean;
}

/** Everything the webview needs to draw itself from nothing (first load, reload, re-show). */
export interface ViewState {
  readonly chat: ChatView;
  readonly chats: readonly ChatSummary[];
  readonly keySource: KeySource;
  readonly settings: ViewSettings;
  /**
   * The answer being streamed right now, if any, in whichever chat: the view shows Stop for it
   * even while another chat is open (one answer runs at a time, so it is also why Send waits).
   */
  readonly streaming?: { readonly chatId: string; readonly messageId: string };
  /**
   * Translations of the webview's own UI strings (see `webviewStrings.ts`), keyed by the English
   * text; a missing entry means the English text is shown.
   */
  readonly strings: Readonly<Record<string, string>>;
}

// ---------------------------------------------------------------------------------------------
// Host -> webview

export type HostMessage =
  | { readonly type: 'state'; readonly state: ViewState }
  | { readonly type: 'chatList'; readonly chats: readonly ChatSummary[] }
  | { readonly type: 'keySource'; readonly keySource: KeySource }
  | { readonly type: 'settings'; readonly settings: ViewSettings }
  /** A user message was accepted and an assistant answer starts streaming. */
  | {
      readonly type: 'streamStart';
      readonly chatId: string;
      readonly user?: MessageView;
      readonly assistant: MessageView;
    }
  /** Text to append to the streaming answer. Deltas are batched by the host. */
  | {
      readonly type: 'streamDelta';
      readonly chatId: string;
      readonly messageId: string;
      readonly reasoning?: string;
      readonly content?: string;
    }
  /** The answer ended; `message` is the final, authoritative version. */
  | { readonly type: 'streamEnd'; readonly chatId: string; readonly message: MessageView }
  /**
   * An ended answer's figures arrived late: a stopped or failed answer's tokens and cost come
   * from OpenRouter's `/generation` record after `streamEnd`. Replaces the message's stats.
   */
  | { readonly type: 'answerStats'; readonly chatId: string; readonly messageId: string; readonly stats: AnswerStats }
  /** A tool call of the streaming answer appeared or changed. */
  | { readonly type: 'toolCall'; readonly chatId: string; readonly messageId: string; readonly call: ToolCallView }
  /** A short notice for the user, e.g. "a request is already running", with optional buttons. */
  | { readonly type: 'notice'; readonly level: 'info' | 'warning' | 'error'; readonly text: string; readonly actions?: readonly ErrorAction[] }
  | { readonly type: 'focusInput' }
  /** A view-title action (History, Parameters) opens or closes one of the view's panels. */
  | { readonly type: 'togglePanel'; readonly panel: 'history' | 'parameters' }
  /** The attachments waiting in the composer for the next question (the host owns this list). */
  | { readonly type: 'contextDraft'; readonly attachments: readonly AttachmentView[] }
  /** Answer to `contextQuery`: files ranked for the `#` mention being typed. */
  | { readonly type: 'contextSuggestions'; readonly query: string; readonly items: readonly FileSuggestion[] }
  /** The context meter's figures changed (chat, attachments, model or settings). */
  | { readonly type: 'contextUsage'; readonly usage: ContextUsage }
  /** The answer to `searchChats`: ids of the matching chats, newest first. */
  | { readonly type: 'searchResults'; readonly query: string; readonly chatIds: readonly string[] }
  /**
   * The answer to `showEarlier`: the messages just before the `before` the view had, in order;
   * `earlier` is what is still not sent.
   */
  | {
      readonly type: 'earlierMessages';
      readonly chatId: string;
      readonly before: number;
      readonly messages: readonly MessageView[];
      readonly earlier?: EarlierMessages;
    };

/** Slash commands that act on the editor's selection, as the context-menu commands do. */
export type SelectionCommand = 'explain' | 'fix' | 'tests' | 'doc';

// ---------------------------------------------------------------------------------------------
// Webview -> host

/**
 * Everything the webview may post. The runtime schemas in `webviewMessageSchema.ts` are the one
 * definition; these types are inferred from them (type-only, so the webview bundle has no zod) and
 * the host checks each message against them before acting.
 */
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;

export type CodeTarget = Pick<Extract<WebviewMessage, { type: 'insertCode' }>, 'code' | 'language' | 'messageId'>;

/** Compile-time exhaustiveness check for `switch (message.type)`. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}
