/**
 * Issue 8's persistence promises in a real workbench: 100 saved chats all come back after a
 * window reload, in order, with their messages; a corrupted store is reported, kept as a backup,
 * and the extension still works.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChat, createMessage } from '../../src/core/chat/chat';
import { ChatStore } from '../../src/core/chat/chatStore';
import { useJourney } from './journey';
import { answerFinished, waitFor } from './workbench';

const EXTENSION_STORAGE = join('User', 'globalStorage', 'openrouter-chat.openrouter-chat');
const title = (i: number) => `Saved chat ${String(i).padStart(3, '0')}`;

describe('Chat history on disk', function () {
  const journey = useJourney('persistence');

  it('brings back 100 saved chats after a reload, newest first, with their messages', async () => {
    const { workbench } = journey();
    const store = new ChatStore(join(workbench.server.userDataDir, EXTENSION_STORAGE));
    const base = Date.now() - 1_000_000;
    for (let i = 1; i <= 100; i++) {
      const chat = createChat(base + i);
      chat.title = title(i);
      chat.messages.push(createMessage('user', `Question number ${i}`), createMessage('assistant', `Answer number ${i}`, { status: 'done' }));
      chat.updatedAt = base + i * 1000;
      await store.save(chat);
    }

    await workbench.reloadWindow();
    await workbench.titleAction('History').click();
    const panel = workbench.chat().getByRole('region', { name: 'Chat history' });
    await panel.waitFor();
    const items = panel.getByRole('listitem');
    await waitFor('100 chats in the history', async () => ((await items.count()) >= 100 ? true : undefined));
    const texts = await items.allInnerTexts();
    const listed = texts.map((t) => /Saved chat \d{3}/.exec(t)?.[0]).filter((t): t is string => t !== undefined);
    assert.equal(listed.length, 100, `listed: ${listed.length}`);
    assert.deepEqual(listed, Array.from({ length: 100 }, (_, i) => title(100 - i)), 'newest first');

    // Reopen one from the middle: its messages are there.
    await panel.getByText(title(42), { exact: true }).click();
    await workbench.messages('You').filter({ hasText: 'Question number 42' }).waitFor();
    await workbench.messages('Assistant').filter({ hasText: 'Answer number 42' }).waitFor();
  });

  it('reports a corrupted chat file, keeps a backup of it, and still answers', async () => {
    const { workbench } = journey();
    const chatsDir = join(workbench.server.userDataDir, EXTENSION_STORAGE, 'chats');
    writeFileSync(join(chatsDir, 'truncated.json'), '{"version":1,"chat":{"id":"truncated","title":"Half a ch');
    writeFileSync(join(chatsDir, 'wrongtypes.json'), JSON.stringify({ version: 1, chat: { id: 5, title: ['x'], messages: 'none' } }));

    await workbench.reloadWindow();
    const messages = await waitFor('the corruption report', async () => {
      const texts = await workbench.notifications();
      return texts.some((t) => /could not be read/.test(t)) ? texts : undefined;
    });
    assert.ok(messages.some((t) => /2 saved chat\(s\) could not be read/.test(t)), messages.join(' | '));
    const backups = readdirSync(join(chatsDir, 'corrupt'));
    assert.equal(backups.length, 2, `backups: ${backups.join(', ')}`);
    assert.ok(!existsSync(join(chatsDir, 'truncated.json')), 'the bad file was moved aside');

    const answer = await workbench.ask('[[mock:echo]] still working?');
    await waitFor('the answer', async () => ((await answer.innerText()).includes('You said') ? true : undefined));
  });

  it('shows a second window what the first one asks, in its history and in the open chat, without a reload', async () => {
    const { workbench: first } = journey();
    const second = await first.openAnotherWindow();
    try {
      // The second window's view is open before the first asks anything.
      await second.openChat();
      await second.titleAction('History').click();
      const history = second.chat().getByRole('region', { name: 'Chat history' });
      await history.waitFor();

      await first.titleAction('New chat').click();
      await waitFor('the new, empty chat', async () => ((await first.messages('You').count()) === 0 ? true : undefined));
      await answerFinished(await first.ask('[[mock:echo]] Asked in the first window'));
      await history.getByText('Asked in the first window', { exact: true }).click();
      await second.messages('Assistant').filter({ hasText: 'You said' }).first().waitFor();

      // Its follow-up appears in the second window's open chat by itself.
      await answerFinished(await first.ask('[[mock:echo]] A follow-up from the first window'));
      await waitFor('the follow-up in the second window', async () =>
        (await second.messages('You').count()) === 2 && (await second.messages('Assistant').nth(1).innerText()).includes('A follow-up from the first window') ? true : undefined,
      );
    } finally {
      await second.close();
    }
  });
});
