import * as assert from 'node:assert/strict';
import { answerReserve, checkSelectionSize, firstLines, formatCount } from '../../../src/core/codeActions/selectionSize';
import { estimateTokens } from '../../../src/core/openrouter/pricing';
import { checkTextDocument, looksBinary } from '../../../src/core/codeActions/textDocumentCheck';

const GPT_OSS = { modelId: 'openai/gpt-oss-120b', contextLength: 131_072 };

describe('selection size', () => {
  it('keeps room for the answer: the setting, else the model cap, else a quarter, never over half', () => {
    assert.equal(answerReserve(GPT_OSS), 32_768);
    assert.equal(answerReserve({ ...GPT_OSS, maxCompletionTokens: 8_000 }), 8_000);
    assert.equal(answerReserve({ ...GPT_OSS, maxCompletionTokens: 131_072 }), 65_536);
    assert.equal(answerReserve({ ...GPT_OSS, maxCompletionTokens: 8_000, maxTokensSetting: 2_000 }), 2_000);
  });

  it('lets a normal selection through', () => {
    const check = checkSelectionSize('const a = 1;\n'.repeat(100), GPT_OSS, 'Explain this code.');
    assert.equal(check.fits, true);
  });

  it('refuses a huge selection with the numbers and the lines that fit', () => {
    const line = 'x'.repeat(59) + '\n'; // 60 characters = 20 estimated tokens
    const code = line.repeat(31_500); // 630,000 tokens
    const check = checkSelectionSize(code, GPT_OSS);
    assert.equal(check.fits, false);
    if (check.fits) return;
    assert.equal(check.tokens, estimateTokens(code));
    assert.equal(check.budget, 131_072 - 32_768);
    assert.equal(check.totalLines, 31_500);
    // The trim is the most lines that fit, and one more line would not.
    const kept = firstLines(code, check.fittingLines);
    assert.ok(estimateTokens(kept) <= check.budget);
    assert.ok(estimateTokens(firstLines(code, check.fittingLines + 1)) > check.budget);
    assert.equal(check.fittingLines, Math.floor((check.budget * 3) / 60));
  });

  it('counts the prompt around the code against the budget', () => {
    const code = 'a'.repeat(3 * 98_000);
    assert.equal(checkSelectionSize(code, GPT_OSS).fits, true);
    assert.equal(checkSelectionSize(code, GPT_OSS, 'p'.repeat(3 * 400)).fits, false);
  });

  it('says when not even one line fits', () => {
    const check = checkSelectionSize('y'.repeat(1_000_000), GPT_OSS);
    assert.equal(check.fits, false);
    if (!check.fits) assert.equal(check.fittingLines, 0);
  });

  // Speed belongs in the bench; mocha's timeout still catches a check that no longer ends.
  it('measures, trims and classifies a 5 MB selection', () => {
    const code = 'const value = compute(index) + offset; // some code\r\n'.repeat(Math.ceil((5 * 1024 * 1024) / 54));
    const check = checkSelectionSize(code, GPT_OSS);
    const trimmed = check.fits ? code : firstLines(code, check.fittingLines);
    const binary = looksBinary(code);
    assert.equal(check.fits, false);
    assert.equal(binary, false);
    assert.ok(!trimmed.endsWith('\r') && !trimmed.endsWith('\n'));
  });

  it('formats counts for people', () => {
    assert.equal(formatCount(210000), '210,000');
  });
});

describe('text document check', () => {
  it('refuses NUL bytes, non-text languages and non-source schemes', () => {
    assert.equal(looksBinary('abc\0def'), true);
    assert.equal(looksBinary('plain'), false);
    assert.deepEqual(checkTextDocument('file', 'typescript', 'x'), { refused: false });
    const binary = checkTextDocument('file', 'plaintext', 'PNG\0\0');
    assert.equal(binary.refused, true);
    assert.deepEqual(binary, { refused: true, kind: 'binary', detail: '' });
    assert.deepEqual(checkTextDocument('output', 'log', 'x'), { refused: true, kind: 'scheme', detail: 'output' });
    assert.deepEqual(checkTextDocument('file', 'binary', 'x'), { refused: true, kind: 'language', detail: 'binary' });
    assert.equal(checkTextDocument('untitled', 'plaintext', 'x').refused, false);
  });
});
