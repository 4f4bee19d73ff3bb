/**
 * Where a file reference from an answer may point, host side: only inside the workspace, and only
 * at lines the document has. The grammar (what counts as a reference) is shared with the chat view
 * in src/shared/fileReferenceGrammar.ts; this half needs node:path, which the view cannot load.
 */
import { posix } from 'node:path';
import type { FileReference } from '../../shared/fileReferenceGrammar';

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
