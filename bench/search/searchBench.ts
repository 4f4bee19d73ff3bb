/**
 * `search_text` on a generated 50,000-file workspace (issue 16): our search (runRipgrep, as the
 * tool runs it: the ripgrep VS Code ships, `files.exclude` as negated globs, the result cap) ÷ plain
 * `rg` on the same folder for the same text, run alternately, ratio of the medians. The text occurs
 * in 0.2 % of the files, under the cap, so both read the whole workspace.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findRipgrep, runRipgrep, SEARCH_RESULT_CAP } from '../../src/extension/tools/ripgrep';
import { generatePaths } from '../mention/mentionBench';
import { median, round } from '../stats';

const FILES = 50_000;
const NEEDLE = 'needleForTheSearchBench';
/** VS Code's default `files.exclude`, as the tool passes it. */
const DEFAULT_EXCLUDES = ['**/.git', '**/.svn', '**/.hg', '**/CVS', '**/.DS_Store', '**/Thumbs.db'];

export interface SearchBenchResults {
  readonly files: number;
  readonly matches: number;
  readonly oursMs: number;
  readonly rgMs: number;
  readonly ratio: number;
  readonly runs: number;
}

async function generateWorkspace(root: string): Promise<number> {
  const paths = generatePaths(FILES);
  let withNeedle = 0;
  const folders = new Set(paths.map((p) => dirname(join(root, p))));
  for (const folder of folders) await fs.mkdir(folder, { recursive: true });
  for (let i = 0; i < paths.length; i += 500) {
    await Promise.all(
      paths.slice(i, i + 500).map((path, j) => {
        const index = i + j;
        const hit = index % 500 === 7;
        if (hit) withNeedle++;
        const body = `// file ${index}\nexport function f${index}(a: number): number {\n  return a * ${index};\n}\n${hit ? `const marker = '${NEEDLE}';\n` : ''}`;
        return fs.writeFile(join(root, path), body);
      }),
    );
  }
  return withNeedle;
}

function plainRg(rg: string, cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(rg, ['--line-number', '--no-heading', '--fixed-strings', NEEDLE, '.'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    let lines = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    child.on('error', reject);
    child.on('close', () => resolve(lines));
  });
}

export async function runSearchBench(appRoot: string, runs = 7): Promise<SearchBenchResults | undefined> {
  const rg = findRipgrep(appRoot);
  if (!rg) return undefined;
  const root = await fs.mkdtemp(join(tmpdir(), 'orc-search-bench-'));
  try {
    const matches = await generateWorkspace(root);
    const ours: number[] = [];
    const plain: number[] = [];
    const timeOurs = async (): Promise<void> => {
      const started = performance.now();
      const result = await runRipgrep({ rg, cwd: root, query: NEEDLE, isRegex: false, excludes: DEFAULT_EXCLUDES, cap: SEARCH_RESULT_CAP, signal: new AbortController().signal });
      ours.push(performance.now() - started);
      if (result.lines.length !== matches) throw new Error(`search bench: ours found ${result.lines.length} of ${matches}`);
    };
    const timePlain = async (): Promise<void> => {
      const started = performance.now();
      const found = await plainRg(rg, root);
      plain.push(performance.now() - started);
      if (found !== matches) throw new Error(`search bench: rg found ${found} of ${matches}`);
    };
    await plainRg(rg, root); // warm the file cache for both
    for (let i = 0; i < runs; i++) {
      // Alternate the order so neither side always runs on a warmer cache.
      if (i % 2 === 0) {
        await timeOurs();
        await timePlain();
      } else {
        await timePlain();
        await timeOurs();
      }
    }
    const oursMs = median(ours);
    const rgMs = median(plain);
    return { files: FILES, matches, oursMs: round(oursMs, 1), rgMs: round(rgMs, 1), ratio: round(oursMs / rgMs, 2), runs };
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}
