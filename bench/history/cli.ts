/**
 * Runs the history benches alone (after building): `node out/bench/history/cli.js node|list|activation`.
 * `seed <dir>` writes <dir>/100 and <dir>/10k; `activation <dir>` then uses them (seeding takes a
 * minute or two: do it outside the shared bench lock).
 */
import { join } from 'node:path';
import { runHistoryActivationBench } from './historyActivation';
import { runHistoryBench } from './historyBench';
import { runHistoryListBench } from './historyListBench';
import { seedHistory } from './seedHistory';

const [which = 'node', dir] = process.argv.slice(2);
const seeded = dir ? { at100: join(dir, '100'), at10k: join(dir, '10k') } : undefined;
const run =
  which === 'list' ? runHistoryListBench()
  : which === 'activation' ? runHistoryActivationBench(process.cwd(), 3, console.log, seeded)
  : which === 'seed' && seeded ? Promise.all([seedHistory(seeded.at100, 100), seedHistory(seeded.at10k, 10_000)])
  : runHistoryBench();
run.then(
  (results) => console.log(JSON.stringify(results, null, 2)),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
