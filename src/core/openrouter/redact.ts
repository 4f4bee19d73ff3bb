/**
 * Masks API keys before text reaches a log, an error message or a test report. OpenRouter keys look
 * like `sk-or-v1-<64 hex>`; anything after `Bearer ` is a credential whatever its shape.
 */

const OPENROUTER_KEY = /sk-or-[A-Za-z0-9_-]{4,}/g;
const REDACTED_KEY = 'sk-or-…[redacted]';
/** A bearer token that is not already the redacted placeholder. */
const BEARER_TOKEN = /\b(Bearer\s+)(?!sk-or-…\[redacted\])[^\s"',;]+/gi;

export function redactSecrets(text: string, knownSecrets?: readonly (string | undefined)[]): string {
  let result = text;
  // Exact known secrets first: a custom key need not look like an OpenRouter key.
  if (knownSecrets) {
    for (const secret of knownSecrets) {
      if (secret && secret.length >= 8) result = result.split(secret).join(REDACTED_KEY);
    }
  }
  return result.replace(OPENROUTER_KEY, REDACTED_KEY).replace(BEARER_TOKEN, '$1[redacted]');
}
