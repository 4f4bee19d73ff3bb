/**
 * UI journeys (a), (b), (d): the chat view in a real VS Code workbench answers from the local
 * OpenRouter server, streams reasoning and the answer, finds in it with Ctrl+F, and survives a
 * window reload.
 */
import * as assert from 'node:assert/strict';
import { useJourney } from './journey';
import { answerFinished, waitFor } from './workbench';

/** The ask used for the README screenshot: the default script answers with a TypeScript function. */
const QUESTION = 'Write a TypeScript function that adds two numbers.';

describe('Chat view in VS Code', function () {
  const journey = useJourney('chat', { settings: { 'workbench.colorTheme': 'Default Dark Modern' } });

  it('opens from the activity bar and draws the empty chat the host sent', async () => {
    const { workbench } = journey();
    const chat = workbench.chat();
    // The empty state is drawn from the host's `state` message: it knows the key comes from the env.
    await chat.getByRole('heading', { name: 'Ask about your code' }).waitFor();
    await chat.getByText('Using the API key from the OPENROUTER_API_KEY environment variable.').waitFor();
    assert.equal(await workbench.messages('You').count(), 0);
    assert.equal(await workbench.messages('Assistant').count(), 0);
    await workbench.titleAction('New chat').waitFor();
    assert.equal(await workbench.button('Send').isDisabled(), true, 'Send is disabled while the message box is empty');
  });

  it('streams reasoning, folds it to "Thought for N s", then shows the answer with code and its cost', async () => {
    const { workbench, mock } = journey();
    // Paced delivery (64-byte pieces, 40 ms apart) so the "Thinking…" state exists long enough to be seen.
    mock.enqueue({ script: 'default', split: 64, gapMs: 40 });
    const summaries = await workbench.recordTexts('details.reasoning > summary');

    const answer = await workbench.ask(QUESTION);
    await workbench.messages('You').filter({ hasText: QUESTION }).waitFor();
    await answerFinished(answer);

    const seen = await summaries();
    assert.ok(seen.some((text) => text.startsWith('Thinking…')), `reasoning was never shown streaming; summaries seen: ${JSON.stringify(seen)}`);
    const reasoning = answer.locator('details.reasoning');
    assert.match(await reasoning.locator('summary').innerText(), /^Thought for \d+ s$/);
    assert.equal(await reasoning.evaluate((details) => (details as HTMLDetailsElement).open), false, 'reasoning folds away once the answer starts');
    assert.match(await reasoning.evaluate((details) => details.textContent ?? ''), /adds two numbers is enough/);

    const code = answer.locator('pre code');
    await code.first().waitFor();
    assert.match(await code.first().innerText(), /export function add\(a: number, b: number\): number/);
    for (const name of ['Copy', 'Insert at cursor', 'Apply']) {
      assert.ok((await answer.getByRole('button', { name, exact: true }).count()) > 0, `the code block offers "${name}"`);
    }
    const stats = answer.getByText(/completion tokens/);
    await stats.waitFor();
    assert.match(await stats.innerText(), /openai\/gpt-oss-120b.*\d+ prompt \/ \d+ completion tokens.*\$0\.\d+/);

    // The README's screenshots, from the real UI: the side bar at its usual width next to the
    // sample project's code, then the same chat in an editor tab.
    await workbench.openFile('src/math.ts');
    await workbench.resizeSideBar(300);
    await workbench.screenshot('docs/screenshot.png');
    await workbench.runCommandById('openrouterChat.openInEditor');
    await waitFor('the chat in an editor tab', async () => {
      let drawn = 0;
      for (const frame of workbench.page.frames()) drawn += await frame.locator('article[aria-label="Assistant"] pre code').count().catch(() => 0);
      return drawn >= 2 ? true : undefined;
    });
    await workbench.screenshot('docs/screenshot-editor.png');
    // Close the tab again, so the next journeys find the side bar's chat only.
    await workbench.runCommand('View: Close Editor');
    await waitFor('the editor tab to close', async () => {
      let shown = 0;
      for (const frame of workbench.page.frames()) shown += await frame.locator('article[aria-label="Assistant"]').count().catch(() => 0);
      return shown === 1 ? true : undefined;
    });
  });

  it('finds words in the conversation with Ctrl+F (VS Code gives a side bar webview no find of its own)', async () => {
    const { workbench } = journey();
    const chat = workbench.chat();
    // The keyboard in the message box, as while writing the next question.
    await workbench.messageBox().click();
    await workbench.page.keyboard.press('Control+f');
    const input = chat.getByRole('textbox', { name: 'Find in chat' });
    await input.waitFor();
    // Typed where the keyboard is: in the view's find box, not in VS Code's Find of the open editor
    // (the webview passes keys on to the workbench, where Ctrl+F would open it and take the keyboard).
    await workbench.page.keyboard.type('number');
    assert.equal(await workbench.page.locator('.editor-widget.find-widget.visible').count(), 0, "the editor's Find did not open");
    await chat.locator('.find-status').filter({ hasText: /^1 of \d+$/ }).waitFor();
    await input.press('Enter');
    await chat.locator('.find-status').filter({ hasText: /^2 of \d+$/ }).waitFor();
    await input.press('Escape');
    await input.waitFor({ state: 'hidden' });
    assert.equal(await workbench.messageBox().evaluate((node) => node === document.activeElement), true, 'the message box has the keyboard again');
  });

  it('keeps the chat and its history entry after the window reloads', async () => {
    const { workbench } = journey();
    const before = await workbench.lastAssistant().locator('.markdown-body').innerText();
    assert.match(before, /export function add/);

    // Only the side bar's chat: an editor tab left open would be restored by the reload and its
    // webview could be the frame this journey then reads.
    await workbench.runCommand('View: Close All Editors');
    await workbench.reloadWindow();

    const question = workbench.messages('You').filter({ hasText: QUESTION });
    await question.waitFor();
    const answer = workbench.lastAssistant();
    await answer.waitFor();
    assert.equal(await answer.locator('.markdown-body').innerText(), before);
    assert.match(await answer.locator('details.reasoning > summary').innerText(), /^Thought for \d+ s$/);

    const history = workbench.titleAction('History');
    await history.click();
    const panel = workbench.chat().getByRole('region', { name: 'Chat history' });
    await panel.waitFor();
    const current = panel.locator('[aria-current="true"]');
    await current.waitFor();
    assert.ok((await current.innerText()).length > 0, 'the current chat is listed with a title');
    assert.equal(await panel.getByRole('listitem').count(), 1, 'one chat in the history after one conversation');
  });
});
