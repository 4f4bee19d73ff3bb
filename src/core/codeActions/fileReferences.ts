/**
 * File references in answers: `src/a.ts:12`, `src/a.ts:12-20`, `src/a.ts:12:5`, `src/a.ts#L12-L20`,
 * or a bare `L12-L20` / `line 12` meaning the file the conversation is about. The chat view links
 * them; the host resolves them, and only ever inside the workspace.
 */
import { posix } from 'node:path';

export interface FileReference {
  /** As written; empty for a bare line reference (the current file). */
  readonly path: string;
  /** 1-based. */
  readonly line: number;
  readonly endLine?: number;
}

const PATH = String.raw`(?:[A-Za-z]:)?[\w@.~\-/\\]*[\w\-]\.[A-Za-z0-9]{1,10}`;
const WITH_PATH = new RegExp(String.raw`^(${PATH})(?::(\d+)(?::\d+)?(?:-(\d+))?|#L(\d+)(?:-L?(\d+))?)$`);
const BARE = /^(?:L(\d+)(?:-L?(\d+))?|lines? (\d+)(?:\s*(?:-|–|to)\s*(\d+))?)$/i;

function reference(path: string, start: string | undefined, end: string | undefined): FileReference | undefined {
  const line = Number(start);
  if (!Number.isSafeInteger(line) || line < 1) return undefined;
  const endLine = end === undefined ? undefined : Number(end);
  if (endLine === undefined || !Number.isSafeInteger(endLine) || endLine <= line) return { path, line };
  return { path, line, endLine };
}

/** The reference `text` is (trimmed, backticks allowed around it), or undefined. */
export function parseFileReference(text: string): FileReference | undefined {
  const token = text.trim().replace(/^`+|`+$/g, '');
  const withPath = WITH_PATH.exec(token);
  if (withPath) {
    const [, path = '', line, end, hashLine, hashEnd] = withPath;
    return reference(path.replace(/\\/g, '/'), line ?? hashLine, end ?? hashEnd);
  }
  const bare = BARE.exec(token);
  if (bare) return reference('', bare[1] ?? bare[3], bare[2] ?? bare[4]);
  return undefined;
}

export interface FoundReference {
  readonly start: number;
  readonly end: number;
  readonly reference: FileReference;
}

const CANDIDATES = new RegExp(String.raw`${PATH}(?::\d+(?::\d+)?(?:-\d+)?|#L\d+(?:-L?\d+)?)|\bL\d+(?:-L?\d+)?\b`, 'g');

/** Every reference in a piece of prose, in order (for linkifying plain text). */
export function findFileReferences(text: string): FoundReference[] {
  const found: FoundReference[] = [];
  for (const match of text.matchAll(CANDIDATES)) {
    const parsed = parseFileReference(match[0]);
    if (parsed && match.index !== undefined) found.push({ start: match.index, end: match.index + match[0].length, reference: parsed });
  }
  return found;
}

/**
 * `refPath` relative to a workspace root (both in URI path form, forward slashes), or undefined
 * when it points outside that root: `../x`, or an absolute path elsewhere.
 */
export function pathInsideRoot(refPath: string, rootPath: string): string | undefined {
  const root = posix.normalize(uriPathForm(rootPath)).replace(/(.)\/$/, '$1');
  const cleaned = uriPathForm(refPath);
  const candidate = posix.normalize(posix.isAbsolute(cleaned) ? cleaned : `${root}/${cleaned}`);
  const relative = posix.relative(root, candidate);
  if (relative === '' || relative === '..' || relative.startsWith('../') || posix.isAbsolute(relative)) return undefined;
  return relative;
}

/** Forward slashes, and a Windows drive written as a URI path writes it (`/c:/...`). */
function uriPathForm(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\/?([A-Za-z]):\//, (_match, drive: string) => `/${drive.toLowerCase()}:/`);
}

/** Clamps a reference to a document of `lineCount` lines; returns 0-based inclusive lines. */
export function clampReference(reference: FileReference, lineCount: number): { startLine: number; endLine: number } {
  const last = Math.max(0, lineCount - 1);
  const startLine = Math.min(Math.max(reference.line - 1, 0), last);
  const endLine = Math.min(Math.max((reference.endLine ?? reference.line) - 1, startLine), last);
  return { startLine, endLine };
}
