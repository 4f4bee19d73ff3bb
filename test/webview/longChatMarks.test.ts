/**
 * A long chat's undrawn messages (placeholders, messageSlot.ts) carry every mark their drawn views
 * carry: role, summary, summarized (Compact), latest, the message id and label. The UI journey for
 * Compact failed when placeholders lacked `is-summarized`: the summarized messages of a long chat
 * were not marked until scrolled to. The chats are stored and opened through the host's real path.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { generateLongChat } from '../../bench/longChat/longChatGenerator';
import { storeChats } from '../../bench/longChat/storedChat';
import type { StoredChats } from '../../bench/longChat/storedChat';
import type { Chat } from '../../src/core/chat/chat';
import type { HostMessage } from '../../src/shared/protocol';
import { usePageSession } from './pageSession';

const TURNS = 300;
const CHAT = 'long-summarized';
/** The summary stands in for all but the last ten turns. */
const SUMMARIZED = 2 * (TURNS - 10);

/** The chat after Compact ran at turn TURNS - 10: a summary, then ten more turns. */
function summarizedChat(): Chat {
  const chat = generateLongChat(TURNS, CHAT);
  const at = (chat.messages[SUMMARIZED - 1]?.createdAt ?? 0) + 1_000;
  const summary = { id: `${CHAT}-summary`, role: 'assistant' as const, content: '## Summary\n\n- the render blocks and the list update path', status: 'done' as const, summaryOf: SUMMARIZED, createdAt: at };
  return { ...chat, messages: [...chat.messages.slice(0, SUMMARIZED), summary, ...chat.messages.slice(SUMMARIZED)] };
}

/** Every mark of every message element, by message id: classes (not the placeholder's own) and attributes. */
function marks(page: Page): Promise<Record<string, { drawn: boolean; marks: string }>> {
  return page.evaluate(() => {
    const result: Record<string, { drawn: boolean; marks: string }> = {};
    for (const node of document.querySelectorAll<HTMLElement>('.message-list > article')) {
      // Which question is pinned (sticky) follows the scroll position, not the message.
      const classes = [...node.classList].filter((name) => name !== 'message-placeholder' && name !== 'is-pinned').sort();
      const attributes = [...node.attributes].filter((attribute) => !['class', 'style'].includes(attribute.name)).map((attribute) => `${attribute.name}=${attribute.value}`);
      result[node.dataset.messageId ?? '?'] = { drawn: !node.classList.contains('message-placeholder'), marks: [...classes, ...attributes.sort()].join(' ') };
    }
    return result;
  });
}

/** The messages the host sent of the chat (its newest page), and how many of them are summarized. */
function sent(state: HostMessage): { summarized: number; questions: number } {
  const messages = state.type === 'state' ? state.state.chat.messages : [];
  return { summarized: messages.filter((message) => message.summarized).length, questions: messages.filter((message) => message.role === 'user').length };
}

function undrawn(all: Record<string, { drawn: boolean }>): string[] {
  return Object.keys(all).filter((id) => all[id]?.drawn === false);
}

describe('webview: the marks of a long chat’s undrawn messages', function () {
  this.timeout(120_000);
  const session = usePageSession();
  let stores: StoredChats[] = [];
  let plain: HostMessage;
  let compacted: HostMessage;

  // The same chat twice: as it was before Compact, and after (two storage folders).
  before(async () => {
    stores = [await storeChats([generateLongChat(TURNS, CHAT)]), await storeChats([summarizedChat()])];
    plain = await (stores[0] as StoredChats).open(CHAT);
    compacted = await (stores[1] as StoredChats).open(CHAT);
  });

  after(() => Promise.all(stores.map((store) => store.dispose())));

  it('marks the summarized messages while they are still placeholders, when the chat opens and when Compact ends', async () => {
    const { view } = session;
    // Opened before Compact: nothing marked. Then the state Compact's end posts.
    await view.sendAndSettle(plain);
    assert.equal(await view.page.locator('.message.is-summarized').count(), 0);
    for (const state of [compacted, plain, compacted]) {
      await view.sendAndSettle(state);
      const all = await marks(view.page);
      const waiting = undrawn(all);
      // The host sends the newest page: the summarized messages in it.
      const summarized = sent(state).summarized;
      assert.ok(state === plain || summarized > 40, `summarized messages sent: ${summarized}`);
      assert.ok(waiting.length > sent(compacted).summarized - 40, `most summarized messages are not drawn yet: ${waiting.length} undrawn`);
      assert.equal(await view.page.locator('.message.is-summarized').count(), summarized, 'every summarized message is marked, drawn or not');
      // Undrawn and before the summary: the first turns (the summary's own id has no turn number).
      const waitingSummarized = waiting.filter((id) => Number(/\d+$/.exec(id)?.[0]) < TURNS - 10).length;
      assert.equal(await view.page.locator('.message-placeholder.is-summarized[title="Summarized below: no longer sent to the model"]').count(), state === compacted ? waitingSummarized : 0);
    }
    assert.equal(await view.page.getByRole('article', { name: 'Summary' }).count(), 1);
    assert.equal(await view.page.getByRole('article', { name: 'You' }).count(), sent(compacted).questions, 'placeholders of questions are named like drawn ones');
  });

  it('gives a placeholder the very marks its drawn view carries', async () => {
    const { view } = session;
    await view.sendAndSettle(compacted);
    const page = view.page;
    const atOpen = await marks(page);
    const waiting = undrawn(atOpen);
    // Visit places across the chat, the summary among them, so placeholders there are drawn.
    const compared = new Set<string>();
    for (const fraction of [0, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97]) {
      await page.evaluate((at) => {
        const scroller = document.querySelector('.conversation') as HTMLElement;
        scroller.scrollTop = at * scroller.scrollHeight;
      }, fraction);
      await view.settle();
      await view.settle();
      const now = await marks(page);
      for (const id of waiting) {
        if (!now[id]?.drawn) continue;
        assert.equal(now[id]?.marks, atOpen[id]?.marks, `${id}: drawn like its placeholder`);
        compared.add(id);
      }
    }
    const kinds: string[] = [...compared].map((id) => (id.endsWith('summary') ? 'summary' : id.includes('-q') ? 'question' : 'answer'));
    assert.ok(compared.size >= 20, `placeholders compared with their drawn views: ${compared.size}`);
    for (const kind of ['question', 'answer']) assert.ok(kinds.includes(kind), `a ${kind} among them`);
  });
});
