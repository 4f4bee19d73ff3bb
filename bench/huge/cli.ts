/** Runs the 1 MB answer bench alone: `node out/bench/huge/cli.js [runs]` (after building). */
import { runHugeBench } from './hugeBench';

const runs = Number(process.argv[2] ?? 3);
runHugeBench(Number.isFinite(runs) && runs > 0 ? runs : 3).then(
  (results) => console.log(JSON.stringify(results, null, 2)),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
