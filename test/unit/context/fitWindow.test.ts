import * as assert from 'node:assert/strict';
import { createAttachment } from '../../../src/core/context/attachment';
import { ContextDraft } from '../../../src/core/context/contextDraft';
import { defaultOutputReserve, fitTurns, turnTokens } from '../../../src/core/context/fitWindow';
import type { ConversationTurn } from '../../../src/core/openrouter/requestBuilder';
import type { ModelInfo } from '../../../src/core/openrouter/types';
import { ContextWindow } from '../../../src/core/context/contextWindow';
import { contextUsage } from '../../../src/core/context/contextUsage';

function conversation(pairs: number, size: number): ConversationTurn[] {
  const turns: ConversationTurn[] = [];
  for (let i = 0; i < pairs; i++) turns.push({ role: 'user', content: `q${i} ${'x'.repeat(size)}` }, { role: 'assistant', content: `a${i} ${'y'.repeat(size)}` });
  turns.push({ role: 'user', content: 'last question' });
  return turns;
}

describe('fitting a chat into the model window', () => {
  it('sends everything when it fits', () => {
    const turns = conversation(3, 30);
    const fitted = fitTurns(turns, { contextLength: 100_000, outputReserve: 1000, fixedTokens: 10 });
    assert.equal(fitted.omitted, 0);
    assert.equal(fitted.turns.length, turns.length);
    assert.equal(fitted.promptTokens, turns.reduce((sum, t) => sum + turnTokens(t), 10));
  });

  it('leaves out the oldest turns until it fits, and never starts with an answer', () => {
    const turns = conversation(10, 300); // about 100 tokens a turn
    const budget = { contextLength: 1000, outputReserve: 200, fixedTokens: 50 };
    const fitted = fitTurns(turns, budget);
    assert.ok(fitted.omitted > 0);
    assert.equal(fitted.turns[0]?.role, 'user');
    assert.equal(fitted.turns[fitted.turns.length - 1]?.content, 'last question');
    assert.ok(fitted.promptTokens <= budget.contextLength - budget.outputReserve);
    assert.equal(fitted.omitted + fitted.turns.length, turns.length);
    assert.equal(fitted.omitted % 2, 0, 'whole question-and-answer pairs go');
  });

  it('always keeps the question being asked, even when it alone is too big', () => {
    const turns = conversation(2, 30);
    turns[turns.length - 1] = { role: 'user', content: 'q', attachments: [createAttachment({ kind: 'file', name: 'big', content: 'z'.repeat(9000) })] };
    const fitted = fitTurns(turns, { contextLength: 1000, outputReserve: 100, fixedTokens: 0 });
    assert.equal(fitted.turns.length, 1);
    assert.equal(fitted.omitted, 4);
    assert.ok(fitted.promptTokens > 3000, 'attachments count toward the estimate');
  });

  it('keeps a quarter of a small window for the answer, at most 8k', () => {
    assert.equal(defaultOutputReserve(4096), 1024);
    assert.equal(defaultOutputReserve(131_072), 8192);
    assert.equal(defaultOutputReserve(131_072, 4000), 4000);
  });
});

describe('the composer draft of attachments', () => {
  it('adds each source once, removes by id, and empties when taken', () => {
    const draft = new ContextDraft();
    const a = createAttachment({ kind: 'file', name: 'a.ts', path: 'src/a.ts', content: 'A' });
    const again = createAttachment({ kind: 'file', name: 'a.ts', path: 'src/a.ts', content: 'A changed' });
    const lines = createAttachment({ kind: 'selection', name: 'a.ts', path: 'src/a.ts', range: { startLine: 1, endLine: 2 }, content: 'A' });
    assert.equal(draft.add(a, again, lines), 2);
    assert.deepEqual(draft.views().map((v) => v.kind), ['file', 'selection']);
    assert.equal(draft.remove(lines.id), true);
    assert.equal(draft.remove('nope'), false);
    draft.update([{ ...a, content: 'fresh' }]);
    assert.equal(draft.attachments[0]?.content, 'fresh');
    assert.deepEqual(draft.take().map((t) => t.id), [a.id]);
    assert.equal(draft.attachments.length, 0);
  });
});

describe('the context meter figure', () => {
  const model: ModelInfo = {
    id: 'x/small', name: 'Small', contextLength: 8192, promptPricePerToken: 0, completionPricePerToken: 0,
    supportedParameters: [], supportsReasoning: false, reasoningMandatory: false,
  };

  it('counts the system prompt, the chat and the draft against the window minus the answer reserve', () => {
    const window = new ContextWindow(() => undefined);
    const turns: ConversationTurn[] = [{ role: 'user', content: 'a'.repeat(300) }, { role: 'assistant', content: 'b'.repeat(300) }];
    const empty = contextUsage(window, { model }, turns, []);
    assert.equal(empty.maxTokens, 8192 - 2048);
    const withFile = contextUsage(window, { model, systemPrompt: 'Be brief.' }, turns, [createAttachment({ kind: 'file', name: 'a.ts', path: 'a.ts', content: 'c'.repeat(3000) })]);
    assert.ok(withFile.tokens >= empty.tokens + 1000, 'the attachment adds its tokens');
    assert.ok(Math.abs(empty.tokensPerChar - 1 / 3) < 0.01);
    assert.equal(contextUsage(window, { model, maxTokens: 1000 }, turns, []).maxTokens, 7192, 'a set max_tokens is the reserve');
  });

  it('follows the calibration: an answer that counted twice our estimate doubles the figure', () => {
    const window = new ContextWindow(() => undefined);
    const turns: ConversationTurn[] = [{ role: 'user', content: 'a'.repeat(3000) }];
    const before = contextUsage(window, { model }, turns, []);
    window.fit(turns, { model });
    window.observe({ id: 'a', role: 'assistant', content: 'ok', stats: { model: model.id, promptTokens: 2 * turnTokens(turns[0] as ConversationTurn) } });
    const after = contextUsage(window, { model }, turns, []);
    assert.ok(after.tokens > before.tokens * 1.8, `${before.tokens} → ${after.tokens}`);
    assert.ok(after.tokensPerChar > before.tokensPerChar * 1.8);
  });
});
