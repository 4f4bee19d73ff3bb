/**
 * Every file of the workspace, for the `#` mention: listed once with `findFiles` (which applies
 * `files.exclude`), filtered by the workspace's `.gitignore` files, and kept current by a file
 * watcher, so each keystroke only ranks an in-memory list.
 */
import * as vscode from 'vscode';
import { PathRanker, type RankedPath } from '../../core/context/fuzzyMatch';
import { GitignoreRules, IgnoreFilter } from '../../core/context/gitignore';
import type { Log } from '../log';

/** More than this many files and the list stops growing (a giant monorepo must not eat memory). */
const MAX_FILES = 200_000;

interface Entry {
  readonly uri: vscode.Uri;
  readonly lower: string;
}

export class WorkspaceFileIndex implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  /** Built from the entries on the first query after a change; dropped on every change. */
  private ranker: PathRanker | undefined;
  private ignore = new IgnoreFilter([]);
  private building: Promise<void> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly log: Log) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.onCreated(uri)),
      watcher.onDidDelete((uri) => this.onDeleted(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('files.exclude')) this.invalidate();
      }),
    );
  }

  /** The best matches for a mention query, best first. Builds the index on first use. */
  async search(query: string, limit = 20): Promise<RankedPath[]> {
    await this.ready();
    if (!this.ranker) {
      const paths = [...this.entries.keys()];
      this.ranker = new PathRanker(paths, paths.map((p) => this.entries.get(p)?.lower ?? p.toLowerCase()));
    }
    return this.ranker.rank(query, limit);
  }

  /** The file for a path this index offered, or undefined (never a path outside the workspace). */
  async uriOf(path: string): Promise<vscode.Uri | undefined> {
    await this.ready();
    return this.entries.get(path)?.uri;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Resolves when the first listing (or a rebuild after a change of settings) is done. */
  ready(): Promise<void> {
    this.building ??= this.build().catch((error: unknown) => {
      this.log.warn('context', `could not list the workspace files: ${error instanceof Error ? error.message : String(error)}`);
      this.building = undefined;
    });
    return this.building;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
  }

  private async build(): Promise<void> {
    const started = Date.now();
    this.ignore = await readIgnoreFilter();
    const uris = await vscode.workspace.findFiles('**/*', undefined, MAX_FILES);
    this.entries.clear();
    for (const uri of uris) this.addUri(uri);
    this.changed();
    this.log.info('context', `indexed ${this.entries.size} workspace files in ${Date.now() - started} ms`);
  }

  private invalidate(): void {
    this.building = undefined;
    this.entries.clear();
    this.changed();
  }

  private async onCreated(uri: vscode.Uri): Promise<void> {
    if (!this.building) return;
    if (uri.path.endsWith('/.gitignore')) return this.invalidate();
    // Folders are not offered (their files are reported one by one).
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (!stat || stat.type & vscode.FileType.Directory) return;
    if (this.addUri(uri, true)) this.changed();
  }

  private onDeleted(uri: vscode.Uri): void {
    if (!this.building) return;
    if (uri.path.endsWith('/.gitignore')) return this.invalidate();
    const path = relativePath(uri);
    if (this.entries.delete(path)) return this.changed();
    // Not a file we listed: a deleted folder, reported once. Drop everything below it.
    const prefix = `${path}/`;
    let removed = false;
    for (const key of this.entries.keys()) {
      if (key.startsWith(prefix)) {
        this.entries.delete(key);
        removed = true;
      }
    }
    if (removed) this.changed();
  }

  /** `fromWatcher`: findFiles already applied files.exclude to the first listing, the watcher does not. */
  private addUri(uri: vscode.Uri, fromWatcher = false): boolean {
    if (this.entries.size >= MAX_FILES) return false;
    const path = relativePath(uri);
    if (this.entries.has(path) || this.ignore.ignores(path) || (fromWatcher && isExcludedByFilesExclude(path))) return false;
    this.entries.set(path, { uri, lower: path.toLowerCase() });
    return true;
  }

  private changed(): void {
    this.ranker = undefined;
  }
}

function relativePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1).replace(/\\/g, '/');
}

/**
 * The watcher reports files that `files.exclude` hides (findFiles applies it, the watcher does
 * not). The common shape of those patterns, `**\/name` and `name`, is checked here per segment.
 */
function isExcludedByFilesExclude(path: string): boolean {
  const exclude = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude') ?? {};
  const segments = path.split('/');
  for (const [pattern, enabled] of Object.entries(exclude)) {
    if (enabled !== true) continue;
    const name = pattern.replace(/^\*\*\//, '');
    if (!/[*?[{]/.test(name) && (segments.includes(name) || path === name || path.startsWith(`${name}/`))) return true;
  }
  return false;
}

/** The `.gitignore` files of every workspace folder (git ignores `.git` itself). */
async function readIgnoreFilter(): Promise<IgnoreFilter> {
  const files = await vscode.workspace.findFiles('**/.gitignore', undefined, 1000);
  const rules: GitignoreRules[] = [GitignoreRules.parse('.git/\n')];
  for (const uri of files) {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const folder = relativePath(uri).replace(/\/?\.gitignore$/, '');
      rules.push(GitignoreRules.parse(text, folder));
    } catch {
      // An unreadable ignore file ignores nothing.
    }
  }
  return new IgnoreFilter(rules);
}
