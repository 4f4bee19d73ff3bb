/**
 * The streaming renderer under random splits: random markdown from a grammar (markdownGrammar.ts),
 * cut into random deltas, streamed through the real webview bundle in Chromium, ends with the DOM
 * of the same text rendered once. fast-check draws the answers and the cuts, shrinks a failure to
 * a small answer, and prints the seed and path that replay it:
 *
 *   RENDER_FUZZ_SEED=<seed> RENDER_FUZZ_PATH=<path> npm run test:webview -- --grep "random splits"
 *
 * RENDER_FUZZ_RUNS sets the run size (each run streams a batch of up to 10 answers in one page
 * call); the default takes about a minute.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { chunkSizes, cutBySizes, markdownAnswer } from './markdownGrammar';
import { describeMismatches, findMismatches, VIRTUAL_FRAMES_SCRIPT } from './renderDriver';
import type { StreamCase } from './renderDriver';
import { usePageSession } from './pageSession';

const RUNS = Number(process.env.RENDER_FUZZ_RUNS ?? 30);
const SEED = Number(process.env.RENDER_FUZZ_SEED ?? Date.now() % 2_147_483_647);
const PATH = process.env.RENDER_FUZZ_PATH;

const streamCase = fc
  .tuple(markdownAnswer, chunkSizes, fc.constantFrom('done', 'stopped', 'error') as fc.Arbitrary<'done' | 'stopped' | 'error'>)
  .map(([text, sizes, status]): StreamCase => ({ name: `chunk sizes ${JSON.stringify(sizes)}, ${status}`, text, chunks: cutBySizes(text, sizes), status }));

describe('webview: the streaming renderer under random splits', () => {
  const session = usePageSession({ initScripts: [VIRTUAL_FRAMES_SCRIPT] });

  it(`random markdown in random chunks ends as its one-shot render (${RUNS} runs, seed ${SEED})`, async function () {
    this.timeout(Math.max(180_000, RUNS * 30_000));
    console.log(`      render fuzz: ${RUNS} runs, seed ${SEED}${PATH ? `, path ${PATH}` : ''} (replay: RENDER_FUZZ_SEED=${SEED} npm run test:webview -- --grep "random splits")`);
    let answers = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(streamCase, { minLength: 1, maxLength: 10 }), async (cases) => {
        answers += cases.length;
        const mismatches = await findMismatches(session.view, cases);
        assert.equal(mismatches.length, 0, describeMismatches(mismatches, 1));
      }),
      { numRuns: RUNS, seed: SEED, ...(PATH ? { path: PATH } : {}), endOnFailure: false },
    );
    console.log(`      render fuzz: ${answers} answers streamed, each compared with its one-shot render`);
  });
});
