/**
 * Which blocks of a streaming answer no later text can change.
 *
 * Markdown decides where a block ends by looking at the lines after it: a paragraph goes on until
 * a blank line or a line that interrupts it (so `#` alone ends it, `#hashtag` does not); a list
 * goes on across blank lines until a line that cannot continue it (so `2. Next` after a blank
 * line is the same list); a line indented four spaces after a paragraph is part of it, not code.
 * A block is therefore final only once the lexer has seen a whole line after it that starts a new
 * block: a line already ended by its line break, starting at column 0 (an indented line may
 * still belong to a list item or be a lazy continuation), and lexed as a block of its own; after
 * a blank line, the first character of such a line is enough unless it may start a list item. Some
 * blocks end sooner: a closed fence, a heading or rule once its line ended, and a paragraph,
 * table or quote at a blank line (lists and indented code go on across blank lines). Whitespace
 * alone is never a boundary: it may be the start of an indented line.
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

/** Whether whitespace holds a blank line (two line breaks: the end of a line, then an empty one). */
function holdsBlankLine(space: Token | undefined): boolean {
  return space?.type === 'space' && space.raw.indexOf('\n') !== space.raw.lastIndexOf('\n');
}

/** A heading made by the line under its text (`===` or `---`), not by `#`. */
function isSetextHeading(token: Token): boolean {
  return token.type === 'heading' && !/^ {0,3}#/.test(token.raw);
}

/** Whether a new block starting at `start` of `tail` proves the blocks before it ended. */
function startsProvenBlock(token: Token, previous: Token | undefined, tail: string, start: number): boolean {
  if (token.type === 'space') return false;
  const first = tail[start];
  if (first === undefined || first === ' ' || first === '\t') return false;
  // A setext heading and a table are blocks of their own only by a later line, the underline or
  // the delimiter row: until that line has ended, `-` or `- |` may still become a list item
  // (`- x`), and then the text line above it belongs to the paragraph before.
  const lineBreak = tail.indexOf('\n', start);
  if (isSetextHeading(token) && !token.raw.endsWith('\n') && tail[start + token.raw.length] !== '\n') return false;
  if (token.type === 'table' && (lineBreak < 0 || !tail.includes('\n', lineBreak + 1))) return false;
  if (lineBreak >= 0) return true;
  // After a blank line, only an indented line or a new item continues a list (or indented code):
  // a line starting at column 0 with anything but a list marker ends them, whatever follows.
  return holdsBlankLine(previous) && !/[-+*0-9]/.test(first);
}

function sameTokens(a: readonly Token[], b: readonly Token[]): boolean {
  return a.length === b.length && a.every((token, index) => token.type === b[index]?.type && token.raw === b[index]?.raw);
}

/** Blocks that a blank line always ends, at the top level. */
const ENDED_BY_BLANK_LINE = new Set(['paragraph', 'heading', 'table', 'blockquote', 'hr']);
/** Blocks one line long: once the line break after them arrived, nothing can join them. */
const ONE_LINE = new Set(['heading', 'hr']);

/** Whether nothing after `token` (at `tokens[index]`, ending at `end` of `tail`) can change it. */
function endsHere(tokens: readonly Token[], index: number, tail: string, end: number): boolean {
  const token = tokens[index] as Token;
  const lineEnded = token.raw.endsWith('\n') || tail[end] === '\n';
  if (ONE_LINE.has(token.type) && lineEnded) return true;
  if (isClosedFence(token, tail.slice(end))) return true;
  return ENDED_BY_BLANK_LINE.has(token.type) && holdsBlankLine(tokens[index + 1]);
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
    const boundary = index === 0 || startsProvenBlock(token, tokens[index - 1], tail, start);
    if (!boundary) return;
    if (index > 0) [final, finalEnd] = [index, start];
    if (endsHere(tokens, index, tail, offset)) [final, finalEnd] = [index + 1, offset];
  });
  if (final === 0 || final === tokens.length) return final;
  return sameTokens(lexBlocks(tail.slice(finalEnd), links).tokens, tokens.slice(final)) ? final : 0;
}
