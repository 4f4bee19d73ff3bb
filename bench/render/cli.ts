/** Runs the render benchmark alone: `node out/bench/render/cli.js [runs]` (after building). */
import { runRenderBench } from './renderBench';

const runs = Number(process.argv[2] ?? 3);
runRenderBench({ runs: Number.isFinite(runs) && runs > 0 ? runs : 3, oursOnly: process.argv.includes('--ours-only'), chartPath: process.argv.includes('--ours-only') ? null : undefined }).then(
  (results) => console.log(JSON.stringify(results, null, 2)),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
