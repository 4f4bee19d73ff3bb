/**
 * Which paths a tool may touch. Every path a model names is resolved against the workspace
 * folders and refused when it lands outside them (`..`, an absolute path elsewhere, or, checked
 * again by the editor layer after resolving links, a symlink pointing out). Files that look like
 * secrets are allowed but always need the user's yes.
 */
import * as nodePath from 'node:path';

export interface WorkspaceRoot {
  /** The folder's name in a multi-root workspace ("folder/path" picks it). */
  readonly name: string;
  /** Absolute file-system path. */
  readonly path: string;
}

export type ConfinedPath =
  | { readonly ok: true; readonly root: WorkspaceRoot; readonly absolute: string; readonly relative: string }
  | { readonly ok: false; readonly reason: string };

/** Resolves a model-given path to a file inside one of the roots, or says why not. */
export function confinePath(requested: string, roots: readonly WorkspaceRoot[], path: typeof nodePath = nodePath): ConfinedPath {
  const first = roots[0];
  if (!first) return { ok: false, reason: 'No folder is open in VS Code, so there are no workspace files to use.' };
  const cleaned = requested.trim().replace(/^\.\/+/, '');
  if (cleaned.includes('\0')) return { ok: false, reason: 'The path contains a NUL character.' };
  let root = first;
  let rest = cleaned;
  if (path.isAbsolute(cleaned)) {
    const owner = roots.find((candidate) => isInside(cleaned, candidate.path, path));
    if (!owner) return outside(requested);
    root = owner;
    rest = path.relative(owner.path, cleaned);
  } else if (roots.length > 1) {
    // In a multi-root workspace "name/rest" addresses the folder called name.
    const [head, ...tail] = cleaned.split(/[\\/]/);
    const named = roots.find((candidate) => candidate.name === head);
    if (named) {
      root = named;
      rest = tail.join('/');
    }
  }
  const absolute = path.resolve(root.path, rest);
  if (!isInside(absolute, root.path, path)) return outside(requested);
  return { ok: true, root, absolute, relative: path.relative(root.path, absolute).split(path.sep).join('/') };
}

function outside(requested: string): ConfinedPath {
  return { ok: false, reason: `"${requested}" is outside the workspace folders; tools may only use files inside them.` };
}

/** Is `candidate` the root itself or below it? (Both absolute; no file-system access.) */
export function isInside(candidate: string, root: string, path: typeof nodePath = nodePath): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Patterns that always ask, whatever the auto-approve setting says. */
export const DEFAULT_SECRET_PATTERNS: readonly string[] = ['.env*', '*.pem', 'id_rsa*'];

/**
 * Does this workspace-relative path look like it holds secrets? A pattern without a slash is
 * matched against the file name (and every folder name on the way), one with a slash against
 * the whole relative path. Case-insensitive: `.ENV` is as secret as `.env`.
 */
export function looksSecret(relativePath: string, userPatterns: readonly string[] = []): boolean {
  const normalized = relativePath.replace(/\\/g, '/').replace(/^\/+/, '');
  const segments = normalized.split('/').filter((segment) => segment.length > 0);
  for (const pattern of [...DEFAULT_SECRET_PATTERNS, ...userPatterns]) {
    const trimmed = pattern.trim();
    if (!trimmed) continue;
    const regex = globToRegExp(trimmed.replace(/^\/+/, ''));
    if (trimmed.includes('/') ? regex.test(normalized) : segments.some((segment) => regex.test(segment))) return true;
  }
  return false;
}

/** A glob (`*`, `**`, `?`, `{a,b}`, `[abc]`) as an anchored, case-insensitive regular expression. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] as string;
    if (char === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches any number of folders, including none.
        const slash = glob[i + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else source += '[^/]*';
    } else if (char === '?') source += '[^/]';
    else if (char === '{') {
      inBraces = true;
      source += '(?:';
    } else if (char === '}' && inBraces) {
      inBraces = false;
      source += ')';
    } else if (char === ',' && inBraces) source += '|';
    else if (char === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close > i + 1) {
        source += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      } else source += '\\[';
    } else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

/**
 * Is this workspace-relative path hidden by `files.exclude`? Only patterns set to `true` count
 * (a `{ when }` condition depends on sibling files; those are left to VS Code's own search). A
 * pattern excludes a file when it matches the file or any folder on the way to it.
 */
export function isExcluded(relativePath: string, filesExclude: Readonly<Record<string, unknown>>): boolean {
  const segments = relativePath.replace(/\\/g, '/').split('/').filter((segment) => segment.length > 0);
  const prefixes = segments.map((_, index) => segments.slice(0, index + 1).join('/'));
  for (const [pattern, enabled] of Object.entries(filesExclude)) {
    if (enabled !== true) continue;
    const regex = globToRegExp(pattern.replace(/^\/+/, ''));
    if (prefixes.some((prefix) => regex.test(prefix))) return true;
  }
  return false;
}
