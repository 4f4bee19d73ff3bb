import type { errorFromHttpResponse } from './httpErrors';
import type { AssistantTurn } from './types';
import * as l10n from '../l10n';

export type OpenRouterErrorKind =
  | 'badRequest'
  | 'reasoningMandatory'
  | 'unauthorized'
  | 'insufficientCredits'
  | 'moderation'
  | 'timeout'
  | 'payloadTooLarge'
  /** The prompt does not fit the model's context window (HTTP 400 context_length_exceeded). */
  | 'contextTooLong'
  | 'rateLimited'
  | 'serverError'
  | 'providerDown'
  | 'noProvider'
  | 'httpError'
  | 'midStream'
  | 'streamCut'
  | 'stalled'
  | 'network'
  | 'emptyAnswer'
  | 'aborted';

export type SuggestedAction =
  | 'setApiKey'
  | 'addCredits'
  | 'retry'
  | 'openSettings'
  | 'shortenContext'
  | 'selectModel'
  | 'none';

export interface OpenRouterErrorInit {
  kind: OpenRouterErrorKind;
  userMessage: string;
  action: SuggestedAction;
  retryable: boolean;
  status?: number;
  retryAfterMs?: number;
  code?: number | string;
  metadata?: Record<string, unknown>;
  partial?: AssistantTurn;
  setting?: string;
}

/**
 * Every failure of the client, typed so the UI can show a message and one suggested action.
 * `message` equals `userMessage`; neither ever contains the API key (callers build them from
 * server text that has been passed through `redactSecrets`).
 */
export class OpenRouterError extends Error {
  readonly kind: OpenRouterErrorKind;
  readonly status?: number;
  readonly userMessage: string;
  readonly action: SuggestedAction;
  readonly retryAfterMs?: number;
  readonly code?: number | string;
  readonly metadata?: Record<string, unknown>;
  /** What arrived before the failure: kept so the UI can show the partial answer. */
  partial?: AssistantTurn;
  readonly retryable: boolean;
  /** The setting the error points at, e.g. 'openrouterChat.reasoningEffort'. */
  readonly setting?: string;

  constructor(init: OpenRouterErrorInit) {
    super(init.userMessage);
    this.name = 'OpenRouterError';
    this.kind = init.kind;
    this.userMessage = init.userMessage;
    this.action = init.action;
    this.retryable = init.retryable;
    if (init.status !== undefined) this.status = init.status;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.code !== undefined) this.code = init.code;
    if (init.metadata !== undefined) this.metadata = init.metadata;
    if (init.partial !== undefined) this.partial = init.partial;
    if (init.setting !== undefined) this.setting = init.setting;
  }
}

export function isOpenRouterError(value: unknown): value is OpenRouterError {
  return value instanceof OpenRouterError;
}

export function abortedError(): OpenRouterError {
  return new OpenRouterError({
    kind: 'aborted',
    userMessage: l10n.t('The request was stopped.'),
    action: 'none',
    retryable: false,
  });
}

/**
 * The error for a failed HTTP response (httpErrors.ts). That module loads on the first failure:
 * most sessions never see one, and activation need not read it.
 */
export async function httpError(...args: Parameters<typeof errorFromHttpResponse>): Promise<OpenRouterError> {
  return (await import('./httpErrors')).errorFromHttpResponse(...args);
}
