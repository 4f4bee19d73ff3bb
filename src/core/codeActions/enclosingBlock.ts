/**
 * "The block around the cursor" for code actions without a selection, found on the text alone
 * (the editor layer asks the language's symbol provider first and falls back to this). Braces
 * decide for C-like languages; indentation decides for Python, YAML and anything without braces.
 */
import { leadingWhitespace } from './reindent';

/** Inclusive, 0-based line numbers. */
export interface LineBlock {
  readonly startLine: number;
  readonly endLine: number;
}

/** Languages whose blocks are made by indentation, not braces. */
const INDENTATION_LANGUAGES = new Set(['python', 'yaml', 'coffeescript', 'pug', 'jade', 'haml', 'sass', 'nim', 'fsharp', 'elm', 'haskell', 'makefile']);

/** Splits on any line break (`\n`, `\r\n`, `\r`), like the editor does. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim().length === 0;
}

/**
 * The block containing 0-based `line`, or undefined when the line is not inside any block (top
 * level code, an empty file): the caller then asks the user to select something.
 */
export function findEnclosingBlock(text: string, line: number, languageId = ''): LineBlock | undefined {
  const lines = splitLines(text);
  if (line < 0 || line >= lines.length) return undefined;
  if (!INDENTATION_LANGUAGES.has(languageId)) {
    const byBraces = braceBlock(text, lines, line);
    if (byBraces) return byBraces;
    // Outside every brace block a blank line is between things, not inside one.
    if (isBlank(lines[line])) return undefined;
  }
  return indentationBlock(lines, line);
}

interface Pair {
  readonly open: number;
  readonly close: number;
}

/**
 * Line pairs of matching `{` `}` outside strings and comments. A rough lexer on purpose: it only
 * has to find block boundaries, and it runs in one linear pass even on a multi-megabyte file.
 */
export function bracePairs(text: string): Pair[] {
  const pairs: Pair[] = [];
  const stack: number[] = [];
  let lineNo = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      lineNo++;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i + 1 < text.length && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) {
        if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) lineNo++;
        i++;
      }
      i++;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      // Quotes end at the matching quote; plain quotes also end at the line (an apostrophe in a
      // comment-like construct must not swallow the rest of the file).
      i++;
      while (i < text.length && text[i] !== ch) {
        if (text[i] === '\\') i++;
        else if (text[i] === '\n' || text[i] === '\r') {
          if (ch !== '`') break;
          if (text[i] === '\n' || text[i + 1] !== '\n') lineNo++;
        }
        i++;
      }
      if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) lineNo++;
    } else if (ch === '{') {
      stack.push(lineNo);
    } else if (ch === '}') {
      const open = stack.pop();
      if (open !== undefined) pairs.push({ open, close: lineNo });
    }
  }
  return pairs;
}

function braceBlock(text: string, lines: readonly string[], line: number): LineBlock | undefined {
  let best: Pair | undefined;
  for (const pair of bracePairs(text)) {
    if (pair.close === pair.open || pair.open > line || pair.close < line) continue;
    if (!best || pair.close - pair.open < best.close - best.open) best = pair;
  }
  if (!best) return undefined;
  return { startLine: headerStart(lines, best.open), endLine: best.close };
}

/**
 * Moves a block's first line up to where its statement starts: a brace on its own line belongs
 * to the header above, and a header whose parameters span lines starts where they open.
 */
function headerStart(lines: readonly string[], openLine: number): number {
  let start = openLine;
  const continues = (text: string): boolean => /^[{)\]]|^(extends|implements|where|throws)\b|^[.?:&|=]/.test(text.trim());
  while (start > 0 && continues(lines[start] ?? '') && !isBlank(lines[start - 1])) start--;
  while (start > 0 && /[(,[]\s*$/.test(lines[start - 1] ?? '')) start--;
  return start;
}

function indentOf(line: string | undefined): number {
  return leadingWhitespace(line ?? '').length;
}

/** Python-style: the nearest less-indented line above is the header; the body is everything deeper. */
function indentationBlock(lines: readonly string[], line: number): LineBlock | undefined {
  let anchor = line;
  while (anchor < lines.length && isBlank(lines[anchor])) anchor++;
  if (anchor >= lines.length) return undefined;
  const anchorIndent = indentOf(lines[anchor]);

  let header = -1;
  const next = nextNonBlank(lines, anchor + 1);
  if (next !== undefined && indentOf(lines[next]) > anchorIndent) {
    // The cursor is on a header line itself (e.g. `def f():`).
    header = anchor;
  } else {
    for (let i = anchor - 1; i >= 0; i--) {
      if (!isBlank(lines[i]) && indentOf(lines[i]) < anchorIndent) {
        header = i;
        break;
      }
    }
  }
  if (header < 0) return undefined;

  const headerIndent = indentOf(lines[header]);
  let end = header;
  for (let i = header + 1; i < lines.length; i++) {
    if (isBlank(lines[i])) continue;
    if (indentOf(lines[i]) <= headerIndent) {
      // A closing line at the header's own level (`end`, `}`, `)`) still belongs to the block.
      if (/^[\s]*(end\b|[}\])])/.test(lines[i] ?? '')) end = i;
      break;
    }
    end = i;
  }
  return end > header ? { startLine: header, endLine: end } : undefined;
}

function nextNonBlank(lines: readonly string[], from: number): number | undefined {
  for (let i = from; i < lines.length; i++) if (!isBlank(lines[i])) return i;
  return undefined;
}
