/** Runs the history benches alone: `node out/bench/history/cli.js [node|list|activation]` (after building). */
import { runHistoryActivationBench } from './historyActivation';
import { runHistoryBench } from './historyBench';
import { runHistoryListBench } from './historyListBench';

const which = process.argv[2] ?? 'node';
const run = which === 'list' ? runHistoryListBench() : which === 'activation' ? runHistoryActivationBench(process.cwd()) : runHistoryBench();
run.then(
  (results) => console.log(JSON.stringify(results, null, 2)),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
