// `npm run fuzz:deep`: the conversation fuzz (test/unit/fuzz) at 10,000 sequences, for runs
// longer than `npm test` can afford (about 45 minutes here). FUZZ_RUNS, FUZZ_SEED and FUZZ_PATH
// work as in the unit tier; a failure prints the seed, the shrink path and the shrunk sequence.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '10000' };
console.log(`fuzz:deep: ${env.FUZZ_RUNS} conversation sequences`);
const result = spawnSync(
  process.execPath,
  [
    'node_modules/mocha/bin/mocha.js',
    '--require', 'out/test/unit/requestSchemaHook.js',
    '--enable-source-maps',
    'out/test/unit/fuzz/conversation.fuzz.test.js',
  ],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
