/**
 * A stored chat of 1,000 messages (500 turns), opened through the host's real path (ChatStore on
 * disk → ChatSession.openChat → the `state` it posts): only the messages near the screen are drawn
 * with markdown, the rest wait as placeholders holding their plain text, so scrolling back finds
 * every message and the find widget (which searches the DOM) finds words in undrawn ones.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { answerWord, generateLongChat, questionWord } from '../../bench/longChat/longChatGenerator';
import { storeChats } from '../../bench/longChat/storedChat';
import type { StoredChats } from '../../bench/longChat/storedChat';
import type { HostMessage } from '../../src/shared/protocol';
import { deltas, streamEnd, streamStart, userMessage } from './fixtures';
import { usePageSession } from './pageSession';

const TURNS = 500;
const CHAT = 'long-chat';
/** At most this many messages are drawn when the chat opens: a few screenfuls, not the chat. */
const DRAWN_AT_OPEN_LIMIT = 40;

/** Messages drawn as markdown views (not placeholders), in the order shown. */
function drawnIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.message-list > .message:not(.message-placeholder)')].map((node) => node.dataset.messageId ?? ''));
}

function allIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.message-list > .message')].map((node) => node.dataset.messageId ?? ''));
}

/** Scrolls up `screens` screens at a time, letting the view draw what comes near, until the top is reached. */
async function scrollUp(page: Page, settle: () => Promise<void>, screens: number, steps = Number.POSITIVE_INFINITY): Promise<void> {
  for (let step = 0; step < steps; step++) {
    const top = await page.evaluate((count) => {
      const scroller = document.querySelector('.conversation') as HTMLElement;
      scroller.scrollTop -= count * scroller.clientHeight;
      return scroller.scrollTop;
    }, screens);
    await settle();
    if (top === 0) return;
  }
}

describe('webview: a long chat (1,000 stored messages)', function () {
  this.timeout(120_000);
  const session = usePageSession();
  let stored: StoredChats;
  let opened: HostMessage;

  before(async () => {
    stored = await storeChats([generateLongChat(TURNS, CHAT)]);
    opened = await stored.open(CHAT);
  });

  after(() => stored.dispose());

  it('opens at the end with only the messages near the screen drawn; undrawn ones keep their text for find', async () => {
    const { view } = session;
    assert.equal(opened.type === 'state' && opened.state.chat.messages.length, 2 * TURNS, 'the host posts the whole chat');
    await view.sendAndSettle(opened);
    const page = view.page;
    assert.equal((await allIds(page)).length, 2 * TURNS, 'every message has its place in the list');
    const drawn = await drawnIds(page);
    assert.ok(drawn.length > 0 && drawn.length <= DRAWN_AT_OPEN_LIMIT, `drawn at open: ${drawn.length}`);
    assert.ok(drawn.includes(`${CHAT}-a${TURNS - 1}`), 'the last answer is drawn');
    assert.equal(await page.locator('.message-list .markdown-body').count() <= DRAWN_AT_OPEN_LIMIT, true, 'markdown only in drawn messages');
    const atBottom = await page.evaluate(() => {
      const scroller = document.querySelector('.conversation') as HTMLElement;
      return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= 4;
    });
    assert.equal(atBottom, true, 'scrolled to the end');
    // An early answer is not drawn, but its words are in the page for the find widget.
    const early = `${CHAT}-a3`;
    assert.equal(drawn.includes(early), false);
    assert.equal(await page.evaluate((word) => document.querySelector('.message-list')?.textContent?.includes(word), answerWord(3)), true);
    assert.equal(await page.evaluate((word) => (window as unknown as { find(text: string): boolean }).find(word), answerWord(3)), true, 'find-in-page finds a word of an undrawn message');
  });

  it('scrolling back to the top draws every message on the way, up to the first question', async () => {
    const { view } = session;
    await view.sendAndSettle(opened);
    const page = view.page;
    // A few screens up, a screen at a time: what came into sight was drawn on the way.
    const atOpen = await drawnIds(page);
    await scrollUp(page, () => view.settle(), 1, 6);
    const onTheWay = await drawnIds(page);
    assert.ok(onTheWay.length > atOpen.length, `drawn while scrolling up: ${atOpen.length} → ${onTheWay.length}`);
    // Then all the way up.
    await scrollUp(page, () => view.settle(), 200);
    await view.settle();
    const drawn = await drawnIds(page);
    assert.equal(drawn[0], `${CHAT}-q0`, 'the first question is drawn');
    assert.match(await page.locator(`[data-message-id="${CHAT}-q0"]`).innerText(), new RegExp(questionWord(0)));
    assert.ok(drawn.includes(`${CHAT}-a0`), 'its answer too');
    const expected = Array.from({ length: TURNS }, (_, turn) => [`${CHAT}-q${turn}`, `${CHAT}-a${turn}`]).flat();
    assert.deepEqual(await allIds(page), expected, 'every message, in order');
  });

  it('keeps what the reader looks at in place while messages above it are drawn', async () => {
    const { view } = session;
    await view.sendAndSettle(opened);
    const page = view.page;
    // Halfway up, where only placeholders were; let what is in sight and around it be drawn.
    await page.evaluate(() => {
      const scroller = document.querySelector('.conversation') as HTMLElement;
      scroller.scrollTop = scroller.scrollHeight / 2;
    });
    await view.settle();
    await view.settle();
    // A screen up at a time: what comes into sight was drawn ahead; the screen above it not yet.
    // Until a step draws messages above the one in sight, which must not move.
    let checked = 0;
    for (let step = 0; step < 10 && checked === 0; step++) {
      const drawnBefore = (await drawnIds(page)).length;
      const probe = await page.evaluate(() => {
        const scroller = document.querySelector('.conversation') as HTMLElement;
        scroller.scrollTop -= scroller.clientHeight;
        const bottom = scroller.getBoundingClientRect().bottom;
        const inSight = [...document.querySelectorAll<HTMLElement>('.message-list > .message')].filter((node) => node.getBoundingClientRect().top < bottom);
        const last = inSight[inSight.length - 1];
        return { id: last?.dataset.messageId ?? '', top: last?.getBoundingClientRect().top ?? Number.NaN, drawn: last?.classList.contains('message-placeholder') === false };
      });
      assert.equal(probe.drawn, true, `the message in sight was drawn ahead: ${probe.id}`);
      await view.settle();
      await view.settle();
      if ((await drawnIds(page)).length === drawnBefore) continue;
      checked++;
      const after = await page.evaluate((id) => document.querySelector<HTMLElement>(`[data-message-id="${id}"]`)?.getBoundingClientRect().top ?? Number.NaN, probe.id);
      assert.ok(Math.abs(after - probe.top) <= 2, `the message in sight stayed in place: ${probe.top} → ${after}`);
    }
    assert.equal(checked, 1, 'messages above were drawn while scrolling up');
  });

  it('still streams into a new answer at the end and edits an old question once scrolled to it', async () => {
    const { view } = session;
    await view.sendAndSettle(opened);
    const page = view.page;
    const plan = { messageId: 'new-a', user: userMessage('new-q', 'One more question'), content: 'A new **answer** streamed at the end.', chatId: CHAT };
    await view.sendAndSettle(streamStart(plan), ...deltas(plan, 'content', plan.content), streamEnd(plan));
    assert.match(await page.locator('[data-message-id="new-a"]').innerText(), /A new answer streamed at the end\./);
    assert.equal(await page.locator('[data-message-id="new-a"] strong').count(), 1, 'rendered as markdown');
    const following = await page.evaluate(() => {
      const scroller = document.querySelector('.conversation') as HTMLElement;
      return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= 4;
    });
    assert.equal(following, true, 'the view followed the new answer');
    await scrollUp(page, () => view.settle(), 200);
    await view.settle();
    const first = page.locator(`[data-message-id="${CHAT}-q0"]`);
    await first.hover();
    await first.getByRole('button', { name: 'Edit' }).click();
    await first.getByRole('textbox', { name: 'Edit message' }).fill('The first question, edited');
    await first.getByRole('button', { name: 'Resend' }).click();
    assert.deepEqual(await view.postedOfType('editAndResend'), [{ type: 'editAndResend', messageId: `${CHAT}-q0`, text: 'The first question, edited' }]);
  });
});
