import { OpenRouterError, type OpenRouterErrorInit } from './errors';
import { excerpt } from './excerpt';
import { redactSecrets } from './redact';
import * as l10n from '../l10n';

/** Statuses worth an automatic retry: the same request may well succeed a moment later. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503]);

export const CREDITS_URL = 'https://openrouter.ai/settings/credits';

interface WireErrorBody {
  code?: number | string;
  message?: string;
  metadata?: Record<string, unknown>;
}

/**
 * Parses `Retry-After`: delta seconds or an HTTP date. Returns milliseconds from `now`, or
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function parseErrorBody(bodyText: string): WireErrorBody | undefined {
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (parsed && typeof parsed === 'object' && 'error' in parsed) {
      const error = (parsed as { error: unknown }).error;
      if (error && typeof error === 'object') return error as WireErrorBody;
      if (typeof error === 'string') return { message: error };
    }
  } catch {
    // Not JSON (an HTML error page from a proxy, say): the caller shows an excerpt instead.
  }
  return undefined;
}

/** "reasons: a, b; flagged input: "…"" from a 403 moderation body. */
function describeModeration(metadata: Record<string, unknown> | undefined): string {
  if (!metadata) return '';
  const parts: string[] = [];
  const reasons = metadata['reasons'];
  if (Array.isArray(reasons) && reasons.length > 0) parts.push(l10n.t('reasons: {0}', reasons.map(String).join(', ')));
  const flagged = metadata['flagged_input'];
  if (typeof flagged === 'string' && flagged) parts.push(l10n.t('flagged input: "{0}"', excerpt(flagged, 120)));
  return parts.join('; ');
}

/** Maps an HTTP error answer (status >= 400) to a typed error with a message a user can act on. */
export function errorFromHttpResponse(
  status: number,
  statusText: string,
  retryAfterHeader: string | null,
  bodyText: string,
  knownSecrets: readonly (string | undefined)[] = [],
): OpenRouterError {
  const body = parseErrorBody(bodyText);
  const serverMessage = body?.message ? excerpt(redactSecrets(body.message, knownSecrets)) : undefined;
  const httpLabel = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  const detail = serverMessage
    ? `${serverMessage} (HTTP ${status})`
    : `${httpLabel}: ${excerpt(redactSecrets(bodyText, knownSecrets)) || l10n.t('empty response')}`;
  const retryAfterMs = parseRetryAfter(retryAfterHeader);
  const base = {
    status,
    ...(body?.code !== undefined ? { code: body.code } : {}),
    ...(body?.metadata ? { metadata: body.metadata } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    retryable: RETRYABLE_STATUSES.has(status),
  };
  const make = (init: Omit<OpenRouterErrorInit, keyof typeof base>): OpenRouterError =>
    new OpenRouterError({ ...base, ...init });
  const errorType = typeof body?.metadata?.['error_type'] === 'string' ? body.metadata['error_type'] : '';

  switch (status) {
    case 400:
      if (/reasoning is mandatory/i.test(serverMessage ?? '')) {
        return make({
          kind: 'reasoningMandatory',
          userMessage: l10n.t('This model always reasons; reasoning cannot be turned off: {0}. Choose low, medium or high in openrouterChat.reasoningEffort.', detail),
          action: 'openSettings',
          setting: 'openrouterChat.reasoningEffort',
        });
      }
      if (errorType === 'context_length_exceeded' || /context length|too many tokens/i.test(serverMessage ?? '')) {
        return make({
          kind: 'contextTooLong',
          userMessage: l10n.t('The conversation is too long for this model: {0}. Compact summarizes the earlier messages so the chat fits.', detail),
          action: 'shortenContext',
        });
      }
      return make({ kind: 'badRequest', userMessage: l10n.t('OpenRouter rejected the request: {0}.', detail), action: 'openSettings' });
    case 401:
      return make({ kind: 'unauthorized', userMessage: l10n.t('OpenRouter did not accept the API key: {0}. Set a valid key.', detail), action: 'setApiKey' });
    case 402:
      return make({ kind: 'insufficientCredits', userMessage: l10n.t('Your OpenRouter account is out of credits: {0}. Add credits at {1}.', detail, CREDITS_URL), action: 'addCredits' });
    case 403: {
      const why = describeModeration(body?.metadata);
      return make({ kind: 'moderation', userMessage: l10n.t('The request was blocked by moderation: {0}.', `${detail}${why ? `; ${redactSecrets(why, knownSecrets)}` : ''}`), action: 'none' });
    }
    case 408:
      return make({ kind: 'timeout', userMessage: l10n.t('The request timed out at OpenRouter: {0}. Try again.', detail), action: 'retry' });
    case 413:
      return make({ kind: 'payloadTooLarge', userMessage: l10n.t('The request is too large: {0}. Shorten the conversation or the attached code.', detail), action: 'shortenContext' });
    case 429: {
      const wait = retryAfterMs !== undefined
        ? l10n.t('OpenRouter is rate limiting requests: {0}. Try again in {1} s.', detail, Math.ceil(retryAfterMs / 1000))
        : l10n.t('OpenRouter is rate limiting requests: {0}. Try again shortly.', detail);
      return make({ kind: 'rateLimited', userMessage: wait, action: 'retry' });
    }
    case 500:
      return make({ kind: 'serverError', userMessage: l10n.t('OpenRouter had an internal error: {0}. Try again.', detail), action: 'retry' });
    case 502:
      return make({ kind: 'providerDown', userMessage: l10n.t("The model's provider is down or sent an invalid answer: {0}. Try again or pick another model.", detail), action: 'retry' });
    case 503:
      return make({ kind: 'noProvider', userMessage: l10n.t('No provider is available for this model with the current routing preferences: {0}. Try again, or relax openrouterChat.providerSort.', detail), action: 'retry' });
    default:
      return make({ kind: 'httpError', userMessage: l10n.t('OpenRouter answered with an error: {0}.', detail), action: status >= 500 ? 'retry' : 'none' });
  }
}
