/** The history panel draws the first screens of a long history and more as it is scrolled; search covers every chat. */
import * as assert from 'node:assert/strict';
import type { ChatSummary } from '../../src/shared/protocol';
import { stateMessage } from './fixtures';
import { usePageSession } from './pageSession';

describe('webview: a long history', () => {
  const session = usePageSession();

  it('draws 100 rows of 1,000 chats, 100 more at "Show more chats", and finds a chat that is not drawn', async () => {
    const { view } = session;
    const now = Date.now();
    const chats: ChatSummary[] = Array.from({ length: 1000 }, (_, i) => ({ id: `c${i}`, title: `Chat number ${i}`, updatedAt: now - i * 3600_000, messageCount: 2 }));
    await view.sendAndSettle(stateMessage({ chats, chatId: 'c0' }));
    await view.sendAndSettle({ type: 'togglePanel', panel: 'history' });
    const history = view.page.getByRole('region', { name: 'Chat history' });
    const rows = history.getByRole('listitem');
    assert.equal(await rows.count(), 100);
    // Pressed where it is (a click would scroll it into view, which draws more by itself).
    await history.getByRole('button', { name: 'Show more chats' }).dispatchEvent('click');
    assert.equal(await rows.count(), 200);
    // Scrolling to the end of the list draws the next rows by itself.
    await history.getByRole('button', { name: 'Show more chats' }).scrollIntoViewIfNeeded();
    await view.page.waitForFunction(() => document.querySelectorAll('#history-panel li').length === 300);

    await history.getByRole('searchbox', { name: 'Search chats' }).fill('number 999');
    await view.sendAndSettle({ type: 'searchResults', query: 'number 999', chatIds: ['c999'] });
    assert.deepEqual(await rows.allInnerTexts().then((texts) => texts.map((t) => t.split('\n')[0])), ['Chat number 999']);
    assert.equal(await history.getByRole('button', { name: 'Show more chats' }).isVisible(), false);
  });
});
