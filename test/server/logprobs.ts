/**
 * Token log-probabilities as OpenRouter passes them through from OpenAI-style providers: when the
 * request says `logprobs: true`, every chunk that carries content also carries
 * `choices[0].logprobs = { content: [{ token, logprob, bytes, top_logprobs: [...] }], refusal: null }`,
 * whose tokens join up to exactly that chunk's content; `top_logprobs` holds the request's
 * `top_logprobs` most likely tokens (the chosen one first) or is empty.
 *
 * The figures are deterministic (a hash of the token), so tests can predict them: see
 * `mockTokenLogprobs`.
 */
import type { StreamItem } from './scriptTypes';

interface WireTop {
  token: string;
  logprob: number;
  bytes: number[];
}

export interface WireTokenLogprob extends WireTop {
  top_logprobs: WireTop[];
}

/** Words with their leading space, runs of punctuation, runs of whitespace: tokens enough like BPE. */
const TOKEN = /[ \t]?[\p{L}\p{N}_]+|[ \t]?[^\s\p{L}\p{N}_]+|\s+/gu;

/** Tokens whose concatenation is exactly `text`. */
export function mockTokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function hash(text: string): number {
  let value = 2166136261;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 16777619);
  return value >>> 0;
}

/** Alternatives a model might have written instead. */
const ALTERNATIVES = [' the', ' a', ',', '.', ' and', ' to', ' of', ' is', '\n', ' it', ' that', ' in', ' for', ' on', ' with', ' as', ' this', ' be', ' or', ' by'];

function top(token: string, logprob: number): WireTop {
  return { token, logprob, bytes: [...Buffer.from(token, 'utf8')] };
}

/**
 * The logprobs the server sends for `token` with `topCount` alternatives, most likely first. About
 * one token in four is uncertain: sampled at about 8 % while another token had about 67 %; the
 * rest are likely (about 90 %) and lead their own list.
 */
export function mockTokenLogprobs(token: string, topCount: number): WireTokenLogprob {
  const seed = hash(token);
  const uncertain = seed % 4 === 0;
  const logprob = uncertain ? -2.5 : -0.105;
  const others = ALTERNATIVES.filter((candidate) => candidate !== token);
  const other = (i: number, value: number): WireTop => top(others[(seed + i) % others.length] ?? '.', value);
  const ranked = uncertain ? [other(0, -0.4), top(token, logprob)] : [top(token, logprob), other(0, -2.5)];
  for (let i = 1; ranked.length < topCount; i++) ranked.push(other(i, -2.5 - 1.25 * i));
  return { ...top(token, logprob), top_logprobs: ranked.slice(0, topCount) };
}

/** The request asked for logprobs: how many alternatives per token, else undefined. */
export function requestedLogprobs(body: Record<string, unknown>): number | undefined {
  if (body['logprobs'] !== true) return undefined;
  const count = body['top_logprobs'];
  return typeof count === 'number' && count > 0 ? Math.min(20, Math.floor(count)) : 0;
}

/** `items` with logprobs on every content chunk, as a provider sends them when asked. */
export function* withLogprobs(items: Iterable<StreamItem>, topCount: number): Generator<StreamItem> {
  for (const item of items) {
    if (!('data' in item)) {
      yield item;
      continue;
    }
    const chunk = item.data as { choices?: { delta?: { content?: unknown }; logprobs?: unknown }[] } | null;
    const choice = chunk?.choices?.[0];
    const content = choice?.delta?.content;
    if (!choice || typeof content !== 'string' || content === '') {
      yield item;
      continue;
    }
    const logprobs = { content: mockTokens(content).map((token) => mockTokenLogprobs(token, topCount)), refusal: null };
    yield { data: { ...chunk, choices: [{ ...choice, logprobs }, ...(chunk.choices?.slice(1) ?? [])] } };
  }
}
