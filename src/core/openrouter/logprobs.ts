/**
 * Token log-probabilities (`logprobs: true`): read from the stream's `choices[0].logprobs.content`
 * (OpenAI shape `{ token, logprob, bytes, top_logprobs: [{ token, logprob, bytes }] }`), kept with
 * the answer in the compact form of `TokenLogprob`, and checked again when a chat file is read.
 */
import type { TokenLogprob } from '../../shared/protocol';

/**
 * At most this many tokens are kept per answer. With five alternatives a token costs about 100
 * bytes in the chat file; 4,000 of them (a long answer) stay under half a megabyte.
 */
export const MAX_LOGPROB_TOKENS = 4000;
/** Alternatives kept per token (the API allows up to 20; the hover shows the top few). */
export const MAX_ALTERNATIVES = 5;

/** Three decimals of a natural log are finer than the one-decimal percentage shown. */
function rounded(logprob: number): number {
  return Math.round(logprob * 1000) / 1000;
}

/** A usable logprob: providers have sent `-9999` for "impossible"; NaN and Infinity never reach JSON. */
function isLogprob(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value <= 0.001;
}

interface WireTopLogprob {
  token?: unknown;
  logprob?: unknown;
}

interface WireTokenLogprob extends WireTopLogprob {
  top_logprobs?: unknown;
}

/** The tokens of one chunk's `logprobs` (`null`, absent or malformed entries give none). */
export function readWireLogprobs(wire: unknown): TokenLogprob[] {
  const content = (wire as { content?: unknown } | null | undefined)?.content;
  if (!Array.isArray(content)) return [];
  const tokens: TokenLogprob[] = [];
  for (const entry of content as (WireTokenLogprob | null)[]) {
    if (!entry || typeof entry.token !== 'string' || !isLogprob(entry.logprob)) continue;
    const alternatives: [string, number][] = [];
    if (Array.isArray(entry.top_logprobs)) {
      for (const top of entry.top_logprobs as (WireTopLogprob | null)[]) {
        if (alternatives.length >= MAX_ALTERNATIVES) break;
        if (top && typeof top.token === 'string' && isLogprob(top.logprob)) alternatives.push([top.token, rounded(top.logprob)]);
      }
    }
    tokens.push(alternatives.length > 0 ? [entry.token, rounded(entry.logprob), alternatives] : [entry.token, rounded(entry.logprob)]);
  }
  return tokens;
}

/** Appends `more` to an answer's tokens, up to the cap. */
export function appendLogprobs(tokens: TokenLogprob[], more: readonly TokenLogprob[]): void {
  const room = MAX_LOGPROB_TOKENS - tokens.length;
  if (room > 0) tokens.push(...(more.length > room ? more.slice(0, room) : more));
}

/** A `logprobs` field read from a chat file: the same shape as written, or not used at all. */
export function isStoredLogprobs(value: unknown): value is TokenLogprob[] {
  return Array.isArray(value) && value.length <= MAX_LOGPROB_TOKENS && value.every(isStoredToken);
}

function isStoredToken(value: unknown): boolean {
  if (!Array.isArray(value) || (value.length !== 2 && value.length !== 3)) return false;
  const [token, logprob, alternatives] = value as unknown[];
  if (typeof token !== 'string' || !isLogprob(logprob)) return false;
  return (
    alternatives === undefined ||
    (Array.isArray(alternatives) &&
      alternatives.length <= MAX_ALTERNATIVES &&
      alternatives.every((top) => Array.isArray(top) && top.length === 2 && typeof top[0] === 'string' && isLogprob(top[1])))
  );
}
