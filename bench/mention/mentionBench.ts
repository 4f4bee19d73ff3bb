/**
 * `#` mention suggestions on a generated 50,000-file workspace: the time from a keystroke to the
 * ranked suggestions, once the index is built. What runs per keystroke in the extension host is
 * the index's PathRanker (WorkspaceFileIndex.search), so that is timed, keystroke by keystroke,
 * over queries typed one letter at a time (each mention starts from the whole list).
 */
import { performance } from 'node:perf_hooks';
import { PathRanker } from '../../src/core/context/fuzzyMatch';
import { median } from '../stats';

const FILES = 50_000;
const LIMIT = 12;
const WORDS = ['core', 'chat', 'util', 'view', 'model', 'math', 'index', 'service', 'test', 'lib', 'components', 'helpers', 'api', 'store', 'render', 'session', 'parser', 'config', 'context', 'editor'];
const EXTENSIONS = ['ts', 'tsx', 'js', 'json', 'md', 'css', 'py', 'go'];
const QUERIES = ['math', 'chatsess', 'cvp', 'src/core/index', 'README', 'zzzz', 'storetest', 'p'];

/** A deterministic generator, so every run ranks the same workspace. */
export function generatePaths(count: number): string[] {
  let seed = 20_240_601;
  const next = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const depth = 1 + next(5);
    const folders = Array.from({ length: depth }, () => WORDS[next(WORDS.length)]);
    const name = `${WORDS[next(WORDS.length)]}${next(2) ? WORDS[next(WORDS.length)]!.replace(/^./, (c) => c.toUpperCase()) : ''}${i}`;
    paths.push(`${['src', 'test', 'packages'][next(3)]}/${folders.join('/')}/${name}.${EXTENSIONS[next(EXTENSIONS.length)]}`);
  }
  return paths;
}

export interface MentionBenchResult {
  readonly files: number;
  readonly keystrokes: number;
  readonly medianMs: number;
  readonly worstMs: number;
  readonly indexBuildMs: number;
}

export function runMentionBench(): MentionBenchResult {
  const paths = generatePaths(FILES);
  const buildStart = performance.now();
  const ranker = new PathRanker(paths);
  const indexBuildMs = performance.now() - buildStart;
  // Warm up the JIT the way a session's first few mentions do.
  for (const query of QUERIES) ranker.rank(query, LIMIT);
  const timings: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const query of QUERIES) {
      // `#` alone: the whole list, as when a new mention starts.
      ranker.rank('', LIMIT);
      for (let typed = 1; typed <= query.length; typed++) {
        const start = performance.now();
        ranker.rank(query.slice(0, typed), LIMIT);
        timings.push(performance.now() - start);
      }
    }
  }
  return { files: FILES, keystrokes: timings.length, medianMs: median(timings), worstMs: Math.max(...timings), indexBuildMs };
}
