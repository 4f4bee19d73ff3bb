/** Tool-call cards, the round-cap Continue, web search Sources and the Web search toggle. */
import * as assert from 'node:assert/strict';
import type { HostMessage, ToolCallView } from '../../src/shared/protocol';
import { assistantMessage, CHAT_ID, MODEL, stateMessage, streamEnd, streamStart, userMessage, viewState } from './fixtures';
import { usePageSession } from './pageSession';

const plan = { messageId: 'a1', user: userMessage('u1', 'What does math.ts export?'), content: '' };

function toolCall(call: ToolCallView): HostMessage {
  return { type: 'toolCall', chatId: CHAT_ID, messageId: 'a1', call };
}

describe('webview: tools', () => {
  const session = usePageSession();

  it('says in the composer when the model cannot use tools, and only for the model the host looked up', async () => {
    const { view } = session;
    const page = view.page;
    const note = page.getByRole('note').filter({ hasText: 'cannot use tools' });
    await view.sendAndSettle(stateMessage());
    assert.equal(await note.isVisible(), false, 'a model with tools gets no note');
    const base = viewState();
    await view.sendAndSettle({ type: 'settings', settings: { ...base.settings, toolsUnsupported: true } });
    assert.equal(await note.isVisible(), true, 'the note is missing for a model without tools');
    assert.match(await note.innerText(), /This model cannot use tools: it answers without reading your workspace\./);
    await view.sendAndSettle({ type: 'state', state: { ...base, settings: { ...base.settings, toolsUnsupported: true }, chat: { ...base.chat, model: `${MODEL}-other` } } });
    assert.equal(await note.isVisible(), false, 'a chat with its own model is not judged by the configured one');
  });

  it('shows a pending call as a "Tool call" group with Allow and Deny, posts the decision, then a summary that expands', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage(), streamStart(plan));
    await view.sendAndSettle(toolCall({ id: 'call_1', tool: 'read_file', description: 'Read src/math.ts, lines 1-40', status: 'pending' }));
    const page = view.page;
    const card = page.getByRole('group', { name: 'Tool call', exact: true });
    assert.match(await card.innerText(), /read_file[\s\S]*Read src\/math\.ts, lines 1-40/);
    await card.getByRole('button', { name: 'Allow', exact: true }).click();
    assert.deepEqual(await view.postedOfType('toolDecision'), [{ type: 'toolDecision', callId: 'call_1', allow: true }]);
    assert.equal(await card.getByRole('button', { name: 'Deny', exact: true }).isDisabled(), true, 'one decision per card');

    await view.sendAndSettle(toolCall({ id: 'call_1', tool: 'read_file', description: 'Read src/math.ts, lines 1-40', status: 'done', summary: '40 lines', detail: 'export function add() {}' }));
    assert.equal(await card.getByRole('button', { name: 'Allow', exact: true }).count(), 0);
    const detail = card.locator('pre');
    assert.equal(await detail.isVisible(), false, 'the full result is folded');
    await card.getByText('Done: 40 lines').click();
    assert.equal(await detail.innerText(), 'export function add() {}');
  });

  it('keeps the cards when the answer ends and after a reload (from the state), and offers Continue at the cap', async () => {
    const { view } = session;
    const tools: ToolCallView[] = [
      { id: 'call_1', tool: 'read_file', description: 'Read src/math.ts', status: 'done', summary: '12 lines', detail: 'x' },
      { id: 'call_2', tool: 'read_file', description: 'Read .env', status: 'denied', summary: 'denied', detail: 'The user denied this.' },
    ];
    await view.sendAndSettle(stateMessage(), streamStart(plan), streamEnd({ ...plan, final: { tools, toolCapReached: true } }));
    assert.equal(await view.page.getByRole('group', { name: 'Tool call', exact: true }).count(), 2);
    await view.page.getByRole('button', { name: 'Continue', exact: true }).click();
    assert.deepEqual(await view.postedOfType('continueTools'), [{ type: 'continueTools' }]);

    await view.sendAndSettle(stateMessage({ messages: [userMessage('u1', 'q'), assistantMessage('a1', 'Answer.', { tools })] }));
    const cards = view.page.getByRole('group', { name: 'Tool call', exact: true });
    assert.equal(await cards.count(), 2);
    assert.match(await cards.nth(1).innerText(), /Read \.env[\s\S]*Denied: denied/);
  });

  it('lists web search sources as links that open only on click', async () => {
    const { view } = session;
    const citations = [{ url: 'https://example.com/a', title: 'Example A' }, { url: 'https://example.org/b' }];
    await view.sendAndSettle(stateMessage({ messages: [userMessage('u1', 'q'), assistantMessage('a1', 'See [1].', { citations })] }));
    const sources = view.page.getByRole('list', { name: 'Sources', exact: true });
    const links = sources.getByRole('link');
    assert.deepEqual(await links.allInnerTexts(), ['Example A', 'https://example.org/b']);
    assert.deepEqual(await view.postedOfType('openLink'), [], 'nothing opens by itself');
    await links.first().click();
    assert.deepEqual(await view.postedOfType('openLink'), [{ type: 'openLink', href: 'https://example.com/a' }]);
    assert.equal(view.page.url(), `${view.origin}/`, 'the webview never navigates');
  });

  it('the Web search toggle is pressed for the next question only', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage());
    const toggle = view.page.getByRole('button', { name: 'Web search', exact: true });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const input = view.page.getByRole('textbox', { name: 'Message' });
    await input.fill('what is new in VS Code?');
    await input.press('Enter');
    assert.deepEqual(await view.postedOfType('send'), [{ type: 'send', text: 'what is new in VS Code?', webSearch: true }]);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  });
});
