import * as assert from 'node:assert/strict';
import { alignTokens, type TokenRange } from '../../../src/webview/markdown/tokenAlignment';
import { mockTokens } from '../../server/logprobs';

/** The text each range covers, with its token. */
function covered(text: string, tokens: readonly string[], ranges: readonly TokenRange[]): [string, string][] {
  return ranges.map((range) => [tokens[range.token] ?? '', text.slice(range.start, range.end)]);
}

function words(pairs: readonly [string, string][]): string[] {
  return pairs.map(([, shown]) => shown);
}

describe('token alignment (answer tokens onto the rendered markdown text)', () => {
  it('skips bold markers, list markers, fences and the fence language; finds every word in order', () => {
    const markdown = 'Here is **bold** text:\n\n- one\n- two item\n\n```ts\nconst x = 1;\n```\n\n1. Last `code` point.';
    // What the browser's text nodes hold for it (the code block's language label is not answer text).
    const text = 'Here is bold text:\none\ntwo item\nconst x = 1;\nLast code point.';
    const tokens = mockTokens(markdown);
    const pairs = covered(text, tokens, alignTokens(text, tokens));
    assert.deepEqual(words(pairs), ['Here', 'is', 'bold', 'text', ':', 'one', 'two', 'item', 'const', 'x', '=', '1', ';', 'Last', 'code', 'point', '.']);
    for (const [token, shown] of pairs) assert.ok(token.includes(shown), `${JSON.stringify(token)} covers ${JSON.stringify(shown)}`);
    const ranges = alignTokens(text, tokens);
    for (let i = 1; i < ranges.length; i++) assert.ok((ranges[i - 1]?.end ?? 0) <= (ranges[i]?.start ?? 0), 'in order, never overlapping');
  });

  it('covers the text inside a token that carries syntax around it (`**bold` or `code`` as one token)', () => {
    const text = 'A bold word and code.';
    const tokens = ['A', ' **bold', '**', ' word', ' and', ' `code`', '.'];
    assert.deepEqual(words(covered(text, tokens, alignTokens(text, tokens))), ['A', 'bold', 'word', 'and', 'code', '.']);
  });

  it('finds its way again after text the tokens do not hold (an earlier tool round) and after tokens the text does not show', () => {
    const text = 'I read the file first. Then the answer: use add here.';
    const tokens = ['Then', ' the', ' answer', ':', ' use', ' `', 'add', '`', ' here', '.'];
    assert.deepEqual(words(covered(text, tokens, alignTokens(text, tokens))), ['Then', 'the', 'answer', ':', 'use', 'add', 'here', '.']);
    const withJunk = ['One', ' [', 'link', '](', 'https', '://', 'example', '.com', '/', 'x', ')', ' two', ' three'];
    assert.deepEqual(words(covered('One link two three', withJunk, alignTokens('One link two three', withJunk))), ['One', 'link', 'two', 'three']);
  });

  it('tolerates byte-fragment tokens and gives nothing for an empty text', () => {
    const text = 'Smile 😀 done';
    const tokens = ['Smile', ' \ufffd', '\ufffd', ' done'];
    assert.deepEqual(words(covered(text, tokens, alignTokens(text, tokens))), ['Smile', 'done']);
    assert.deepEqual(alignTokens('', ['a', 'b']), []);
  });
});
