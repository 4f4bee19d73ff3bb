import { OpenRouterError } from './errors';

/** Plain words for the socket errors Node's fetch (undici) reports in `error.cause.code`. */
const CAUSES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
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
  const why = code ? (CAUSES[code] ?? code) : 'the connection failed';
  return new OpenRouterError({
    kind: 'network',
    userMessage: `Could not reach ${host}: ${why}. Check your network connection and proxy settings.`,
    action: 'retry',
    retryable: true,
    ...(code ? { code } : {}),
  });
}

export function invalidBaseUrlError(): OpenRouterError {
  return new OpenRouterError({
    kind: 'network',
    userMessage: 'The OpenRouter base URL is not a valid http(s) URL. Check the extension settings.',
    action: 'openSettings',
    retryable: false,
  });
}

/** A base URL the key must not travel to (plain http to another machine); nothing was sent. */
export function insecureBaseUrlError(reason: string): OpenRouterError {
  return new OpenRouterError({
    kind: 'network',
    userMessage: `The OpenRouter base URL ${reason} Nothing was sent.`,
    action: 'openSettings',
    retryable: false,
  });
}
