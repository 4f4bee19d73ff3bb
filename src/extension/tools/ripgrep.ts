/**
 * search_text with the ripgrep VS Code ships (never a file-by-file loop in JavaScript). The
 * binary lives under the app root: `@vscode/ripgrep` in desktop VS Code (unpacked from the asar
 * archive), `@vscode/ripgrep-universal/bin/<platform>-<arch>` in code-server builds.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export const SEARCH_RESULT_CAP = 200;

export function ripgrepCandidates(appRoot: string): string[] {
  const exe = process.platform === 'win32' ? 'rg.exe' : 'rg';
  const platformDir = `${process.platform}-${process.arch}`;
  return [
    path.join(appRoot, 'node_modules', '@vscode', 'ripgrep', 'bin', exe),
    path.join(appRoot, 'node_modules.asar.unpacked', '@vscode', 'ripgrep', 'bin', exe),
    path.join(appRoot, 'node_modules', '@vscode', 'ripgrep-universal', 'bin', platformDir, exe),
    path.join(appRoot, 'node_modules.asar.unpacked', '@vscode', 'ripgrep-universal', 'bin', platformDir, exe),
  ];
}

export function findRipgrep(appRoot: string): string | undefined {
  return ripgrepCandidates(appRoot).find((candidate) => existsSync(candidate));
}

export interface RipgrepSearch {
  readonly rg: string;
  /** Folder to search; output paths are relative to it. */
  readonly cwd: string;
  readonly query: string;
  readonly isRegex: boolean;
  readonly glob?: string;
  /** `files.exclude` patterns (set to true) passed as negated globs. */
  readonly excludes: readonly string[];
  readonly cap: number;
  readonly signal: AbortSignal;
}

export interface RipgrepResult {
  /** `path:line: text` lines, at most `cap`. */
  readonly lines: string[];
  /** More matches existed than the cap. */
  readonly capped: boolean;
}

/**
 * Runs rg and keeps the first `cap` matching lines; stops the process as soon as it has them or
 * the signal aborts (Stop ends a running search). Exit code 1 means "no match", not an error.
 */
export function runRipgrep(search: RipgrepSearch): Promise<RipgrepResult> {
  const args = ['--line-number', '--no-heading', '--color', 'never', '--max-columns', '300', '--max-columns-preview', '--no-config'];
  if (!search.isRegex) args.push('--fixed-strings');
  if (search.glob) args.push('--glob', search.glob);
  for (const exclude of search.excludes) args.push('--glob', `!${exclude}`);
  args.push('--regexp', search.query, '--', '.');
  return new Promise<RipgrepResult>((resolve, reject) => {
    if (search.signal.aborted) return reject(search.signal.reason);
    const child = spawn(search.rg, args, { cwd: search.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let capped = false;
    let partial = '';
    let stderr = '';
    const onAbort = (): void => {
      child.kill();
    };
    search.signal.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      if (capped) return;
      const pieces = (partial + text).split('\n');
      partial = pieces.pop() ?? '';
      for (const piece of pieces) {
        if (lines.length >= search.cap) {
          capped = true;
          child.kill();
          return;
        }
        lines.push(piece.replace(/^\.[\\/]/, '').replace(/\r$/, ''));
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      stderr += text;
    });
    child.on('error', (error) => {
      search.signal.removeEventListener('abort', onAbort);
      reject(error);
    });
    child.on('close', (code) => {
      search.signal.removeEventListener('abort', onAbort);
      if (search.signal.aborted) return reject(search.signal.reason);
      if (!capped && partial && lines.length < search.cap) lines.push(partial.replace(/^\.[\\/]/, ''));
      if (capped || code === 0 || code === 1) return resolve({ lines, capped });
      reject(new Error(stderr.trim().split('\n')[0] || `ripgrep exited with code ${String(code)}`));
    });
  });
}
