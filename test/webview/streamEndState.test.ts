/**
 * A streamed answer, however its text was cut into deltas and however it ended (done, stopped,
 * failed), ends with exactly the DOM of the same text rendered once, as reopening the chat from
 * history renders it. The inputs: the shapes that broke in practice, typical model answers, and
 * every example of the CommonMark spec.
 */
import * as assert from 'node:assert/strict';
import { tests as specExamples } from 'commonmark-spec';
import { chunkText } from './fixtures';
import { describeMismatches, findMismatches, randomChunks, seededRandom, VIRTUAL_FRAMES_SCRIPT } from './renderDriver';
import type { StreamCase } from './renderDriver';
import { usePageSession } from './pageSession';
import { TYPICAL_ANSWERS } from './typicalAnswers';

/** The shapes reported in issue 22: each streamed differently from its one-shot render. */
const REPORTED_SHAPES: Readonly<Record<string, string>> = {
  'numbered loose list': 'Steps:\n\n1. Install the package.\n\n2. Run the build.\n\n3. Open the view.\n',
  '#hashtag line': 'Use the tag\n#hashtag in text.\n',
  'indented code after a fence': '```ts\nconst a = 1;\n```\n    indented after fence\n',
  'link definition later in the text': 'See [docs].\n\n> [docs]: https://example.com\n',
  'top-level link definition later': 'See [docs] and [more][m].\n\nMore text.\n\n[docs]: https://example.com/docs\n[m]: https://example.com/m "More"\n',
  'leading blank lines': '\n\n  \nHello after blank lines.\n',
  'leading spaces': '   Indented start of an answer\nthat goes on.\n',
  'leading indented code': '\n    code at the start\n    more code\n\nThen prose.\n',
  'setext after indented text': '    indented code\n\nHeading\n-------\n\n  Indented text\n===\n',
  // Found by the render fuzz (renderFuzz.test.ts) against the old renderer, shrunk.
  'indented line after a closed fence': '```\n```\n  indented();\n```',
  'fence inside a list item': '1. Step one:\n\n   ```sh\n   npm ci\n   ```\n\n2. Step two:\n\n   ```sh\n   npm test\n   ```\n',
  // Found by the render fuzz in a clean-clone CI run (seed -1597797414), shrunk: until the
  // definition arrives, `[ref]` is text, so the element drawn for the file reference is reused
  // for the reference's link and the next one for the file reference, keeping the order of the
  // attributes it already had.
  'a reference defined after a file reference': 'alpha [ref] src/app.ts:12\n[alpha](https://example.com/alpha)\nalpha\n\n\n[ref]: https://example.com/ref\n- alpha',
  // Found by the render fuzz in a clean-clone CI run (seed -496304701), shrunk: with `-` the line
  // before is a setext heading, ending the paragraph above it; with `- x` it is a list item, and
  // the paragraph goes on over that line.
  'a list item that began as a setext underline': '|\n_alpha_\n- _alpha_\n',
  // The same with a table's delimiter row (seed -1058971395, shrunk by hand).
  'a list item that began as a table delimiter row': 'alpha\n`*` beta\n- | _alpha_\n',
};

/** The seed of every random split in this file: FUZZ_SEED=<n> (shared by every fuzz test) replays a failing run. */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

function cases(name: string, text: string, random: () => number): StreamCase[] {
  return [
    { name: `${name}, 1-char chunks`, text, chunks: chunkText(text, 1) },
    { name: `${name}, random chunks (seed ${SEED})`, text, chunks: randomChunks(text, random), status: 'stopped' },
    { name: `${name}, 5-char chunks, failed`, text, chunks: chunkText(text, 5), status: 'error' },
  ];
}

describe('webview: a streamed answer ends exactly as its one-shot render', () => {
  const session = usePageSession({ initScripts: [VIRTUAL_FRAMES_SCRIPT] });

  before(() => console.log(`      random splits use seed ${SEED} (replay: FUZZ_SEED=${SEED} npm run test:webview -- --grep "one-shot render")`));

  it('the shapes reported in issue 22, in 1-char, 5-char and random chunks, ending done, stopped or failed', async () => {
    const random = seededRandom(SEED);
    const all = Object.entries(REPORTED_SHAPES).flatMap(([name, text]) => cases(name, text, random));
    const mismatches = await findMismatches(session.view, all);
    assert.equal(mismatches.length, 0, describeMismatches(mismatches));
  });

  it('typical model answers: numbered steps with code, nested lists, tables, answers starting with whitespace', async function () {
    this.timeout(120_000);
    const random = seededRandom(SEED + 1);
    const all = Object.entries(TYPICAL_ANSWERS).flatMap(([name, text]) => cases(name, text, random));
    const mismatches = await findMismatches(session.view, all, 10);
    assert.equal(mismatches.length, 0, describeMismatches(mismatches));
  });

  for (const chunking of ['1-char', 'random'] as const) {
    it(`every CommonMark spec example (${specExamples.length}), in ${chunking} chunks`, async function () {
      this.timeout(300_000);
      const random = seededRandom(SEED + 2);
      const all = specExamples.map((example): StreamCase => {
        const text = example.markdown.replace(/→/g, '\t');
        const chunks = chunking === '1-char' ? chunkText(text, 1) : randomChunks(text, random);
        return { name: `spec example ${example.number} (${example.section}), ${chunking} chunks`, text, chunks };
      });
      const mismatches = await findMismatches(session.view, all);
      assert.equal(mismatches.length, 0, describeMismatches(mismatches));
    });
  }
});
