/** Attached context in the composer: the `#` mention list, the chips, Add context; chips on sent questions. */
import * as assert from 'node:assert/strict';
import type { AttachmentView, HostMessage } from '../../src/shared/protocol';
import { assistantMessage, deltas, stateMessage, streamStart, userMessage } from './fixtures';
import { usePageSession } from './pageSession';

const MATH: AttachmentView = { id: 'att-1', kind: 'file', name: 'math.ts', path: 'src/math.ts', tokens: 120 };
const LINES: AttachmentView = { id: 'att-2', kind: 'selection', name: 'math.ts', path: 'src/math.ts', range: { startLine: 3, endLine: 9 }, tokens: 1500, truncated: true };

function suggestions(query: string, ...paths: string[]): HostMessage {
  return { type: 'contextSuggestions', query, items: paths.map((path) => ({ path, matches: [path.lastIndexOf('/') + 1] })) };
}

describe('webview: attached context', () => {
  const session = usePageSession();

  it('typing # and letters asks the host for files; the list shows them; Enter picks and removes the mention', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage());
    const input = view.page.getByRole('textbox', { name: 'Message' });
    await input.pressSequentially('explain #ma');
    assert.deepEqual(
      (await view.postedOfType('contextQuery')).map((m) => m.query),
      ['', 'm', 'ma'],
      'one query per keystroke of the mention',
    );
    await view.sendAndSettle(suggestions('ma', 'src/math.ts', 'lib/mathematics.ts'));
    const list = view.page.getByRole('listbox', { name: 'Context suggestions' });
    assert.equal(await list.isVisible(), true);
    const options = list.getByRole('option');
    assert.match(await options.nth(0).innerText(), /math\.ts\s*src/);
    assert.equal(await options.count(), 2);
    assert.equal(await options.nth(0).getAttribute('aria-selected'), 'true');
    await input.press('ArrowDown');
    assert.equal(await options.nth(1).getAttribute('aria-selected'), 'true');
    assert.equal(await input.getAttribute('aria-activedescendant'), await options.nth(1).getAttribute('id'));
    await input.press('Enter');
    assert.deepEqual(await view.postedOfType('attachFile'), [{ type: 'attachFile', path: 'lib/mathematics.ts' }]);
    assert.equal(await input.inputValue(), 'explain ', 'the mention text is replaced by the chip');
    assert.equal(await list.isVisible(), false);
    assert.equal((await view.postedOfType('send')).length, 0, 'Enter picked the file; it did not send');
  });

  it('Tab picks too; Esc closes the list without stopping a streaming answer', async () => {
    const { view } = session;
    const plan = { messageId: 'a1', user: userMessage('u1', 'q'), content: 'streaming' };
    await view.sendAndSettle(stateMessage(), streamStart(plan), ...deltas(plan, 'content', plan.content));
    const input = view.page.getByRole('textbox', { name: 'Message' });
    await input.pressSequentially('#ut');
    await view.sendAndSettle(suggestions('ut', 'src/util.ts'));
    const list = view.page.getByRole('listbox', { name: 'Context suggestions' });
    await input.press('Escape');
    assert.equal(await list.isVisible(), false);
    assert.deepEqual(await view.postedOfType('stop'), [], 'Esc in the list is not Stop');
    await input.pressSequentially('i');
    await view.sendAndSettle(suggestions('uti', 'src/util.ts'));
    await input.press('Tab');
    assert.deepEqual(await view.postedOfType('attachFile'), [{ type: 'attachFile', path: 'src/util.ts' }]);
    assert.equal(await input.inputValue(), '');
  });

  it('is not a mention inside a word or after a space; stale suggestions are ignored', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage());
    const input = view.page.getByRole('textbox', { name: 'Message' });
    await input.pressSequentially('issue a#b');
    assert.deepEqual(await view.postedOfType('contextQuery'), []);
    await input.fill('');
    await input.pressSequentially('#ab ');
    await view.sendAndSettle(suggestions('ab', 'src/about.ts'));
    assert.equal(await view.page.getByRole('listbox', { name: 'Context suggestions' }).isVisible(), false, 'the mention ended with the space');
    await input.press('Enter');
    assert.deepEqual(await view.postedOfType('send'), [{ type: 'send', text: '#ab' }]);
  });

  it('shows each attachment as a chip with name, lines and tokens; Remove asks the host', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage(), { type: 'contextDraft', attachments: [MATH, LINES] });
    const list = view.page.getByRole('list', { name: 'Attached context' });
    const items = list.getByRole('listitem');
    assert.equal(await items.count(), 2);
    assert.match(await items.nth(0).innerText(), /math\.ts\s*120 tokens/);
    assert.match(await items.nth(1).innerText(), /math\.ts:3-9\s*1\.5k tokens\s*cut to fit/);
    assert.equal(await items.nth(1).getAttribute('title'), 'src/math.ts');
    await items.nth(1).getByRole('button', { name: 'Remove math.ts:3-9' }).click();
    assert.deepEqual(await view.postedOfType('removeAttachment'), [{ type: 'removeAttachment', id: 'att-2' }]);
    await view.sendAndSettle({ type: 'contextDraft', attachments: [] });
    assert.equal(await list.isVisible(), false, 'no empty list when nothing is attached');
  });

  it('Add context asks the host for its sources', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage());
    await view.page.getByRole('button', { name: 'Add context' }).click();
    assert.deepEqual(await view.postedOfType('addContext'), [{ type: 'addContext' }]);
  });

  it('a sent question shows the context it was sent with, read-only', async () => {
    const { view } = session;
    const question = { ...userMessage('u1', 'What does add do?'), attachments: [MATH] };
    await view.sendAndSettle(stateMessage({ messages: [question, assistantMessage('a1', 'It adds.')] }));
    const sent = view.page.getByRole('article', { name: 'You' }).getByRole('list', { name: 'Context sent' });
    assert.match(await sent.innerText(), /math\.ts\s*120 tokens/);
    assert.equal(await sent.getByRole('button').count(), 0);
  });

  it('the context meter shows tokens against the window, follows typing, and warns from 80 %', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage());
    const meter = view.page.getByRole('meter', { name: 'Context used' });
    assert.equal(await meter.isVisible(), false, 'hidden until the host knows the window');
    await view.sendAndSettle({ type: 'contextUsage', usage: { tokens: 700, maxTokens: 1000, tokensPerChar: 0.5, model: 'x/small' } });
    assert.equal(await meter.getAttribute('aria-valuenow'), '700');
    assert.equal(await meter.getAttribute('aria-valuemax'), '1000');
    assert.equal(await meter.getAttribute('data-level'), 'ok');
    const input = view.page.getByRole('textbox', { name: 'Message' });
    await input.fill('x'.repeat(200)); // 100 more tokens
    assert.equal(await meter.getAttribute('aria-valuenow'), '800');
    assert.equal(await meter.getAttribute('data-level'), 'warning');
    assert.match(await meter.innerText(), /800 of 1\.0k tokens \(80 %\)/);
    await input.fill('x'.repeat(800));
    assert.equal(await meter.getAttribute('data-level'), 'over');
    assert.match(await meter.innerText(), /earlier messages will be left out/);
  });

  it('files dropped on the composer (a uri-list, as the Explorer drags them) are sent to the host', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage());
    const handled = await view.page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/uri-list', '# dragged from the Explorer\r\nfile:///w/src/math.ts\r\nfile:///w/src/util.ts\r\n');
      const target = document.querySelector('.composer-input');
      const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true });
      target?.dispatchEvent(over);
      const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
      target?.dispatchEvent(drop);
      return { overAccepted: over.defaultPrevented, dropHandled: drop.defaultPrevented };
    });
    assert.deepEqual(handled, { overAccepted: true, dropHandled: true });
    assert.deepEqual(await view.postedOfType('dropFiles'), [{ type: 'dropFiles', uris: ['file:///w/src/math.ts', 'file:///w/src/util.ts'] }]);
  });
});
