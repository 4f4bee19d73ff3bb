/**
 * `.gitignore` rules, so the `#` mention never offers what git itself ignores (build output,
 * dependencies). VS Code's `findFiles` applies `files.exclude` but not ignore files, hence this.
 *
 * Supported, as git documents it: blank lines and `#` comments, `!` negation, a trailing `/` for
 * directories only, a leading or middle `/` anchoring the pattern to the file's folder, `*`, `?`,
 * `[...]` classes, and `**` for any number of folders. As in git, a file inside an ignored folder
 * stays ignored even if a later rule re-includes the file.
 */

interface Rule {
  readonly regex: RegExp;
  readonly negated: boolean;
  readonly directoryOnly: boolean;
}

export class GitignoreRules {
  private constructor(
    /** Folder of the `.gitignore`, relative to the workspace root, without a trailing slash ('' for the root). */
    readonly base: string,
    private readonly rules: readonly Rule[],
  ) {}

  static parse(text: string, base = ''): GitignoreRules {
    const rules: Rule[] = [];
    for (const rawLine of text.split(/\r?\n/)) {
      const rule = parseLine(rawLine);
      if (rule) rules.push(rule);
    }
    return new GitignoreRules(base.replace(/^\/+|\/+$/g, ''), rules);
  }

  get isEmpty(): boolean {
    return this.rules.length === 0;
  }

  /**
   * What these rules say about `path` (relative to the workspace root): true ignored, false
   * re-included, undefined no rule matched (or the path is outside this file's folder).
   */
  verdict(path: string, isDirectory: boolean): boolean | undefined {
    let relative = path;
    if (this.base !== '') {
      if (!path.startsWith(`${this.base}/`)) return undefined;
      relative = path.slice(this.base.length + 1);
    }
    let result: boolean | undefined;
    for (const rule of this.rules) {
      if (rule.directoryOnly && !isDirectory) continue;
      if (rule.regex.test(relative)) result = !rule.negated;
    }
    return result;
  }
}

/** Every `.gitignore` of a workspace folder; deeper files override shallower ones, as in git. */
export class IgnoreFilter {
  private readonly files: GitignoreRules[];

  constructor(files: readonly GitignoreRules[]) {
    // Shallow first, so a deeper file's verdict, read later, wins.
    this.files = [...files].sort((a, b) => depth(a.base) - depth(b.base));
  }

  /** Is this file (a workspace-relative path with forward slashes) ignored? */
  ignores(path: string): boolean {
    if (this.files.length === 0) return false;
    const parts = path.split('/');
    for (let end = 1; end <= parts.length; end++) {
      const isDirectory = end < parts.length;
      const prefix = parts.slice(0, end).join('/');
      let ignored = false;
      for (const file of this.files) {
        const verdict = file.verdict(prefix, isDirectory);
        if (verdict !== undefined) ignored = verdict;
      }
      // An ignored folder hides everything below it; git does not look inside.
      if (ignored) return true;
    }
    return false;
  }
}

function depth(base: string): number {
  return base === '' ? 0 : base.split('/').length;
}

function parseLine(rawLine: string): Rule | undefined {
  // Trailing spaces are ignored unless escaped.
  let line = rawLine.replace(/(?<!\\)\s+$/, '');
  if (line === '' || line.startsWith('#')) return undefined;
  let negated = false;
  if (line.startsWith('!')) {
    negated = true;
    line = line.slice(1);
  } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
    line = line.slice(1);
  }
  let directoryOnly = false;
  if (line.endsWith('/')) {
    directoryOnly = true;
    line = line.replace(/\/+$/, '');
  }
  if (line === '') return undefined;
  // A slash at the start or in the middle anchors the pattern to the .gitignore's folder.
  const anchored = line.includes('/');
  line = line.replace(/^\//, '');
  const body = globToRegex(line);
  const regex = new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`);
  return { regex, negated, directoryOnly };
}

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] as string;
    if (char === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          if (i + 2 === glob.length) out += '.*'; // `a/**`: everything inside
          else {
            out += '(?:.*/)?'; // `**/` : zero or more folders
            i++; // the slash is consumed with the stars
          }
          i++;
          continue;
        }
      }
      out += '[^/]*';
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      const inner = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
      out += `[${inner}]`;
      i = close;
    } else if (char === '\\' && i + 1 < glob.length) {
      out += escapeRegex(glob[i + 1] as string);
      i++;
    } else {
      out += escapeRegex(char);
    }
  }
  return out;
}

function escapeRegex(char: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(char) ? `\\${char}` : char;
}
