/**
 * The o200k ranks ship as a brotli file of raw token bytes (dist/o200k.ranks.br) instead of
 * gpt-tokenizer's 2 MB JavaScript array, to keep the .vsix under 1 MiB. The codec is ours, so it
 * must give back gpt-tokenizer's list exactly, and counts through it must be gpt-tokenizer's own.
 */
import * as assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import o200kOwnRanks from 'gpt-tokenizer/bpeRanks/o200k_base';
import { countTokens as gptTokenizerCount } from 'gpt-tokenizer/encoding/o200k_base';
import { encodeRankLines } from '../../../scripts/lib/o200kRanks.mjs';
import { decodeRankLines } from '../../../src/core/context/encodings/rankFile';
import { shippedO200kCount, shippedO200kRanks } from './shippedO200k';

/** Code, prose, CJK, emoji, whitespace runs and text whose bytes are unusual. */
const SAMPLES = [
  'export function add(a: number, b: number): number {\n\treturn a + b; // sum\n}\n',
  'The quick brown fox jumps over the lazy dog. Don\'t panic — it\'s only 42!',
  '東京は日本の首都です。ありがとうございます。서울은 한국의 수도입니다. 北京欢迎你',
  'Party 🎉🎉 time 👩‍👩‍👧‍👦 flags 🇩🇪🇯🇵 and ✨sparkles✨',
  '   leading spaces\n\n\n\n    indented\t\t\ttabs   \r\n\r\ntrailing      ',
  // A byte-order mark inside text, a lone surrogate, the replacement character, NUL, ÿ (U+00FF,
  // whose bytes hold the escape 0xFF's neighbour), control characters and special-token text.
  '\uFEFFname = 1\u0000 \uD800 broken \uFFFD ÿÿÿ \u0001\u007F <|endoftext|> <|im_start|>',
];

describe('o200k ranks file', function () {
  // Writing the file runs brotli at quality 11 on 1.6 MB: seconds, not a timing assertion.
  this.timeout(120_000);

  it("decodes to exactly gpt-tokenizer's own o200k rank list", async () => {
    const decoded = await shippedO200kRanks();
    assert.equal(decoded.length, 199_998);
    assert.deepEqual(decoded, o200kOwnRanks);
  });

  it('keeps tokens with a newline, the escape byte or a byte-order mark intact', () => {
    const tricky = ['a\nb', '\n', [0xff], [0xff, 0x0a, 0xff], '\uFEFF', [0xef, 0xbb, 0xbf, 0x6e], [0xe3, 0x81], 'plain'];
    const lines = encodeRankLines(tricky);
    // As gpt-tokenizer keeps them: a token starting with a byte-order mark, or not UTF-8, as bytes.
    assert.deepEqual(decodeRankLines(lines), ['a\nb', '\n', [0xff], [0xff, 0x0a, 0xff], [0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0x6e], [0xe3, 0x81], 'plain']);
    assert.throws(() => decodeRankLines(Buffer.from('ab')), /no line end/);
  });

  it("counts through the shipped file exactly as gpt-tokenizer's countTokens", async () => {
    const count = await shippedO200kCount();
    const plainText = { disallowedSpecial: new Set<string>() };
    for (const sample of [...SAMPLES, SAMPLES.join('\n')]) {
      assert.equal(count(sample), gptTokenizerCount(sample, plainText), JSON.stringify(sample.slice(0, 40)));
    }
    assert.ok(count(SAMPLES.join('\n')) > 100, 'the sample is counted, not empty');
  });
});
