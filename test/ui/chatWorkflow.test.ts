/**
 * UI journeys of the chat workflow (issue 17): the chat in an editor tab beside the side bar, one
 * session and two views; Export Chat; the history search; a model per chat; a message queued
 * while an answer streams.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { useJourney } from './journey';
import { answerFinished, waitFor, type Workbench } from './workbench';

const MESSAGE_BOX = 'textarea[aria-label="Message"]';

/** The chat webview frame that is not `besides` (the editor tab's, when the side bar's is given). */
async function otherChatFrame(workbench: Workbench, besides: Frame): Promise<Frame> {
  return waitFor('a second chat webview (the editor tab)', async () => {
    for (const frame of workbench.page.frames()) {
      if (frame === besides || frame.isDetached()) continue;
      if ((await frame.locator(MESSAGE_BOX).count().catch(() => 0)) > 0) return frame;
    }
    return undefined;
  }, 60_000);
}

function assistants(frame: Frame) {
  return frame.getByRole('log').getByRole('article', { name: 'Assistant', exact: true });
}

function chatRequests(workbenchMock: { requests: Array<{ path: string; body: unknown }> }) {
  return workbenchMock.requests.filter((request) => request.path.endsWith('/chat/completions')).map((request) => request.body as { model?: string; messages?: Array<{ role: string; content?: string }> });
}

describe('Chat workflow in VS Code', function () {
  const journey = useJourney('workflow');

  it('shows the same streamed answer in the editor tab and the side bar', async () => {
    const { workbench } = journey();
    const sideBar = workbench.chat();
    await workbench.runCommandById('openrouterChat.openInEditor');
    const tab = await otherChatFrame(workbench, sideBar);
    await tab.getByRole('textbox', { name: 'Message', exact: true }).waitFor();

    // Asked in the side bar, slowly enough to be seen streaming in the tab.
    const answer = await workbench.ask('[[mock:slow-drip count=40 delayMs=60]] Count for both views.');
    const inTab = assistants(tab).last();
    await waitFor('the answer streaming in the editor tab', async () =>
      (await inTab.getAttribute('aria-busy')) === 'true' && /word3\b/.test(await inTab.innerText()) ? true : undefined,
    );
    await answerFinished(answer);
    await answerFinished(inTab);
    const sideText = await answer.locator('.markdown-body').innerText();
    assert.match(sideText, /word40/);
    assert.equal(await inTab.locator('.markdown-body').innerText(), sideText);
    assert.ok((await tab.getByRole('article', { name: 'You', exact: true }).filter({ hasText: 'Count for both views.' }).count()) === 1);
  });

  it('exports the open chat as a Markdown file holding the question and the answer', async () => {
    const { workbench } = journey();
    const before = new Set(readdirSync(workbench.server.workspace));
    await workbench.runCommandById('openrouterChat.exportChat');
    // code-server's save dialog is a quick input holding the proposed path: accept it.
    const input = workbench.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await waitFor('the proposed file name', async () => ((await input.inputValue()).endsWith('.md') ? true : undefined));
    await input.press('Enter');
    const file = await waitFor('the exported file', async () =>
      readdirSync(workbench.server.workspace).find((name) => name.endsWith('.md') && !before.has(name)),
    );
    const markdown = await waitFor('the file to be written', async () => {
      const text = readFileSync(join(workbench.server.workspace, file), 'utf8');
      return text.includes('word40') ? text : undefined;
    });
    assert.match(markdown, /^# Count for both views\.\n\n## You\n\n\[\[mock:slow-drip count=40 delayMs=60\]\] Count for both views\.\n\n## Assistant\n/);
    assert.match(markdown, /word1 word2 word3[\s\S]*word40/);
    assert.match(markdown, /_openai\/gpt-oss-120b.*prompt \/ \d+ completion tokens/);
  });

  it('finds a chat by a word from its answer', async () => {
    const { workbench } = journey();
    await workbench.titleAction('New chat').click();
    // ask() counts the answers shown before it sends: counted while the counting chat is still on
    // screen (the new chat's state not yet drawn), the new chat's first answer never raises it.
    await waitFor('the new, empty chat', async () => ((await workbench.messages('Assistant').count()) === 0 ? true : undefined));
    await answerFinished(await workbench.ask('[[mock:echo]] Tell me about parrots'));
    await workbench.titleAction('History').click();
    const history = workbench.chat().getByRole('region', { name: 'Chat history' });
    const search = history.getByRole('searchbox', { name: 'Search chats' });
    await search.fill('word17');
    await waitFor('only the counting chat listed', async () => {
      const titles = await history.getByRole('listitem').allInnerTexts();
      return titles.length === 1 && /Count for both views/.test(titles[0] ?? '') ? true : undefined;
    });
    await search.fill('parrots');
    await waitFor('only the parrots chat listed', async () => {
      const titles = await history.getByRole('listitem').allInnerTexts();
      return titles.length === 1 && /Tell me about parrots/.test(titles[0] ?? '') ? true : undefined;
    });
    await search.fill('');
    await workbench.titleAction('History').click();
  });

  it('uses a model switched in one chat for that chat\'s next request, and not for a new chat', async () => {
    const { workbench, mock } = journey();
    const model = workbench.button('Model');
    assert.equal(await model.innerText(), 'openai/gpt-oss-120b');
    await model.click();
    const input = workbench.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await workbench.page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Claude Sonnet 4.5' }).first().waitFor();
    await input.fill('claude');
    await input.press('Enter');
    await waitFor('the Model button to show the chosen model', async () => ((await model.innerText()) === 'anthropic/claude-sonnet-4.5' ? true : undefined));

    await answerFinished(await workbench.ask('[[mock:echo]] Which model are you?'));
    assert.equal(chatRequests(mock).at(-1)?.model, 'anthropic/claude-sonnet-4.5');

    await workbench.titleAction('New chat').click();
    await waitFor('a new chat on the default model', async () => ((await model.innerText()) === 'openai/gpt-oss-120b' ? true : undefined));
    await answerFinished(await workbench.ask('[[mock:echo]] And you?'));
    assert.equal(chatRequests(mock).at(-1)?.model, 'openai/gpt-oss-120b');
  });

  it('sends a message queued during an answer after that answer ends', async () => {
    const { workbench, mock } = journey();
    const requestsBefore = chatRequests(mock).length;
    const first = await workbench.ask('[[mock:slow-drip count=60 delayMs=60]] Count, then take my next question.');
    await workbench.messageBox().fill('[[mock:echo]] The queued follow-up');
    await workbench.button('Send').click();
    const queued = workbench.chat().getByRole('listitem').filter({ hasText: 'Queued' });
    await queued.waitFor();
    await queued.getByRole('button', { name: 'Remove queued message' }).waitFor();
    assert.equal(await first.getAttribute('aria-busy'), 'true', 'queued while the answer still streams');
    assert.equal(chatRequests(mock).length, requestsBefore + 1, 'not sent while the answer streams');

    await answerFinished(first);
    await workbench.messages('You').filter({ hasText: 'The queued follow-up' }).waitFor();
    const followUp = workbench.lastAssistant();
    await answerFinished(followUp);
    assert.match(await followUp.innerText(), /The queued follow-up/);
    assert.equal(await queued.count(), 0);
    const requests = chatRequests(mock);
    assert.equal(requests.length, requestsBefore + 2);
    // The follow-up went after the first answer, which is part of its conversation.
    const sent = requests.at(-1)?.messages ?? [];
    assert.match(sent.filter((m) => m.role === 'assistant').at(-1)?.content ?? '', /word60/);
  });

  it('brings the editor tab back after a reload, showing the same chat as the side bar', async function () {
    // A reload starts a new extension host: minutes on a loaded machine. Generous, not tight.
    this.timeout(420_000);
    const { workbench } = journey();
    await workbench.runCommandById('openrouterChat.openInEditor');
    const question = 'Asked before the reload';
    await answerFinished(await workbench.ask(`[[mock:echo]] ${question}`));
    const sideBar = await workbench.reloadWindow();
    const tab = await otherChatFrame(workbench, sideBar);
    const inTab = tab.getByRole('article', { name: 'You', exact: true }).filter({ hasText: question });
    await inTab.waitFor();
    await answerFinished(assistants(tab).last());
    assert.match(await assistants(tab).last().innerText(), new RegExp(question));
  });
});
