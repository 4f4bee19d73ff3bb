/**
 * BPE merging costs the square of the length of one pre-tokenized piece: a minified file or a
 * long run of one character (40,000 of them took 0.7 s, 1.5 MB would take many minutes) froze the
 * extension host. Runs of non-space characters longer than this are counted a slice at a time; a
 * slice boundary can add a token, so such a run's count is at most one token a slice too high.
 */
const LONGEST_PIECE = 256;
const LONG_RUN = new RegExp(`\\S{${LONGEST_PIECE + 1},}`, 'g');

export function countBounded(text: string, count: (piece: string) => number): number {
  let total = 0;
  let from = 0;
  for (const match of text.matchAll(LONG_RUN)) {
    total += count(text.slice(from, match.index));
    const run = match[0];
    for (let start = 0; start < run.length; start += LONGEST_PIECE) total += count(run.slice(start, start + LONGEST_PIECE));
    from = match.index + run.length;
  }
  return total + count(text.slice(from));
}
