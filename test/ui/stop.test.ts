/**
 * UI journey (c): Stop in the middle of a slow answer. The answer stops where it was, keeps the
 * text that arrived, says it was stopped, and the request's socket is really closed (the local
 * server sees it), so no tokens keep streaming (and costing) in the background.
 */
import * as assert from 'node:assert/strict';
import { useJourney } from './journey';
import { answerFinished, waitFor } from './workbench';

describe('Stopping an answer in VS Code', function () {
  const journey = useJourney('stop');

  it('stops mid-stream, keeps the partial answer, marks it stopped, and closes the socket', async () => {
    const { workbench, mock } = journey();
    // 200 words, 50 ms apart: about 10 s, far longer than the test needs to press Stop.
    const answer = await workbench.ask('[[mock:slow-drip count=200 delayMs=50]] Count slowly, please.');
    const body = answer.locator('.markdown-body');
    await waitFor('a few words of the answer', async () => (/word3\b/.test(await body.innerText()) ? true : undefined));
    const closedBefore = mock.closedConnections();

    await workbench.button('Stop').click();

    await mock.waitForClose(closedBefore, 10_000);
    await answer.getByText('Stopped', { exact: true }).waitFor();
    await answerFinished(answer);
    const kept = await body.innerText();
    assert.match(kept, /^word1 word2 word3\b/, 'the words that arrived before Stop are kept');
    assert.doesNotMatch(kept, /word200/, 'the answer did not run to its end');
    // Stop goes with the message that ends the stream; allow the webview a moment to draw it.
    await workbench.button('Stop').waitFor({ state: 'hidden', timeout: 5_000 });

    const chats = mock.requests.filter((request) => request.path.endsWith('/chat/completions'));
    assert.equal(chats.length, 1, 'Stop does not retry or resend');

    // The stopped answer was billed: its tokens and cost come from OpenRouter's generation record
    // (asked after the end, through the local server's "not found yet") and appear under it.
    const figures = answer.locator('.stats');
    await figures.getByText(/prompt \/ \d+ completion tokens/).waitFor({ timeout: 15_000 });
    assert.match(await figures.innerText(), /\$0\.\d+/, 'the cost is shown');
    assert.ok(mock.requests.some((request) => request.path.includes('/generation?id=') && request.script === 'generation'), 'from the generation record');
  });

  it('keeps the answer running and stoppable after New chat, and shows it live when its chat is reopened', async () => {
    const { workbench, mock } = journey();
    await workbench.titleAction('New chat').click();
    await waitFor('the new, empty chat', async () => ((await workbench.messages('Assistant').count()) === 0 ? true : undefined));
    const answer = await workbench.ask('[[mock:slow-drip count=400 delayMs=50]] Tell a long story, please.');
    await waitFor('a few words of the answer', async () => (/word3\b/.test(await answer.locator('.markdown-body').innerText()) ? true : undefined));

    await workbench.titleAction('New chat').click();
    await workbench.chat().getByText('An answer is being written in “Tell a long story, please.”.').waitFor();
    await workbench.button('Stop').waitFor();

    // Back to the streaming chat: its answer is still arriving, not marked stopped.
    await workbench.chat().locator('.running-banner').getByRole('button', { name: 'Show' }).click();
    const live = workbench.lastAssistant();
    const body = live.locator('.markdown-body');
    await body.getByText(/word3\b/).waitFor();
    const seen = await body.innerText();
    await waitFor('more words after reopening', async () => ((await body.innerText()).length > seen.length ? true : undefined));
    assert.equal(await live.getByText('Stopped', { exact: true }).count(), 0, 'the live answer is not shown as stopped');

    // New chat again, then Stop from there ends the answer (the socket closes).
    await workbench.titleAction('New chat').click();
    const closedBefore = mock.closedConnections();
    await workbench.button('Stop').click();
    await mock.waitForClose(closedBefore, 10_000);
    await workbench.button('Stop').waitFor({ state: 'hidden', timeout: 5_000 });
    await workbench.titleAction('History').click();
    await workbench.chat().getByRole('region', { name: 'Chat history' }).getByRole('button', { name: /^Tell a long story/ }).click();
    await workbench.lastAssistant().getByText('Stopped', { exact: true }).waitFor();
    assert.doesNotMatch(await workbench.lastAssistant().locator('.markdown-body').innerText(), /word400/);
  });
});
