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

export type Role = 'user' | 'assistant';

/** Where the key in use comes from. `none` means no request can be sent. */
export type KeySource = 'stored' | 'env' | 'none';

export type ReasoningDisplay = 'collapsed' | 'expanded' | 'hidden';

export type MessageStatus = 'streaming' | 'done' | 'stopped' | 'error';

/** What the user can do about an error; each becomes a button in the answer bubble. */
export type ErrorAction = 'setApiKey' | 'addCredits' | 'retry' | 'openSettings' | 'selectModel';

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
  /** USD, as OpenRouter's usage reports it. */
  readonly costUsd?: number;
  /** Request sent -> first reasoning or content token. */
  readonly ttftMs?: number;
  readonly tokensPerSecond?: number;
  /** Seconds the model spent reasoning (first reasoning token -> first content token). */
  readonly reasoningSeconds?: number;
}

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
  readonly messages: readonly MessageView[];
  /** The model chosen for this chat; absent: the default model of the settings. */
  readonly model?: string;
  /** The reasoning effort chosen for this chat; absent: the setting's. */
  readonly reasoningEffort?: string;
}

export interface ViewSettings {
  readonly reasoningDisplay: ReasoningDisplay;
  readonly model: string;
}

/** Everything the webview needs to draw itself from nothing (first load, reload, re-show). */
export interface ViewState {
  readonly chat: ChatView;
  readonly chats: readonly ChatSummary[];
  readonly keySource: KeySource;
  readonly settings: ViewSettings;
  /** Id of the assistant message being streamed right now, if any. */
  readonly streamingMessageId?: string;
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
  /** A short notice for the user, e.g. "a request is already running". */
  | { readonly type: 'notice'; readonly level: 'info' | 'warning' | 'error'; readonly text: string }
  | { readonly type: 'focusInput' }
  /** The answer to `searchChats`: ids of the matching chats, newest first. */
  | { readonly type: 'searchResults'; readonly query: string; readonly chatIds: readonly string[] };

/** Slash commands that act on the editor's selection, as the context-menu commands do. */
export type SelectionCommand = 'explain' | 'fix' | 'tests' | 'doc';

// ---------------------------------------------------------------------------------------------
// Webview -> host

export type CodeTarget = { readonly code: string; readonly language: string; readonly messageId: string };

export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'send'; readonly text: string }
  | { readonly type: 'stop' }
  | { readonly type: 'regenerate' }
  /** Replace the user message `messageId` with `text`, drop every later turn, and resend. */
  | { readonly type: 'editAndResend'; readonly messageId: string; readonly text: string }
  | { readonly type: 'newChat' }
  | { readonly type: 'openChat'; readonly chatId: string }
  | { readonly type: 'deleteChat'; readonly chatId: string }
  | { readonly type: 'copy'; readonly text: string }
  | ({ readonly type: 'insertCode' } & CodeTarget)
  | ({ readonly type: 'applyCode' } & CodeTarget)
  | { readonly type: 'openLink'; readonly href: string }
  /** A file reference such as `src/a.ts:12` or `L12-L20`; `path` is empty for the current file. */
  | { readonly type: 'openFileRef'; readonly path: string; readonly line: number; readonly endLine?: number }
  | { readonly type: 'action'; readonly action: ErrorAction }
  /** History search by title and message text (the host holds every chat's text). */
  | { readonly type: 'searchChats'; readonly query: string }
  | { readonly type: 'renameChat'; readonly chatId: string; readonly title: string }
  /** Undo of a `deleteChat` from this view, shortly after it. */
  | { readonly type: 'undoDeleteChat'; readonly chatId: string }
  /** Asks the user to confirm, then deletes every chat. */
  | { readonly type: 'deleteAllChats' }
  /** Saves a chat (the open one when `chatId` is absent) as Markdown through a save dialog. */
  | { readonly type: 'exportChat'; readonly chatId?: string }
  /** Opens the model picker (or the effort picker) for the open chat only. */
  | { readonly type: 'pickChatModel' }
  | { readonly type: 'pickChatEffort' }
  | { readonly type: 'selectionCommand'; readonly command: SelectionCommand };

/** Compile-time exhaustiveness check for `switch (message.type)`. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}
