import type { Parameters as FcParameters } from 'fast-check';

/**
 * The run size and replay knobs shared by every property-based test (issue 21):
 *   FUZZ_RUNS=10000  how many generated cases each property runs (default: the test's own, sized
 *                    so `npm test` stays about a minute for all of them together);
 *   FUZZ_SEED=…      replay: the seed a failure printed;
 *   FUZZ_PATH=…      replay: the shrink path a failure printed (straight to the shrunk case).
 * fast-check prints both on failure, with the shrunk counterexample.
 */
export function fuzzParameters<T>(defaultRuns: number, defaultSeed?: number): FcParameters<T> {
  const runs = Number(process.env.FUZZ_RUNS ?? '');
  const seed = Number(process.env.FUZZ_SEED ?? '');
  const path = process.env.FUZZ_PATH;
  // A test that talks to real sockets may pin its seed for `npm test`, so CI draws the same
  // sequences every time; any FUZZ_RUNS or FUZZ_SEED (deep runs, replays) draws afresh.
  const pinned = process.env.FUZZ_RUNS === undefined && process.env.FUZZ_SEED === undefined ? defaultSeed : undefined;
  return {
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns,
    ...(process.env.FUZZ_SEED !== undefined && Number.isInteger(seed) ? { seed } : pinned !== undefined ? { seed: pinned } : {}),
    ...(path ? { path } : {}),
    verbose: 1,
  };
}

/** Per-test time for a property: generous, and scaled with FUZZ_RUNS for deep runs. */
export function fuzzTimeout(defaultRuns: number, msPerRun: number): number {
  const runs = Number(process.env.FUZZ_RUNS ?? '') || defaultRuns;
  return Math.max(60_000, runs * msPerRun * 4);
}
