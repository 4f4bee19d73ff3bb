/**
 * Which blocks of a streaming answer no later text can change.
 *
 * Markdown decides where a block ends by looking at the lines after it: a paragraph goes on until
 * a blank line or a line that interrupts it (so `#` alone ends it, `#hashtag` does not); a list
 * goes on across blank lines until a line that cannot continue it (so `2. Next` after a blank
 * line is the same list); a line indented four spaces after a paragraph is part of it, not code.
 * A block is therefore final only once the lexer has seen a whole line after it that starts a new
 * block: a line already ended by its line break, starting at column 0 (an indented line may
 * still belong to a list item or be a lazy continuation), and lexed as a block of its own. A
 * closed fence is final by itself. Whitespace alone is never a boundary: it may be the start of
 * an indented line.
 *
 * The lexer also lets a block depend on the one before it (indented code and definitions cannot
 * interrupt a paragraph), so the rest is lexed again on its own, as the next update will lex it;
 * if that differs, nothing is final yet. Reference definitions are not settled here: one can
 * arrive after the blocks that use it, which the final render repairs (streamingMarkdown.ts).
 */
import type { Token } from 'marked';
import { isClosedFence } from './fences';
import { lexBlocks } from './markdownLexer';
import type { LinkDefinitions } from './markdownLexer';

/** Whether a new block starting at `start` of `tail` proves the blocks before it ended. */
function startsProvenBlock(token: Token, tail: string, start: number): boolean {
  if (token.type === 'space') return false;
  const first = tail[start];
  return first !== undefined && first !== ' ' && first !== '\t' && tail.includes('\n', start);
}

function sameTokens(a: readonly Token[], b: readonly Token[]): boolean {
  return a.length === b.length && a.every((token, index) => token.type === b[index]?.type && token.raw === b[index]?.raw);
}

/**
 * How many of the leading `tokens` (the lexed `tail`, whose raw texts add up to it) are final.
 * The tail itself starts where earlier final blocks ended, which is a proven boundary.
 */
export function countFinalTokens(tokens: readonly Token[], tail: string, links: LinkDefinitions): number {
  let final = 0;
  let finalEnd = 0;
  let offset = 0;
  tokens.forEach((token, index) => {
    const start = offset;
    offset += token.raw.length;
    const boundary = index === 0 || startsProvenBlock(token, tail, start);
    if (!boundary) return;
    if (index > 0) [final, finalEnd] = [index, start];
    if (isClosedFence(token, tail.slice(offset))) [final, finalEnd] = [index + 1, offset];
  });
  if (final === 0 || final === tokens.length) return final;
  return sameTokens(lexBlocks(tail.slice(finalEnd), links).tokens, tokens.slice(final)) ? final : 0;
}
