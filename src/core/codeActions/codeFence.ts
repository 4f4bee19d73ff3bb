/**
 * Markdown fences that survive the code they wrap. A selection may itself contain ``` (a README,
 * a test of a markdown renderer); a fence one backtick longer than the longest run inside keeps
 * the model (and the chat view's renderer) from ending the block early. Reading fences back is
 * scanFences below, the one parser the host uses.
 */
import { toLf } from './eol';

/** The shortest backtick fence (at least three) longer than any backtick run in `code`. */
export function fenceFor(code: string): string {
  let longest = 0;
  for (const match of code.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** `code` as a fenced block tagged with `language` (a VS Code language id is a good markdown tag). */
export function fenced(code: string, language: string): string {
  const fence = fenceFor(code);
  const body = code.endsWith('\n') ? code : `${code}\n`;
  return `${fence}${language}\n${body}${fence}`;
}

/** One fenced code block as CommonMark reads it, by line index into the lines it was found in. */
export interface Fence {
  /** The line of the opening fence. */
  readonly open: number;
  /** The line of the closing fence; undefined when the text ends first (the block then runs to the end). */
  readonly close: number | undefined;
  /** Three or more of one character: the closing fence is at least as long. */
  readonly marker: string;
  /** The opening fence's indentation (0 to 3 spaces), removed from each body line. */
  readonly indent: number;
  /** The first word of the info string: `ts` for an opening line `~~~ts title="a"`. */
  readonly language: string;
  /** The body, each line with up to the opening fence's indentation removed. */
  readonly body: readonly string[];
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;

function closes(line: string, marker: string): boolean {
  const match = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  const run = match?.[1];
  return run !== undefined && run[0] === marker[0] && run.length >= marker.length;
}

/**
 * The host's one code-fence parser (CommonMark, top level): an opening fence is three or more
 * backticks or tildes indented at most three spaces, with an info string that has no backtick
 * after a backtick fence; the block ends at a line of the same character, at least as long,
 * indented at most three spaces with nothing after it but spaces, or at the end of the text.
 * The chat view renders with marked, which follows the same rules; fences nested in lists or
 * block quotes are only read there.
 */
export function scanFences(lines: readonly string[]): Fence[] {
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const opening = OPENING.exec(lines[i] ?? '');
    const [, indent = '', marker = '', info = ''] = opening ?? [];
    if (!opening || (marker.startsWith('`') && info.includes('`'))) continue;
    const body: string[] = [];
    let close: number | undefined;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (closes(line, marker)) {
        close = j;
        break;
      }
      body.push(line.replace(new RegExp(`^ {0,${indent.length}}`), ''));
    }
    fences.push({ open: i, close, marker, indent: indent.length, language: info.trim().split(/\s+/)[0] ?? '', body });
    if (close === undefined) break;
    i = close;
  }
  return fences;
}

/** A text's lines, `\r\n` or `\r` read as `\n`; a final line break does not start an empty line. */
export function markdownLines(markdown: string): string[] {
  const lines = toLf(markdown).split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export interface CodeBlock {
  readonly code: string;
  readonly language: string;
  /** False for a block the text ended inside (still streaming, or cut off). */
  readonly closed: boolean;
}

/** The fenced code blocks of a markdown answer, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  return scanFences(markdownLines(markdown)).map((fence) => ({ code: fence.body.join('\n'), language: fence.language, closed: fence.close !== undefined }));
}
