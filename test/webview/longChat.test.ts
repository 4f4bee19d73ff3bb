/**
 * A stored chat of 1,000 messages (500 turns), opened through the host's real path (ChatStore on
 * disk → ChatSession.openChat → the `state` it posts): the view is sent the newest 100 and asks
 * for the pages before as it scrolls back (`showEarlier`, answered here by the same session, as
 * the host's router does). Only the messages near the screen are drawn with markdown, the rest
 * wait as placeholders holding their plain text. The find bar (Ctrl+F) asks for every message
 * and finds words in any of them.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { answerWord, generateLongChat, questionWord } from '../../bench/longChat/longChatGenerator';
import { storeChats } from '../../bench/longChat/storedChat';
import type { OpenChat, StoredChats } from '../../bench/longChat/storedChat';
import { MESSAGES_PER_PAGE } from '../../src/core/chat/messageWindow';
import { MAX_MATCHES } from '../../src/webview/ui/findBar';
import type { HostMessage, MessageView } from '../../src/shared/protocol';
import type { WebviewPage } from './harness';
import { assistantMessage, deltas, stateMessage, streamEnd, streamStart, userMessage } from './fixtures';
import { usePageSession } from './pageSession';

const TURNS = 500;
const CHAT = 'long-chat';
/** At most this many messages are drawn when the chat opens: a few screenfuls, not the chat. */
const DRAWN_AT_OPEN_LIMIT = 40;
/** At most this many are drawn once scrolled to the top of all 1,000: those around the reader, not every one passed. */
const DRAWN_AT_TOP_LIMIT = 100;
/** What the host sends of a long chat at once. */
const PAGE = MESSAGES_PER_PAGE;

/** Messages drawn as markdown views (not placeholders), in the order shown. */
function drawnIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.message-list > .message:not(.message-placeholder)')].map((node) => node.dataset.messageId ?? ''));
}

/** The id of the message holding the find bar's current match. */
function currentMatchMessage(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (CSS.highlights.get('chat-find-current')?.values().next().value as Range | undefined)?.startContainer.parentElement?.closest<HTMLElement>('[data-message-id]')?.dataset.messageId);
}

function allIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.message-list > .message')].map((node) => node.dataset.messageId ?? ''));
}

/** Answers the view's requests for earlier messages as the host does; how many there were. */
async function serveEarlier(view: WebviewPage, chat: OpenChat): Promise<number> {
  const requests = await view.postedOfType('showEarlier');
  if (requests.length === 0) return 0;
  await view.clearPosted();
  for (const request of requests) await view.sendAndSettle(...chat.showEarlier(request));
  return requests.length;
}

/** Lets the view draw what came near, and answers what it asked the host for meanwhile. */
async function settleServing(view: WebviewPage, chat: OpenChat): Promise<void> {
  await view.settle();
  while ((await serveEarlier(view, chat)) > 0) await view.settle();
}

/** Scrolls up `screens` screens at a time, letting the view draw what comes near, until the top stays reached. */
async function scrollUp(page: Page, settle: () => Promise<void>, screens: number, steps = Number.POSITIVE_INFINITY): Promise<void> {
  for (let step = 0; step < steps; step++) {
    await page.evaluate((count) => {
      const scroller = document.querySelector('.conversation') as HTMLElement;
      scroller.scrollTop -= count * scroller.clientHeight;
    }, screens);
    await settle();
    // A page that arrived at the top was put above the reader: the top is further up again.
    if ((await page.evaluate(() => (document.querySelector('.conversation') as HTMLElement).scrollTop)) === 0) return;
  }
}

describe('webview: a long chat (1,000 stored messages)', function () {
  this.timeout(120_000);
  const session = usePageSession();
  let stored: StoredChats;
  let host: OpenChat;
  let opened: HostMessage;

  before(async () => {
    stored = await storeChats([generateLongChat(TURNS, CHAT)]);
  });
  beforeEach(async () => {
    host = await stored.keepOpen(CHAT);
    opened = host.state;
  });
  afterEach(() => host.close());

  after(() => stored.dispose());

  it('opens at the end of the newest page with only the messages near the screen drawn; undrawn ones keep their text for find', async () => {
    const { view } = session;
    assert.equal(opened.type === 'state' && opened.state.chat.messages.length, PAGE, 'the host posts the newest page');
    assert.equal(opened.type === 'state' && opened.state.chat.earlier?.count, 2 * TURNS - PAGE);
    await view.sendAndSettle(opened);
    const page = view.page;
    assert.equal((await allIds(page)).length, PAGE, 'every message sent has its place in the list');
    assert.equal(await page.getByRole('button', { name: `Show earlier messages (${2 * TURNS - PAGE})` }).count(), 1);
    // The header counts what every answer cost, those not sent too (500 answers of $0.0004).
    assert.equal(await page.locator('.header-cost').textContent(), '$0.20');
    const drawn = await drawnIds(page);
    assert.ok(drawn.length > 0 && drawn.length <= DRAWN_AT_OPEN_LIMIT, `drawn at open: ${drawn.length}`);
    assert.ok(drawn.includes(`${CHAT}-a${TURNS - 1}`), 'the last answer is drawn');
    assert.equal(await page.locator('.message-list .markdown-body').count() <= DRAWN_AT_OPEN_LIMIT, true, 'markdown only in drawn messages');
    const atBottom = await page.evaluate(() => {
      const scroller = document.querySelector('.conversation') as HTMLElement;
      return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= 4;
    });
    assert.equal(atBottom, true, 'scrolled to the end');
    // The page's first answer is not drawn, but its words are in the page for the find bar.
    const early = `${CHAT}-a${TURNS - PAGE / 2}`;
    assert.equal(drawn.includes(early), false);
    assert.equal(await page.evaluate((word) => document.querySelector('.message-list')?.textContent?.includes(word), answerWord(TURNS - PAGE / 2)), true);
  });

  it('scrolling back to the top draws every message on the way and asks for each earlier page, up to the first question', async () => {
    const { view } = session;
    await view.sendAndSettle(opened);
    const page = view.page;
    // A few screens up, a screen at a time: what came into sight was drawn on the way.
    const atOpen = await drawnIds(page);
    await scrollUp(page, () => view.settle(), 1, 6);
    const onTheWay = await drawnIds(page);
    assert.ok(onTheWay.length > atOpen.length, `drawn while scrolling up: ${atOpen.length} → ${onTheWay.length}`);
    // At the top of the newest page the view asks for the one before; it arrives above the reader, who stays put.
    await scrollUp(page, () => view.settle(), 200);
    const firstSent = `${CHAT}-q${TURNS - PAGE / 2}`;
    const topBefore = await page.evaluate((id) => document.querySelector(`[data-message-id="${id}"]`)?.getBoundingClientRect().top ?? Number.NaN, firstSent);
    assert.deepEqual(await view.postedOfType('showEarlier'), [{ type: 'showEarlier', chatId: CHAT, before: 2 * TURNS - PAGE }]);
    await serveEarlier(view, host);
    const topAfter = await page.evaluate((id) => document.querySelector(`[data-message-id="${id}"]`)?.getBoundingClientRect().top ?? Number.NaN, firstSent);
    assert.ok(Math.abs(topAfter - topBefore) <= 2, `the first message sent stayed in place: ${topBefore} → ${topAfter}`);
    assert.equal((await allIds(page)).length, 2 * PAGE);
    // Then all the way up, page by page.
    await scrollUp(page, () => settleServing(view, host), 200);
    await settleServing(view, host);
    const drawn = await drawnIds(page);
    assert.equal(drawn[0], `${CHAT}-q0`, 'the first question is drawn');
    assert.match(await page.locator(`[data-message-id="${CHAT}-q0"]`).innerText(), new RegExp(questionWord(0)));
    assert.ok(drawn.includes(`${CHAT}-a0`), 'its answer too');
    const expected = Array.from({ length: TURNS }, (_, turn) => [`${CHAT}-q${turn}`, `${CHAT}-a${turn}`]).flat();
    assert.deepEqual(await allIds(page), expected, 'every message, in order');
    assert.equal(await page.getByRole('button', { name: /Show earlier messages/ }).isVisible(), false, 'nothing is left to ask for');
  });

  it('finds with Ctrl+F in every message, those not sent and not drawn too, from the match in sight, and Esc gives the keyboard back', async () => {
    const { view } = session;
    await view.sendAndSettle(opened);
    const page = view.page;
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.focus();
    await page.keyboard.press('Control+f');
    const input = page.getByRole('textbox', { name: 'Find in chat' });
    assert.equal(await input.evaluate((node) => node === document.activeElement), true, 'the find box has the keyboard');
    // Find asks for every message not sent yet; before they come, it searches what the view has.
    assert.deepEqual(await view.postedOfType('showEarlier'), [{ type: 'showEarlier', chatId: CHAT, before: 2 * TURNS - PAGE, all: true }]);
    const status = page.locator('.find-status');
    // Every question holds these words: the search starts at the one in sight, at the end of the chat.
    await input.fill('why does the render block');
    const inPage = /^(\d+) of 50$/.exec((await status.textContent()) ?? '');
    assert.ok(inPage && Number(inPage[1]) >= 45, `the first match in sight is selected: ${await status.textContent()}`);
    const selected = await currentMatchMessage(page);
    // The rest of the chat arrives above: the same match stays selected, counted among all 500.
    await serveEarlier(view, host);
    assert.equal((await allIds(page)).length, 2 * TURNS);
    assert.equal(await status.textContent(), `${Number(inPage?.[1]) + TURNS - PAGE / 2} of 500`);
    const stillSelected = await currentMatchMessage(page);
    assert.equal(stillSelected, selected);
    // Enter goes to the next, Shift+Enter back.
    const first = Number(((await status.textContent()) ?? '').split(' ')[0]);
    await input.press('Enter');
    assert.equal(await status.textContent(), `${(first % 500) + 1} of 500`);
    await input.press('Shift+Enter');
    assert.equal(await status.textContent(), `${first} of 500`);
    // A word that only the fourth answer holds: never drawn, never sent at open.
    await input.fill(answerWord(3));
    await view.settle();
    assert.equal(await status.textContent(), '1 of 1');
    const target = page.locator(`[data-message-id="${CHAT}-a3"]`);
    assert.equal(await target.evaluate((node) => node.classList.contains('message-placeholder')), false, 'its message was drawn to show the match');
    const marked = await page.evaluate(() => {
      const current = [...(CSS.highlights.get('chat-find-current') ?? [])] as Range[];
      const scroller = (document.querySelector('.conversation') as HTMLElement).getBoundingClientRect();
      const box = current[0]?.getBoundingClientRect();
      return { text: current.map((range) => range.toString()), inSight: !!box && box.top >= scroller.top && box.bottom <= scroller.bottom };
    });
    assert.deepEqual(marked, { text: [answerWord(3)], inSight: true });
    // One letter in a long chat: counted up to the cap.
    await input.fill('e');
    assert.match((await status.textContent()) ?? '', new RegExp(`^\\d+ of ${MAX_MATCHES}\\+$`));
    await input.fill('no such words anywhere');
    assert.equal(await status.textContent(), 'No results');
    // Esc from the bar's buttons closes it too, and does not stop anything.
    await page.getByRole('button', { name: 'Next match' }).focus();
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.find-bar').isVisible(), false);
    assert.deepEqual(await view.postedOfType('stop'), []);
    assert.equal(await page.evaluate(() => CSS.highlights.has('chat-find')), false, 'the marks are gone');
    assert.equal(await composer.evaluate((node) => node === document.activeElement), true, 'the message box has the keyboard again');
  });

  it('counts a match in an answer\'s reasoning the same whether the answer is drawn or let go, and skips the answer\'s chrome', async () => {
    const { view } = session;
    await view.sendAndSettle(opened);
    const page = view.page;
    await page.getByRole('textbox', { name: 'Message' }).focus();
    await page.keyboard.press('Control+f');
    await serveEarlier(view, host);
    assert.equal((await allIds(page)).length, 2 * TURNS);
    const input = page.getByRole('textbox', { name: 'Find in chat' });
    const status = page.locator('.find-status');
    // Only the fifth answer's reasoning holds these words, and that answer is far above the screen, not drawn.
    const target = page.locator(`[data-message-id="${CHAT}-a4"]`);
    assert.equal(await target.evaluate((node) => node.classList.contains('message-placeholder')), true);
    await input.fill('about block 4. check');
    await view.settle();
    assert.equal(await status.textContent(), '1 of 1');
    assert.equal(await target.evaluate((node) => node.classList.contains('message-placeholder')), false, 'drawn to show the match');
    assert.equal(await target.locator('details.reasoning').evaluate((node) => (node as HTMLDetailsElement).open), true, 'its reasoning opened to show it');
    assert.deepEqual(await page.evaluate(() => [...(CSS.highlights.get('chat-find-current') ?? [])].map((range) => (range as Range).startContainer.parentElement?.className)), ['reasoning-text']);
    // Words in every reasoning (334 of the 500 answers have one): the count stays while the reader
    // goes from the top to the bottom and back, as messages are drawn and let go on the way.
    await input.fill('check the list update path');
    await view.settle();
    const counts = [await status.textContent()];
    const step = async (key: string): Promise<void> => {
      await input.press(key);
      await view.settle();
      await view.settle();
      counts.push(await status.textContent());
    };
    // Back past the first match to the last one, at the bottom.
    for (let presses = 0; presses < 10 && !counts[counts.length - 1]?.startsWith('334 of'); presses++) await step('Shift+Enter');
    assert.equal(counts[counts.length - 1], '334 of 334', counts.join(', '));
    assert.equal(await target.evaluate((node) => node.classList.contains('message-placeholder')), true, 'the fifth answer, far above now, was let go');
    // And on to the first, at the top again.
    await step('Enter');
    assert.equal(counts[counts.length - 1], '1 of 334');
    assert.deepEqual(new Set(counts.map((text) => text?.replace(/^\d+ of /, ''))), new Set(['334']), counts.join(', '));
    // An answer's stats line and its "Reasoning" label are the view's, not the conversation's.
    await input.fill('gpt-oss-120b');
    assert.equal(await status.textContent(), 'No results');
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

  it('lets go of messages scrolled far past and draws them again on the way back, as they last were; one the user clicked in stays as they left it', async () => {
    const { view } = session;
    assert.equal(opened.type, 'state');
    if (opened.type !== 'state') return;
    // The window was reloaded while the last answer streamed: it arrives drawn as streaming, then ends.
    const messages = opened.state.chat.messages;
    const last = messages[messages.length - 1] as MessageView;
    const streaming: MessageView = { id: last.id, role: 'assistant', content: 'The answer so far', status: 'streaming' };
    const reloaded: HostMessage = { type: 'state', state: { ...opened.state, chat: { ...opened.state.chat, messages: [...messages.slice(0, -1), streaming] }, streaming: { chatId: CHAT, messageId: last.id } } };
    await view.sendAndSettle(reloaded, streamEnd({ messageId: last.id, chatId: CHAT, content: 'The final answer, **done**.' }));
    const page = view.page;
    const answer = page.locator(`[data-message-id="${last.id}"]`);
    assert.equal(await answer.getAttribute('aria-busy'), null);
    // The user opens the reasoning of an earlier answer in sight.
    const opinion = page.locator('.message-assistant:not(.message-placeholder)', { has: page.locator('.reasoning-summary') }).first();
    const opinionId = await opinion.getAttribute('data-message-id');
    assert.ok(opinionId && opinionId !== last.id, 'an answer with reasoning is drawn at open');
    await opinion.locator('.reasoning-summary').click();
    assert.equal(await opinion.locator('details.reasoning').evaluate((node) => (node as HTMLDetailsElement).open), true);
    // And goes on typing: the keyboard is no longer in that answer.
    await page.getByRole('textbox', { name: 'Message' }).focus();
    const drawnHeight = await answer.evaluate((node) => node.getBoundingClientRect().height);
    await scrollUp(page, () => settleServing(view, host), 200);
    await settleServing(view, host);
    const drawn = await drawnIds(page);
    assert.equal((await allIds(page)).length, 2 * TURNS);
    assert.ok(drawn.length <= DRAWN_AT_TOP_LIMIT, `drawn at the top of 1,000: ${drawn.length}`);
    assert.equal(drawn.includes(last.id), false, 'the last answer, far below, is a placeholder again');
    assert.match((await answer.textContent()) ?? '', /The final answer, \*\*done\*\*\./, 'holding its final text');
    const undrawnHeight = await answer.evaluate((node) => node.getBoundingClientRect().height);
    assert.ok(Math.abs(undrawnHeight - drawnHeight) <= 1, `standing as tall as it was drawn: ${drawnHeight} → ${undrawnHeight}`);
    const kept = page.locator(`[data-message-id="${opinionId}"]`);
    assert.equal(drawn.includes(opinionId), true, 'the answer the user clicked in is still drawn');
    // Back to the end: drawn again, finished, with the reasoning the user opened still open.
    for (let step = 0; step < 20 && (await answer.evaluate((node) => node.classList.contains('message-placeholder'))); step++) {
      await page.evaluate(() => {
        const scroller = document.querySelector('.conversation') as HTMLElement;
        scroller.scrollTop = scroller.scrollHeight;
      });
      await view.settle();
    }
    assert.equal(await answer.evaluate((node) => node.classList.contains('message-placeholder')), false, 'drawn again at the end');
    assert.equal(await answer.getAttribute('aria-busy'), null, 'as finished, not as still streaming');
    assert.equal(await answer.locator('strong').textContent(), 'done');
    assert.equal(await kept.locator('details.reasoning').evaluate((node) => (node as HTMLDetailsElement).open), true);
  });

  it('in a tall view of short messages, lets go of none that lazy drawing would draw again at once', async () => {
    const { view } = session;
    const page = view.page;
    const viewport = page.viewportSize();
    // 30 messages either side of the screen are less than a screen here.
    await page.setViewportSize({ width: 480, height: 3000 });
    try {
      const messages = Array.from({ length: 150 }, (_, turn) => [userMessage(`short-q${turn}`, `Question ${turn}?`), assistantMessage(`short-a${turn}`, `Answer ${turn}: \`const a${turn} = ${turn};\``)]).flat();
      await view.sendAndSettle(stateMessage({ chatId: 'short', messages }));
      await page.evaluate(() => {
        const scroller = document.querySelector('.conversation') as HTMLElement;
        scroller.scrollTop = scroller.scrollHeight / 2;
      });
      for (let step = 0; step < 5; step++) await view.settle();
      // Once what came near is drawn, the list stays still: nothing drawn, let go and drawn again, frame after frame.
      const changes = await page.evaluate(
        () =>
          new Promise<number>((done) => {
            let count = 0;
            const observer = new MutationObserver((records) => (count += records.length));
            observer.observe(document.querySelector('.message-list') as HTMLElement, { childList: true });
            let frames = 0;
            const tick = (): void => {
              if (++frames < 20) requestAnimationFrame(tick);
              else {
                observer.disconnect();
                done(count);
              }
            };
            requestAnimationFrame(tick);
          }),
      );
      assert.equal(changes, 0);
    } finally {
      if (viewport) await page.setViewportSize(viewport);
    }
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
    await scrollUp(page, () => settleServing(view, host), 200);
    await settleServing(view, host);
    const first = page.locator(`[data-message-id="${CHAT}-q0"]`);
    await first.hover();
    await first.getByRole('button', { name: 'Edit' }).click();
    await first.getByRole('textbox', { name: 'Edit message' }).fill('The first question, edited');
    await first.getByRole('button', { name: 'Resend' }).click();
    assert.deepEqual(await view.postedOfType('editAndResend'), [{ type: 'editAndResend', messageId: `${CHAT}-q0`, text: 'The first question, edited' }]);
  });
});
