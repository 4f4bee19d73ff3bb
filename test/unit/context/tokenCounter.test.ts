/**
 * Token counts by the real encoding. Expected counts are o200k's own (as tiktoken gives them),
 * written out here, so a wrong encoding or a fallback to the character estimate fails. The
 * encoding is the shipped one: the ranks file as the build writes it, read by the code of
 * dist/tokenizer-o200k.js (see shippedO200k.ts); the bundle loader itself is tested on bundles
 * made in a temporary folder.
 */
import * as assert from 'node:assert/strict';
import { promises as fs, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAttachment, toAttachmentView } from '../../../src/core/context/attachment';
import { contextUsage } from '../../../src/core/context/contextUsage';
import { ContextWindow } from '../../../src/core/context/contextWindow';
import { extensionBuildOptions } from '../../../scripts/lib/extensionBuild.mjs';
import { bundleLoader, encodingBundleFile } from '../../../src/core/context/encodingBundle';
import { turnTokens } from '../../../src/core/context/fitWindow';
import { encodingFor, type EncodingName } from '../../../src/core/context/modelEncoding';
import { TokenCounter, tokenCounter, type EncodingLoader } from '../../../src/core/context/tokenCounter';
import { checkSelectionSize, firstLines } from '../../../src/core/codeActions/selectionSize';
import type { ConversationTurn } from '../../../src/core/openrouter/requestBuilder';
import type { ModelInfo } from '../../../src/core/openrouter/types';
import type { Context } from 'mocha';
import { shippedO200kCount } from './shippedO200k';

const REPO = resolve(__dirname, '../../../..');

/** The real encoding, as the shipped bundle gives it (set by `loadShippedO200k`). */
let o200kCount: (text: string) => number = () => {
  throw new Error('o200k is not loaded: call loadShippedO200k in a before hook');
};
const realEncodings: EncodingLoader = () => ({ countTokens: (text) => o200kCount(text) });

async function loadShippedO200k(this: Context): Promise<void> {
  this.timeout(120_000);
  o200kCount = await shippedO200kCount();
}

/** A counter that loads at once when asked (no waiting for the next turn of the event loop). */
function counterWith(loader: EncodingLoader): TokenCounter {
  const counter = new TokenCounter((run) => run());
  counter.useLoader(loader);
  return counter;
}

const GPT_OSS = 'openai/gpt-oss-120b';
const JAPANESE = 'ありがとうございます'; // 1 token in o200k, 4 by the character estimate

describe('token counting: model family', () => {
  it('uses o200k for gpt-oss, GPT-4o, GPT-4.1, GPT-5 and the o-series', () => {
    for (const id of [GPT_OSS, 'openai/gpt-oss-20b:free', 'openai/gpt-4o', 'openai/gpt-4o-mini', 'openai/gpt-4.1', 'openai/gpt-5', 'openai/o3-mini', 'openai/o1', 'openai/chatgpt-4o-latest']) {
      assert.equal(encodingFor(id), 'o200k_base', id);
    }
  });

  it('uses o200k for GPT-4 and GPT-3.5 too: cl100k is not shipped, each answer calibrates the count', () => {
    for (const id of ['openai/gpt-4', 'openai/gpt-4-turbo', 'openai/gpt-4-1106-preview', 'openai/gpt-4-32k', 'openai/gpt-3.5-turbo', 'gpt-4']) {
      assert.equal(encodingFor(id), 'o200k_base', id);
    }
  });

  it('uses o200k, the nearest public encoding, for other families and when no model is known', () => {
    for (const id of ['anthropic/claude-sonnet-4', 'google/gemini-2.5-pro', 'meta-llama/llama-3-8b-instruct', 'mistralai/gpt-4-lookalike', undefined, '']) {
      assert.equal(encodingFor(id), 'o200k_base', String(id));
    }
  });
});

describe('token counting: real counts', () => {
  before(loadShippedO200k);
  it('counts a minified file or a megabyte run of one letter in slices, so the extension host never freezes', () => {
    // Unsliced, BPE is quadratic in one piece: 40,000 letters took 0.7 s, 1.5 MB many minutes.
    const run = 'y'.repeat(1_500_000);
    assert.equal(o200kCount(run), o200kCount('y'.repeat(256)) * (1_500_000 / 256 | 0) + o200kCount('y'.repeat(1_500_000 % 256)));
    assert.equal(o200kCount('short words stay exact'), 4);
  });

  it('counts known strings exactly as o200k does', () => {
    const counter = counterWith(realEncodings);
    assert.equal(counter.count('hello world', GPT_OSS), 2);
    assert.equal(counter.count('The quick brown fox jumps over the lazy dog.', GPT_OSS), 10);
    assert.equal(counter.count('Hello, world!', GPT_OSS), 4);
    assert.equal(counter.count(JAPANESE, GPT_OSS), 1);
    assert.equal(counter.count('', GPT_OSS), 0);
    assert.equal(counter.exact(GPT_OSS), true);
  });

  it('counts special-token text in a file as the plain text it is sent as', () => {
    const counter = counterWith(realEncodings);
    assert.equal(counter.count('hi <|endoftext|> there', GPT_OSS), 9);
    assert.equal(counter.count('hi <|endoftext|> there', 'openai/gpt-4'), 9, 'GPT-4 is counted with o200k too');
  });

  it('falls back to the estimate for a text the encoding throws on', () => {
    const counter = counterWith(() => ({ countTokens: () => { throw new Error('refused'); } }));
    assert.equal(counter.count('abcdef', GPT_OSS), 2);
  });

  it('counts every model with o200k: GPT-4, an unknown family, no model', () => {
    const counter = counterWith(realEncodings);
    assert.equal(counter.count(JAPANESE, 'openai/gpt-4'), 1, 'cl100k would give 2; the answer\'s prompt_tokens corrects it');
    assert.equal(counter.count(JAPANESE, 'anthropic/claude-sonnet-4'), 1);
    assert.equal(counter.count(JAPANESE), 1);
  });

  it('tokenizes a text once: an unchanged attachment is not counted again at the next meter update', () => {
    const calls: EncodingName[] = [];
    const counter = counterWith((name) => ({ countTokens: (text) => (calls.push(name), o200kCount(text)) }));
    const file = 'export const value = compute(index) + offset;\n'.repeat(2000); // 90,000 characters
    const first = counter.count(file, GPT_OSS);
    // A copy built afresh, as rendering the prompt again makes one: equal text, another string.
    const again = counter.count(file.slice(0, 45_000) + file.slice(45_000), GPT_OSS);
    assert.equal(again, first);
    assert.equal(calls.length, 1);
    counter.count(file + 'x', GPT_OSS);
    assert.equal(calls.length, 2, 'a changed text is counted');
  });
});

describe('token counting: loading the encoding', () => {
  before(loadShippedO200k);
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'orc-tokenizer-'));
  });
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  it('falls back to the character estimate until the encoding is loaded, then counts exactly', async () => {
    const deferred: (() => void)[] = [];
    const counter = new TokenCounter((run) => deferred.push(run));
    counter.useLoader(realEncodings);
    assert.equal(counter.count(JAPANESE, GPT_OSS), 4, 'the estimate while loading: nothing waits');
    assert.equal(counter.exact(GPT_OSS), false);
    const loaded: EncodingName[] = [];
    counter.onDidLoad((name) => loaded.push(name));
    const ready = counter.ready(GPT_OSS);
    assert.equal(deferred.length, 1, 'one load, however many counts asked for it');
    deferred.shift()?.();
    assert.equal(await ready, true);
    assert.deepEqual(loaded, ['o200k_base']);
    assert.equal(counter.count(JAPANESE, GPT_OSS), 1);
  });

  it('keeps the estimate and reports why when the bundle is missing', async () => {
    const counter = counterWith(bundleLoader(dir));
    const failures: string[] = [];
    counter.onDidFail((name, error) => failures.push(`${name}: ${error}`));
    assert.equal(counter.count(JAPANESE, GPT_OSS), 4);
    assert.equal(await counter.ready(GPT_OSS), false);
    assert.equal(counter.exact(GPT_OSS), false);
    assert.equal(counter.count(JAPANESE, GPT_OSS), 4, 'still the estimate, and no throw');
    assert.equal(failures.length, 1, 'one failure, not one per count');
    assert.match(failures[0] ?? '', /^o200k_base: .*tokenizer-o200k\.js/);
  });

  it('refuses a bundle that is not an encoding', async () => {
    await fs.writeFile(join(dir, encodingBundleFile('o200k_base')), 'exports.somethingElse = 1;\n');
    const counter = counterWith(bundleLoader(dir));
    assert.equal(await counter.ready(GPT_OSS), false);
    assert.equal(counter.count(JAPANESE, GPT_OSS), 4);
  });

  it('requires the bundle from the folder at run time', async () => {
    // A stand-in bundle proves the path is resolved at run time (esbuild could not inline it).
    await fs.writeFile(join(dir, encodingBundleFile('o200k_base')), 'exports.countTokens = (text) => text.length * 100;\n');
    const counter = counterWith(bundleLoader(dir));
    assert.equal(await counter.ready(GPT_OSS), true);
    assert.equal(counter.count('abc', GPT_OSS), 300);
    assert.equal(counter.count('abc', 'openai/gpt-4'), 300, 'GPT-4 uses the same bundle');
  });

  it('keeps the extension bundle free of the ranks', async function () {
    this.timeout(60_000);
    const esbuild = await import('esbuild');
    // The extension's own build (every chunk, the lazily loaded ones too).
    const result = await esbuild.build({ ...extensionBuildOptions, absWorkingDir: REPO, bundle: true, write: false, metafile: true, logLevel: 'silent' });
    const tokenizerInputs = Object.keys(result.metafile.inputs).filter((input) => input.includes('gpt-tokenizer'));
    assert.deepEqual(tokenizerInputs, []);
  });

  it('keeps the ranks out of the tokenizer bundle: they ship as dist/o200k.ranks.br, a third smaller', async function () {
    this.timeout(60_000);
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: ['src/core/context/encodings/o200kBase.ts'], absWorkingDir: REPO, bundle: true, platform: 'node', format: 'cjs', write: false, metafile: true, logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((input) => input.includes('gpt-tokenizer')), "the bundle holds gpt-tokenizer's encoder");
    assert.deepEqual(inputs.filter((input) => input.includes('bpeRanks')), []);
  });
});

describe('token counting: the extension counter in chips, the meter and the selection check', () => {
  const model: ModelInfo = {
    id: GPT_OSS, name: 'gpt-oss-120b', contextLength: 131_072, promptPricePerToken: 0, completionPricePerToken: 0,
    supportedParameters: [], supportsReasoning: false, reasoningMandatory: false,
  };

  before(loadShippedO200k);

  /** The shared counter with the real encoding, loaded. */
  async function useRealEncodings(): Promise<void> {
    tokenCounter.useLoader(realEncodings);
    assert.equal(await tokenCounter.ready(GPT_OSS), true);
  }

  beforeEach(useRealEncodings);
  // Other test files count with the estimate: leave the shared counter as it was.
  after(() => tokenCounter.useLoader(undefined));

  it("shows a file chip's count by the tokenizer, not by characters", () => {
    const content = readFileSync(join(REPO, 'test/fixtures/workspace/src/math.ts'), 'utf8');
    const view = toAttachmentView(createAttachment({ kind: 'file', name: 'math.ts', path: 'src/math.ts', content }));
    assert.equal(content.length, 797);
    assert.equal(view.tokens, 228, 'o200k count of src/math.ts (characters / 3 would be 266, / 4 would be 200)');
  });

  it('calibrates the real count by the answer\'s prompt_tokens', () => {
    const window = new ContextWindow(() => undefined);
    const turns: ConversationTurn[] = [{ role: 'user', content: new Array<string>(100).fill('The quick brown fox jumps over the lazy dog.').join(' ') }];
    const raw = turnTokens(turns[0] as ConversationTurn, GPT_OSS);
    assert.equal(raw, 1000 + 4, '10 tokens a sentence, plus the message overhead');
    // The meter adds the question being typed: an empty user turn, its overhead only.
    const before = contextUsage(window, { model }, turns, []);
    assert.equal(before.tokens, raw + 4);
    window.fit(turns, { model });
    window.observe({ id: 'a', role: 'assistant', content: 'ok', stats: { model: model.id, promptTokens: Math.round(raw * 1.25) } });
    assert.equal(window.scale(GPT_OSS), 1.25);
    assert.equal(contextUsage(window, { model }, turns, []).tokens, Math.ceil((raw + 4) * 1.25));
  });

  it('does not carry a correction learnt on estimates over to real counts', async () => {
    const window = new ContextWindow(() => undefined);
    const turns: ConversationTurn[] = [{ role: 'user', content: 'hello world' }];
    tokenCounter.useLoader(undefined);
    window.fit(turns, { model });
    window.observe({ id: 'a', role: 'assistant', content: 'ok', stats: { model: model.id, promptTokens: 40 } });
    assert.ok(window.scale(GPT_OSS) > 1, 'the estimate was corrected');
    await useRealEncodings();
    assert.equal(window.scale(GPT_OSS), 1, 'the real count starts uncorrected');
  });

  it('trims a selection to the lines that fit by the real count', () => {
    const line = 'The quick brown fox jumps over the lazy dog.\n'; // 10 tokens in o200k, 16 by the estimate
    const code = line.repeat(20_000);
    const check = checkSelectionSize(code, { modelId: GPT_OSS, contextLength: 131_072 });
    assert.equal(check.fits, false);
    if (check.fits) return;
    assert.equal(check.budget, 131_072 - 32_768);
    assert.ok(Math.abs(check.tokens - 200_000) <= 20_000, `about 10 tokens a line: ${check.tokens}`);
    const kept = firstLines(code, check.fittingLines);
    assert.ok(tokenCounter.count(kept, GPT_OSS) <= check.budget);
    assert.ok(tokenCounter.count(firstLines(code, check.fittingLines + 1) + '\n', GPT_OSS) > check.budget);
    assert.ok(check.fittingLines > check.budget / 16, `more lines than the estimate would keep: ${check.fittingLines}`);
  });
});
