import { abortedError } from './errors';

export interface RetryPolicy {
  /** Total attempts, the first included. */
  maxTries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxTries: 3, baseDelayMs: 500, maxDelayMs: 8000 };

/**
 * A server asking for a longer pause than this is better answered by telling the user than by a
 * spinner that seems frozen.
 */
export const MAX_AUTOMATIC_RETRY_AFTER_MS = 30_000;

/**
 * Exponential backoff with full jitter (a random wait between 0 and the exponential cap), so many
 * clients hit by the same outage do not retry in lockstep. A Retry-After from the server is a
 * floor: never retry sooner than it asks.
 */
export function backoffDelayMs(
  failedAttempt: number,
  policy: RetryPolicy,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
  const jittered = Math.floor(random() * cap);
  return retryAfterMs !== undefined ? Math.max(retryAfterMs, jittered) : jittered;
}

/** Waits `ms`, or rejects at once with an 'aborted' OpenRouterError when the signal fires. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
