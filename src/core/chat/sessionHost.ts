/**
 * What a chat session needs from its host and what it promises back: preparing a request (the
 * editor layer resolves settings and the key at send time), the options of a question, and an
 * answer's outcome. The contract apart from the session (chatSession.ts), which re-exports it.
 */
import type { ChatParameterOverrides, ErrorView, HostMessage, ViewState } from '../../shared/protocol';
import type { OpenRouterClient } from '../openrouter/client';
import type { ChatRequest, ModelInfo, ReasoningEffort, StreamEvent } from '../openrouter/types';
import type { ConversationTurn } from '../openrouter/requestBuilder';
import type { ContextAttachment } from '../context/attachment';
import type { CodeOrigin } from '../codeActions/codeOrigin';
import type { WorkspaceToolHost } from '../tools/toolLoop';
import type { StoredMessage } from './chat';

/** Everything one request needs, resolved by the editor layer at send time (fresh settings, key). */
export interface PreparedRequest {
  readonly client: OpenRouterClient;
  readonly request: ChatRequest;
  /** The model's `/models` entry, when known (its prices give the cache discount). */
  readonly model?: ModelInfo;
  /** Something the user should know about this request, e.g. a parameter the model ignores. */
  readonly notice?: string;
}

/** The chat a request is prepared for: its id (the request's `session_id`) and its own parameters. */
export interface PrepareContext {
  readonly chatId: string;
  readonly parameters?: ChatParameterOverrides;
}

/** What preparing a request came to: ready to send, refused (and why), or cancelled by the user. */
export type PrepareResult =
  | ({ readonly kind: 'ready' } & PreparedRequest)
  | { readonly kind: 'refused'; readonly error: ErrorView }
  | { readonly kind: 'cancelled' };

export interface ChatSessionHost {
  post(message: HostMessage): void;
  /**
   * Builds the request for these turns, or says why none may be sent (no key, bad setting, cost
   * guard). `signal` fires on Stop: preparing may wait on the network and on the user.
   */
  prepare(turns: ConversationTurn[], signal: AbortSignal, options?: PrepareRequestOptions): Promise<PrepareResult>;
  /** The workspace tools; without them requests run without a tool loop. */
  readonly tools?: WorkspaceToolHost;
  viewBasics(): Pick<ViewState, 'keySource' | 'settings' | 'strings'>;
  log(line: string): void;
}

export interface PrepareOptions {
  /** Offer OpenRouter's web search server tool for this question. */
  readonly webSearch?: boolean;
  /**
   * `false`: offer no workspace tools. An inline edit streams its answer into the editor as the
   * new code, so the answer must be that code, not a tool round.
   */
  readonly workspaceTools?: boolean;
}

/** What the host's `prepare` is told besides the turns: the question's options and its chat. */
export interface PrepareRequestOptions extends PrepareOptions {
  readonly chat?: PrepareContext;
  /** The model and effort chosen for this chat, over the settings' defaults. */
  readonly choice?: ChatModelChoice;
}

/** The model and effort a chat asks with, when its composer chose them (see `Chat.model`). */
export interface ChatModelChoice {
  readonly model?: string;
  readonly reasoningEffort?: ReasoningEffort;
}

export interface SendOptions extends PrepareOptions {
  /** Short label shown instead of the full prompt heading, e.g. "Explain src/a.ts:3-9". */
  readonly label?: string;
  /** Code actions wait for a running answer instead of being refused. */
  readonly queueIfBusy?: boolean;
  /** Receives the answer's events as they arrive (inline edit streams content into the editor). */
  readonly onEvent?: (event: StreamEvent) => void;
  /** Context attached to this question; stored with it, so regenerate and edit-and-resend send it again. */
  readonly attachments?: readonly ContextAttachment[];
  /** The code a code action asks about; stored with the question, so every answer to it can be applied there. */
  readonly origin?: CodeOrigin;
}

export interface AnswerOutcome {
  readonly message: StoredMessage;
  readonly chatId: string;
}
