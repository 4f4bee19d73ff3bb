/** The reasoning section: live while thinking, folded with "Thought for N s", and its settings. */
import * as assert from 'node:assert/strict';
import type { ReasoningDisplay } from '../../src/shared/protocol';
import { deltas, stateMessage, streamEnd, streamStart, userMessage } from './fixtures';
import type { WebviewPage } from './harness';
import { usePageSession } from './pageSession';

const plan = { messageId: 'a1', user: userMessage('u1', 'Why?'), reasoning: 'The user asks why. Consider ```js\nalert(1)\n``` and <b>tags</b>.', content: 'Because **reasons**.' };

async function startReasoning(view: WebviewPage, reasoningDisplay: ReasoningDisplay): Promise<void> {
  await view.sendAndSettle(stateMessage({ reasoningDisplay }), streamStart(plan), ...deltas(plan, 'reasoning', plan.reasoning));
}

function section(view: WebviewPage): { isOpen: () => Promise<boolean>; summary: () => Promise<string> } {
  const details = view.page.locator('[data-message-id="a1"] details.reasoning');
  return {
    isOpen: () => details.evaluate((element) => (element as HTMLDetailsElement).open),
    summary: () => details.locator('summary').innerText(),
  };
}

describe('webview: reasoning', () => {
  const session = usePageSession();

  it('is open and live while the model reasons, then folds to "Thought for N s" at the first content', async () => {
    const { view } = session;
    await startReasoning(view, 'collapsed');
    const reasoning = section(view);
    assert.equal(await reasoning.isOpen(), true);
    assert.match(await reasoning.summary(), /^Thinking… 0 s$/);
    // The clock runs about once a second (loose bound: only that it moved).
    await view.page.waitForFunction(() => /Thinking… [1-9]\d* s/.test(document.querySelector('details.reasoning summary')?.textContent ?? ''), undefined, { timeout: 5000 });
    const text = await view.page.locator('.reasoning-text').innerText();
    assert.equal(text, plan.reasoning, 'shown as plain escaped text');
    assert.equal(await view.page.locator('.reasoning .code-block, .reasoning b').count(), 0, 'never a second answer with code buttons');
    await view.sendAndSettle(...deltas(plan, 'content', plan.content));
    assert.equal(await reasoning.isOpen(), false);
    assert.match(await reasoning.summary(), /^Thought for \d+ s$/);
    await view.sendAndSettle(streamEnd({ ...plan, final: { stats: { model: 'openai/gpt-oss-120b', reasoningSeconds: 7.2 } } }));
    assert.equal(await reasoning.summary(), 'Thought for 7 s');
    assert.equal(await reasoning.isOpen(), false);
  });

  it('stays open with reasoningDisplay "expanded"', async () => {
    const { view } = session;
    await startReasoning(view, 'expanded');
    await view.sendAndSettle(...deltas(plan, 'content', plan.content), streamEnd(plan));
    assert.equal(await section(view).isOpen(), true);
    assert.match(await section(view).summary(), /^Thought for \d+ s$/);
  });

  it('has no reasoning section at all with reasoningDisplay "hidden"', async () => {
    const { view } = session;
    await startReasoning(view, 'hidden');
    await view.sendAndSettle(...deltas(plan, 'content', plan.content), streamEnd(plan));
    assert.equal(await view.page.locator('details.reasoning').count(), 0);
    assert.doesNotMatch(await view.page.getByRole('article', { name: 'Assistant' }).innerText(), /The user asks why/);
  });

  it('respects the user closing it by hand, even in "expanded" mode', async () => {
    const { view } = session;
    await startReasoning(view, 'expanded');
    await view.page.locator('details.reasoning summary').click();
    assert.equal(await section(view).isOpen(), false);
    await view.sendAndSettle(...deltas(plan, 'content', plan.content), streamEnd(plan));
    assert.equal(await section(view).isOpen(), false);
  });

  it('shows "Thought for N s" from the stats of a finished message loaded from state', async () => {
    const { view } = session;
    const done = { id: 'a1', role: 'assistant' as const, content: 'Answer', reasoning: 'Reasoned.', status: 'done' as const, stats: { model: 'm', reasoningSeconds: 3.4 } };
    await view.sendAndSettle(stateMessage({ messages: [userMessage('u1', 'q'), done] }));
    assert.equal(await section(view).summary(), 'Thought for 3 s');
    assert.equal(await section(view).isOpen(), false);
  });
});
