/** The Parameters panel, the chat's running cost in the header and the answer's cost figures. */
import * as assert from 'node:assert/strict';
import type { HostMessage } from '../../src/shared/protocol';
import { assistantMessage, userMessage, viewState } from './fixtures';
import { usePageSession } from './pageSession';

describe('webview: parameters and cost', () => {
  const session = usePageSession();

  it('posts the panel\'s values as this chat\'s parameters, offers the model\'s efforts, and resets to the settings', async () => {
    const { view } = session;
    const state = viewState();
    await view.sendAndSettle({ type: 'state', state: { ...state, settings: { ...state.settings, reasoningEfforts: ['low', 'medium', 'high'] } } });
    const page = view.page;
    await view.sendAndSettle({ type: 'togglePanel', panel: 'parameters' });
    const panel = page.getByRole('region', { name: 'Parameters of this chat' });
    assert.deepEqual(await panel.getByLabel('Reasoning effort').locator('option').allInnerTexts(), ['From the settings', 'low', 'medium', 'high']);
    await panel.getByLabel('Reasoning effort').selectOption('high');
    await panel.getByLabel('Temperature').fill('0.3');
    await panel.getByLabel('Max tokens').fill('2048');
    await panel.getByLabel('Stop sequences (one per line)').fill('END\nSTOP');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    await panel.getByRole('button', { name: 'Reset to settings' }).click();
    assert.deepEqual(await view.postedOfType('setChatParameters'), [
      { type: 'setChatParameters', parameters: { reasoningEffort: 'high', temperature: 0.3, maxTokens: 2048, stop: ['END', 'STOP'] } },
      { type: 'setChatParameters', parameters: {} },
    ]);
  });

  it('fills the panel from the open chat and empties it for a new chat', async () => {
    const { view } = session;
    const tuned = viewState({ chatId: 'tuned' });
    await view.sendAndSettle({ type: 'state', state: { ...tuned, chat: { ...tuned.chat, parameters: { temperature: 0.2, seed: 9 } } } });
    const page = view.page;
    await view.sendAndSettle({ type: 'togglePanel', panel: 'parameters' });
    const panel = page.getByRole('region', { name: 'Parameters of this chat' });
    assert.equal(await panel.getByLabel('Temperature').inputValue(), '0.2');
    assert.equal(await panel.getByLabel('Seed').inputValue(), '9');
    await view.sendAndSettle({ type: 'state', state: viewState({ chatId: 'fresh' }) });
    assert.equal(await panel.getByLabel('Temperature').inputValue(), '');
    assert.equal(await panel.getByLabel('Seed').inputValue(), '');
  });

  it('shows the chat\'s running cost in the header, and cached tokens, savings and BYOK under the answer', async () => {
    const { view } = session;
    const messages = [
      userMessage('u1', 'one'),
      assistantMessage('a1', 'first', { stats: { model: 'anthropic/claude-sonnet-4.5', provider: 'Anthropic', promptTokens: 1000, completionTokens: 4, cachedTokens: 800, cacheDiscountUsd: 0.00216, costUsd: 0.0011 } }),
      userMessage('u2', 'two'),
      assistantMessage('a2', 'second', { stats: { model: 'mistralai/mistral-small-3.2-24b-instruct', provider: 'Groq', promptTokens: 10, completionTokens: 4, costUsd: 0.002, byok: true } }),
    ];
    const state: HostMessage = { type: 'state', state: viewState({ messages }) };
    await view.sendAndSettle(state);
    const page = view.page;
    assert.equal(await page.locator('.header-cost').innerText(), '$0.0031');
    const stats = await page.locator('.stats').allInnerTexts();
    assert.match(stats[0] ?? '', /anthropic\/claude-sonnet-4\.5 \(Anthropic\).*800 cached \(\$0\.0022 saved by the cache\).*\$0\.0011/);
    assert.match(stats[1] ?? '', /mistralai\/mistral-small-3\.2-24b-instruct \(Groq\).*\$0\.0020 on your provider key/);
  });
});
