/**
 * Fuzzy ranking of workspace paths for the `#` mention: the query's characters must appear in the
 * path in order (case-insensitive); among the paths that match, the best alignment wins. Scores
 * reward what a person means when typing a few letters: the start of the file name, the start of
 * a word (after `/`, `.`, `_`, `-`, a space or a lower-to-upper case change), runs of consecutive
 * characters, and matches in the file name rather than in its folders. Gaps cost a little.
 *
 * The best alignment is found by dynamic programming over (query char, path char), so `mat` in
 * `src/format/math.ts` aligns with `math`, not with the `ma` of `format` plus a stray `t`.
 */

export interface FuzzyMatch {
  readonly score: number;
  /** Indexes of the path characters the query matched. */
  readonly positions: number[];
}

const MATCH = 16;
const BONUS_FILE_START = 12;
const BONUS_WORD_START = 10;
const BONUS_CAMEL = 10;
const BONUS_CONSECUTIVE = 10;
const BONUS_IN_FILE_NAME = 4;
const GAP_START = 3;
const GAP_EXTEND = 1;
const NONE = Number.NEGATIVE_INFINITY;

function isSeparator(char: string): boolean {
  return char === '/' || char === '\\' || char === '.' || char === '_' || char === '-' || char === ' ';
}

/** How much starting a match at `index` is worth: word starts beat the middle of a word. */
function positionBonus(path: string, index: number, fileStart: number): number {
  if (index === fileStart) return BONUS_FILE_START;
  if (index === 0) return BONUS_WORD_START;
  const previous = path[index - 1] ?? '';
  const current = path[index] ?? '';
  if (isSeparator(previous)) return BONUS_WORD_START;
  if (previous.toLowerCase() === previous && previous.toUpperCase() !== previous && current.toUpperCase() === current && current.toLowerCase() !== current) {
    return BONUS_CAMEL;
  }
  return 0;
}

/** Is `query` (lower case) a subsequence of `lowerPath`? The cheap filter before scoring. */
export function isSubsequence(query: string, lowerPath: string): boolean {
  let from = 0;
  for (const char of query) {
    const found = lowerPath.indexOf(char, from);
    if (found < 0) return false;
    from = found + 1;
  }
  return true;
}

/**
 * The best alignment of `query` in `path`, or undefined when the query's characters do not all
 * appear in order. Whitespace in the query is ignored; an empty query matches with score 0.
 */
export function fuzzyMatch(query: string, path: string, lowerPath = path.toLowerCase()): FuzzyMatch | undefined {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (q.length === 0) return { score: 0, positions: [] };
  if (q.length > path.length || !isSubsequence(q, lowerPath)) return undefined;
  const n = path.length;
  const m = q.length;
  const fileStart = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1;
  // best[i*n + j]: best score with q[i] matched at path[j]; from[i*n + j]: where q[i-1] was matched.
  // One flat pair of buffers, reused across calls: ranking 50,000 paths must not allocate per path.
  const { best, from } = buffers(m * n);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    const previous = (i - 1) * n;
    const char = q[i];
    best.fill(NONE, row, row + n);
    from.fill(-1, row, row + n);
    // Running best of best[previous + k] - gap(k, j) over k < j, kept as we sweep j.
    let runningScore = NONE;
    let runningIndex = -1;
    for (let j = i; j < n; j++) {
      if (i > 0 && j > 0) {
        // Extend every earlier candidate's gap by one, then consider k = j - 1 freshly (no gap yet).
        runningScore -= GAP_EXTEND;
        const adjacent = best[previous + j - 1] as number;
        if (adjacent !== NONE && adjacent - GAP_START >= runningScore) {
          runningScore = adjacent - GAP_START;
          runningIndex = j - 1;
        }
      }
      if (lowerPath[j] !== char) continue;
      const bonus = MATCH + positionBonus(path, j, fileStart) + (j >= fileStart ? BONUS_IN_FILE_NAME : 0);
      if (i === 0) {
        // Skipping leading characters costs a little, so earlier matches win ties.
        best[row + j] = bonus - Math.min(j, 20) * 0.1;
        continue;
      }
      const consecutive = j > 0 ? (best[previous + j - 1] as number) : NONE;
      const viaConsecutive = consecutive === NONE ? NONE : consecutive + bonus + BONUS_CONSECUTIVE;
      // A gap after k (< j-1) costs GAP_START plus GAP_EXTEND per further skipped character.
      const viaGap = runningIndex >= 0 && runningIndex < j - 1 ? runningScore + GAP_EXTEND + bonus : NONE;
      if (viaConsecutive >= viaGap && viaConsecutive !== NONE) {
        best[row + j] = viaConsecutive;
        from[row + j] = j - 1;
      } else if (viaGap !== NONE) {
        best[row + j] = viaGap;
        from[row + j] = runningIndex;
      }
    }
  }
  const lastRow = (m - 1) * n;
  let end = -1;
  for (let j = 0; j < n; j++) if (best[lastRow + j] !== NONE && (end < 0 || (best[lastRow + j] as number) > (best[lastRow + end] as number))) end = j;
  if (end < 0) return undefined;
  const positions: number[] = new Array<number>(m);
  for (let i = m - 1, j = end; i >= 0; i--) {
    positions[i] = j;
    j = from[i * n + j] as number;
  }
  // Shorter paths win ties: `math.ts` before `math.test.ts` before `src/deep/math.ts`.
  return { score: (best[lastRow + end] as number) - path.length * 0.01, positions };
}

let bestBuffer = new Float64Array(1024);
let fromBuffer = new Int32Array(1024);

function buffers(size: number): { best: Float64Array; from: Int32Array } {
  if (bestBuffer.length < size) {
    bestBuffer = new Float64Array(size * 2);
    fromBuffer = new Int32Array(size * 2);
  }
  return { best: bestBuffer, from: fromBuffer };
}

export interface RankedPath extends FuzzyMatch {
  readonly path: string;
}

/** The `limit` best paths for `query`, best first (a one-off ranking; an index keeps a PathRanker). */
export function rankPaths(query: string, paths: readonly string[], limit: number, lowerPaths?: readonly string[]): RankedPath[] {
  return new PathRanker(paths, lowerPaths).rank(query, limit);
}

/**
 * Ranks one fixed list of paths for query after query. While the user types a mention each query
 * extends the previous one, and a path that did not match `mat` cannot match `math`: so only the
 * previous query's matches are looked at again.
 */
export class PathRanker {
  private readonly lowerPaths: readonly string[];
  private previous: { query: string; matching: number[] } | undefined;

  constructor(
    private readonly paths: readonly string[],
    lowerPaths?: readonly string[],
  ) {
    this.lowerPaths = lowerPaths ?? paths.map((path) => path.toLowerCase());
  }

  rank(query: string, limit: number): RankedPath[] {
    const q = query.toLowerCase().replace(/\s+/g, '');
    const narrowed = this.previous && q.startsWith(this.previous.query) ? this.previous.matching : undefined;
    const count = narrowed ? narrowed.length : this.paths.length;
    const matching: number[] = [];
    const top: RankedPath[] = [];
    for (let c = 0; c < count; c++) {
      const index = narrowed ? (narrowed[c] as number) : c;
      const lower = this.lowerPaths[index] as string;
      if (!isSubsequence(q, lower)) continue;
      matching.push(index);
      const path = this.paths[index] as string;
      const match = fuzzyMatch(q, path, lower);
      if (!match) continue;
      if (top.length === limit && match.score <= (top[top.length - 1] as RankedPath).score) continue;
      insertSorted(top, { path, ...match }, limit);
    }
    this.previous = { query: q, matching };
    return top;
  }
}

function insertSorted(top: RankedPath[], item: RankedPath, limit: number): void {
  let at = top.length;
  while (at > 0 && (top[at - 1] as RankedPath).score < item.score) at--;
  top.splice(at, 0, item);
  if (top.length > limit) top.pop();
}
