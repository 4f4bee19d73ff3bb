/**
 * The streaming renderer under random splits: random markdown from a grammar (markdownGrammar.ts),
 * cut into random deltas, streamed through the real webview bundle in Chromium, ends with the DOM
 * of the same text rendered once. fast-check draws the answers and the cuts, shrinks a failure to
 * a small answer, and prints the seed and path that replay it (the knobs every fuzz test shares,
 * see test/support/fuzz.ts):
 *
 *   FUZZ_SEED=<seed> FUZZ_PATH=<path> npm run test:webview -- --grep "random splits"
 *
 * FUZZ_RUNS sets the run size (each run streams a batch of up to 10 answers in one page call);
 * the default takes about a minute.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { chunkSizes, cutBySizes, markdownAnswer } from './markdownGrammar';
import { describeMismatches, findMismatches, VIRTUAL_FRAMES_SCRIPT } from './renderDriver';
import type { StreamCase } from './renderDriver';
import { usePageSession } from './pageSession';
import { fuzzParameters, fuzzTimeout } from '../support/fuzz';

const DEFAULT_RUNS = 30;

const streamCase = fc
  .tuple(markdownAnswer, chunkSizes, fc.constantFrom('done', 'stopped', 'error') as fc.Arbitrary<'done' | 'stopped' | 'error'>)
  .map(([text, sizes, status]): StreamCase => ({ name: `chunk sizes ${JSON.stringify(sizes)}, ${status}`, text, chunks: cutBySizes(text, sizes), status }));

describe('webview: the streaming renderer under random splits', () => {
  const session = usePageSession({ initScripts: [VIRTUAL_FRAMES_SCRIPT] });

  it('random markdown in random chunks ends as its one-shot render', async function () {
    this.timeout(fuzzTimeout(DEFAULT_RUNS, 7_500));
    let answers = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(streamCase, { minLength: 1, maxLength: 10 }), async (cases) => {
        answers += cases.length;
        const mismatches = await findMismatches(session.view, cases);
        assert.equal(mismatches.length, 0, describeMismatches(mismatches, 1));
      }),
      fuzzParameters(DEFAULT_RUNS),
    );
    console.log(`      render fuzz: ${answers} answers streamed, each compared with its one-shot render`);
  });
});
