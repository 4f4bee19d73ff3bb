/**
 * The one grammar for file references in answers. The chat view links what it finds here; the host
 * opens what the view posts (checking the path again: see pathInsideRoot in src/core). Plain
 * TypeScript with no Node or DOM, because both the webview bundle and the host import it.
 *
 * Accepted, with a path: `src/a.ts:12`, `src/a.ts:12-20`, `src/a.ts:12:5` (column ignored),
 * `src/a.ts#L12-L20`, `lib\win.py:4`, `C:\p\a.ts:3`, `/abs/a.ts:3`, `./x/.eslintrc.json:2`.
 * Without a path (the file the conversation is about): `L12`, `L12-L20`, `L12-20`, and, only as a
 * whole inline-code span, `line 12` / `lines 3-9` (in prose "line 2 of the output" is too often
 * not a reference).
 *
 * Guards against false positives in prose: a reference never starts inside a longer token (a URL,
 * `#L3`, `-L3`, `x.L3`), never ends inside one (`a.ts:12px`, `a.ts:1.5`), and a file extension starts
 * with a letter, so version numbers (`v1.2:3`) and addresses (`10.0.0.1:80`) are not files.
 */
export interface FileReference {
  /** As written, backslashes turned into slashes; empty for a bare line reference. */
  readonly path: string;
  /** 1-based. */
  readonly line: number;
  /** Present only when after `line`. */
  readonly endLine?: number;
}

export interface FoundReference {
  /** Offsets into the searched text: `text.slice(start, end)` is the reference as written. */
  readonly start: number;
  readonly end: number;
  readonly reference: FileReference;
}

const SEGMENT = String.raw`[\w.@~-]`;
/** Optional drive, directories (an empty first one makes the path absolute), then `name.ext`. */
const PATH = String.raw`(?:[A-Za-z]:)?(?:${SEGMENT}*[\\/])*${SEGMENT}*[\w@~-]\.[A-Za-z]\w*`;
const PATH_REF = String.raw`(${PATH})(?::(\d+)(?::\d+)?(?:-(\d+))?|#L(\d+)(?:-L?(\d+))?)`;
const LINE_REF = String.raw`L(\d+)(?:-L?(\d+))?`;
const SPELLED_REF = String.raw`lines? (\d+)(?:\s*(?:-|–|to)\s*(\d+))?`;

const WHOLE = new RegExp(String.raw`^(?:${PATH_REF}|${LINE_REF}|${SPELLED_REF})$`, 'i');
const IN_PROSE = new RegExp(String.raw`(?<![\w/\\.:~@#-])(?:${PATH_REF}|${LINE_REF})(?![\w/\\-]|\.\w)`, 'g');

function reference(path: string, start: string | undefined, end: string | undefined): FileReference | undefined {
  const line = Number(start);
  if (!Number.isSafeInteger(line) || line < 1) return undefined;
  const endLine = end === undefined ? undefined : Number(end);
  const normalized = path.replace(/\\/g, '/');
  if (endLine === undefined || !Number.isSafeInteger(endLine) || endLine <= line) return { path: normalized, line };
  return { path: normalized, line, endLine };
}

function fromMatch(match: RegExpMatchArray): FileReference | undefined {
  const [, path = '', line, end, hashLine, hashEnd, bareLine, bareEnd, spelledLine, spelledEnd] = match;
  return reference(path, line ?? hashLine ?? bareLine ?? spelledLine, end ?? hashEnd ?? bareEnd ?? spelledEnd);
}

/** The reference a whole string spells (trimmed, backticks allowed around it), e.g. an inline code span. */
export function parseFileReference(text: string): FileReference | undefined {
  const match = WHOLE.exec(text.trim().replace(/^`+|`+$/g, ''));
  return match ? fromMatch(match) : undefined;
}

/** Every reference in a piece of prose, in order. */
export function findFileReferences(text: string): FoundReference[] {
  const found: FoundReference[] = [];
  for (const match of text.matchAll(IN_PROSE)) {
    const parsed = fromMatch(match);
    if (parsed && match.index !== undefined) found.push({ start: match.index, end: match.index + match[0].length, reference: parsed });
  }
  return found;
}
