/**
 * The one configured `marked` instance (GitHub-flavoured markdown). Only the lexer and parser are
 * used directly: the streaming renderer needs the tokens to know which blocks are finished.
 */
import { Lexer, Marked } from 'marked';
import type { MarkedOptions, Token, Tokens } from 'marked';

export type LinkDefinitions = Record<string, { href: string | null; title?: string | null }>;

const OPTIONS: MarkedOptions = { gfm: true, breaks: false, async: false };
const markdown = new Marked({ gfm: true, breaks: false, async: false });

export interface LexedBlocks {
  readonly tokens: Token[];
  /** Every reference definition known after lexing: the ones passed in and the ones found, nested ones included. */
  readonly links: LinkDefinitions;
}

/**
 * Splits markdown into top-level block tokens. `knownLinks` carries reference definitions from
 * blocks lexed earlier, so `[text][ref]` in a later block still resolves.
 */
export function lexBlocks(source: string, knownLinks: LinkDefinitions): LexedBlocks {
  const lexer = new Lexer(OPTIONS);
  Object.assign(lexer.tokens.links, knownLinks);
  const tokens = lexer.lex(source);
  return { tokens, links: lexer.tokens.links };
}

/** Renders top-level tokens to an HTML string (still unsanitized). */
export function blocksToHtml(tokens: Token[]): string {
  return markdown.parser(tokens);
}

/** `\r\n` and `\r` become `\n`, as the lexer does, so token offsets line up with our text. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export function isDefinition(token: Token): token is Tokens.Def {
  return token.type === 'def';
}
