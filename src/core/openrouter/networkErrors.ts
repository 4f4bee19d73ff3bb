import { OpenRouterError } from './errors';
import * as l10n from '../l10n';

/** Plain words for the socket errors Node's fetch (undici) reports in `error.cause.code`. */
const CAUSES: Readonly<Record<string, () => string>> = {
  ECONNREFUSED: () => l10n.t('connection refused'),
  ENOTFOUND: () => l10n.t('host not found (DNS)'),
  EAI_AGAIN: () => l10n.t('DNS lookup failed'),
  ECONNRESET: () => l10n.t('connection reset'),
  ETIMEDOUT: () => l10n.t('connection timed out'),
  EHOSTUNREACH: () => l10n.t('host unreachable'),
  ENETUNREACH: () => l10n.t('network unreachable'),
  UND_ERR_CONNECT_TIMEOUT: () => l10n.t('connection timed out'),
  UND_ERR_SOCKET: () => l10n.t('connection closed'),
  CERT_HAS_EXPIRED: () => l10n.t('TLS certificate expired'),
  DEPTH_ZERO_SELF_SIGNED_CERT: () => l10n.t('self-signed TLS certificate'),
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: () => l10n.t('TLS certificate not trusted'),
};

function causeCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error as Error & { cause?: unknown }).cause : undefined;
  const code = cause && typeof cause === 'object' ? (cause as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A request that never got an HTTP answer. The message names the host, never the URL's
 * credentials or the request headers (so never the key).
 */
export function networkError(error: unknown, host: string): OpenRouterError {
  const code = causeCode(error);
  const why = code ? (CAUSES[code]?.() ?? code) : l10n.t('the connection failed');
  return new OpenRouterError({
    kind: 'network',
    userMessage: l10n.t('Could not reach {0}: {1}. Check your network connection and proxy settings.', host, why),
    action: 'retry',
    retryable: true,
    ...(code ? { code } : {}),
  });
}

export function invalidBaseUrlError(): OpenRouterError {
  return new OpenRouterError({
    kind: 'network',
    userMessage: l10n.t('The OpenRouter base URL is not a valid http(s) URL. Check the extension settings.'),
    action: 'openSettings',
    retryable: false,
  });
}

/** A base URL the key must not travel to (plain http to another machine); nothing was sent. */
export function insecureBaseUrlError(reason: string): OpenRouterError {
  return new OpenRouterError({
    kind: 'network',
    userMessage: l10n.t('The OpenRouter base URL {0} Nothing was sent.', reason),
    action: 'openSettings',
    retryable: false,
  });
}
