import { OpenRouterError, type OpenRouterErrorInit } from './errors';
import { redactSecrets } from './redact';

/** Statuses worth an automatic retry: the same request may well succeed a moment later. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503]);

export const CREDITS_URL = 'https://openrouter.ai/settings/credits';
const EXCERPT_CHARS = 200;

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

/** Shortens text for a message a person reads: one line, at most `max` characters. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
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
  if (Array.isArray(reasons) && reasons.length > 0) parts.push(`reasons: ${reasons.map(String).join(', ')}`);
  const flagged = metadata['flagged_input'];
  if (typeof flagged === 'string' && flagged) parts.push(`flagged input: "${excerpt(flagged, 120)}"`);
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
    : `${httpLabel}: ${excerpt(redactSecrets(bodyText, knownSecrets)) || 'empty response'}`;
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
          userMessage: `This model always reasons; reasoning cannot be turned off: ${detail}. Choose low, medium or high in openrouterChat.reasoningEffort.`,
          action: 'openSettings',
          setting: 'openrouterChat.reasoningEffort',
        });
      }
      if (errorType === 'context_length_exceeded' || /context length|too many tokens/i.test(serverMessage ?? '')) {
        return make({
          kind: 'contextTooLong',
          userMessage: `The conversation is too long for this model: ${detail}. Retry sends fewer of the earlier messages.`,
          action: 'shortenContext',
        });
      }
      return make({ kind: 'badRequest', userMessage: `OpenRouter rejected the request: ${detail}.`, action: 'openSettings' });
    case 401:
      return make({ kind: 'unauthorized', userMessage: `OpenRouter did not accept the API key: ${detail}. Set a valid key.`, action: 'setApiKey' });
    case 402:
      return make({ kind: 'insufficientCredits', userMessage: `Your OpenRouter account is out of credits: ${detail}. Add credits at ${CREDITS_URL}.`, action: 'addCredits' });
    case 403: {
      const why = describeModeration(body?.metadata);
      return make({ kind: 'moderation', userMessage: `The request was blocked by moderation: ${detail}${why ? `; ${redactSecrets(why, knownSecrets)}` : ''}.`, action: 'none' });
    }
    case 408:
      return make({ kind: 'timeout', userMessage: `The request timed out at OpenRouter: ${detail}. Try again.`, action: 'retry' });
    case 413:
      return make({ kind: 'payloadTooLarge', userMessage: `The request is too large: ${detail}. Shorten the conversation or the attached code.`, action: 'shortenContext' });
    case 429:
      return make({ kind: 'rateLimited', userMessage: `OpenRouter is rate limiting requests: ${detail}.${retryAfterMs !== undefined ? ` Try again in ${Math.ceil(retryAfterMs / 1000)} s.` : ' Try again shortly.'}`, action: 'retry' });
    case 500:
      return make({ kind: 'serverError', userMessage: `OpenRouter had an internal error: ${detail}. Try again.`, action: 'retry' });
    case 502:
      return make({ kind: 'providerDown', userMessage: `The model's provider is down or sent an invalid answer: ${detail}. Try again or pick another model.`, action: 'retry' });
    case 503:
      return make({ kind: 'noProvider', userMessage: `No provider is available for this model with the current routing preferences: ${detail}. Try again, or relax openrouterChat.providerSort.`, action: 'retry' });
    default:
      return make({ kind: 'httpError', userMessage: `OpenRouter answered with an error: ${detail}.`, action: status >= 500 ? 'retry' : 'none' });
  }
}
