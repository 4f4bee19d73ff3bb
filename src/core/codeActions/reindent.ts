/**
 * Re-indentation of code that goes into a document. Code from the chat arrives indented for a
 * markdown block (usually flush left); the editor wants it at the cursor's or the replaced
 * range's indentation, with the document's own line endings.
 */
import { type Eol, toLf, withEol } from './eol';

/** The spaces and tabs a line starts with. */
export function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)?.[0] ?? '';
}

function isBlank(line: string): boolean {
  return line.trim().length === 0;
}

/**
 * The longest whitespace prefix shared by every non-blank line, compared character by character,
 * so a tab never counts as "some spaces" (mixed files keep their exact bytes).
 */
export function commonIndent(lines: readonly string[]): string {
  let common: string | undefined;
  for (const line of lines) {
    if (isBlank(line)) continue;
    const indent = leadingWhitespace(line);
    if (common === undefined) {
      common = indent;
      continue;
    }
    let i = 0;
    while (i < common.length && i < indent.length && common[i] === indent[i]) i++;
    common = common.slice(0, i);
    if (common.length === 0) break;
  }
  return common ?? '';
}

export interface ReindentOptions {
  /** Put before the first line (empty when the first line lands after existing text). */
  readonly firstLinePrefix: string;
  /** Put before every following non-blank line. */
  readonly otherLinesPrefix: string;
  readonly eol: Eol;
}

/**
 * Strips the block's common indentation, then indents it with the given prefixes. Blank lines
 * become empty (no trailing whitespace), and every line break becomes `eol`.
 */
export function reindentBlock(code: string, options: ReindentOptions): string {
  const lines = toLf(code).split('\n');
  const strip = commonIndent(lines).length;
  const out = lines.map((line, index) => {
    if (isBlank(line)) return '';
    const body = line.slice(strip);
    return (index === 0 ? options.firstLinePrefix : options.otherLinesPrefix) + body;
  });
  return withEol(out.join('\n'), options.eol);
}

/**
 * Code for "Insert at cursor": the first line continues where the cursor is (the cursor line
 * already carries its indentation), the following lines take the cursor line's indentation.
 */
export function reindentForInsertion(code: string, cursorLineText: string, eol: Eol): string {
  return reindentBlock(code, { firstLinePrefix: '', otherLinesPrefix: leadingWhitespace(cursorLineText), eol });
}

export interface ReplacedRange {
  /** The text being replaced, as it is in the document. */
  readonly originalText: string;
  /** Full text of the line the range starts on. */
  readonly startLineText: string;
  /** Column (0-based, in UTF-16 units) where the range starts. */
  readonly startCharacter: number;
}

/**
 * Code that replaces a range (Apply, inline edit) at the range's own indentation. A range that
 * starts at the beginning of its line keeps the original block's common indentation; one that
 * starts inside a line (an expression) leaves its first line alone and indents the rest like the
 * start line.
 */
export function reindentForReplacement(code: string, range: ReplacedRange, eol: Eol): string {
  const startLineIndent = leadingWhitespace(range.startLineText);
  if (range.startCharacter === 0) {
    const indent = commonIndent(toLf(range.originalText).split('\n'));
    return reindentBlock(code, { firstLinePrefix: indent, otherLinesPrefix: indent, eol });
  }
  if (range.startCharacter <= startLineIndent.length) {
    // Starts inside the indentation: the part of it before the range stays in the document.
    const indent = startLineIndent;
    return reindentBlock(code, { firstLinePrefix: indent.slice(range.startCharacter), otherLinesPrefix: indent, eol });
  }
  return reindentBlock(code, { firstLinePrefix: '', otherLinesPrefix: startLineIndent, eol });
}
