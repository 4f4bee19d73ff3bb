/** Runs the long chat benchmark alone: `node out/bench/longChat/cli.js [runs]` (after building). */
import { runLongChatBench } from './longChatBench';

const runs = Number(process.argv[2] ?? 5);
runLongChatBench({ runs: Number.isFinite(runs) && runs > 0 ? runs : 5 }).then(
  (results) => console.log(JSON.stringify(results, null, 2)),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
