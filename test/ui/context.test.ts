/**
 * UI journeys for issue 15 in a real workbench: a `#math` mention attaches src/math.ts and the
 * request carries its path and content; right-click → OpenRouter Chat → Add Selection to Chat
 * sends the file and line range; Explorer → Add File to Chat attaches several files at once; the
 * "Add context" button attaches the current file's problems as the JSON language server reports them.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useJourney } from './journey';
import { answerFinished, waitFor, type Workbench } from './workbench';

interface ChatBody {
  messages?: { role: string; content: string }[];
}

function lastUserTurn(requests: ReadonlyArray<{ path: string; body: unknown }>): string {
  const chats = requests.filter((r) => r.path.endsWith('/chat/completions'));
  const body = chats[chats.length - 1]?.body as ChatBody;
  return body.messages?.filter((m) => m.role === 'user').pop()?.content ?? '';
}

function chips(workbench: Workbench) {
  return workbench.chat().getByRole('list', { name: 'Attached context', exact: true }).getByRole('listitem');
}

describe('Attached context in VS Code', function () {
  const journey = useJourney('context');

  // A journey leaves no editor open for the next (a preview tab or a restored one confuses gestures).
  afterEach(async () => {
    // Escape first: a failed gesture can leave a menu or quick pick open, which blocks the palette.
    await journey().workbench.page.keyboard.press('Escape');
    await journey().workbench.runCommand('View: Close All Editors');
  });

  it('a #math mention attaches src/math.ts, and the request carries its path and content', async () => {
    const { workbench, mock } = journey();
    const box = workbench.messageBox();
    await box.click();
    await box.pressSequentially('What does this do? #math');
    const option = workbench.chat().getByRole('listbox', { name: 'Context suggestions', exact: true }).getByRole('option').first();
    await waitFor('src/math.ts offered first', async () => ((await option.innerText().catch(() => '')).replace(/\s+/g, '').startsWith('math.tssrc') ? true : undefined), 60_000);
    await box.press('Enter');
    await chips(workbench).filter({ hasText: 'math.ts' }).waitFor();
    assert.equal(await box.inputValue(), 'What does this do? ');

    await workbench.button('Send').click();
    await waitFor('the answer to start', async () => ((await workbench.messages('Assistant').count()) > 0 ? true : undefined), 60_000);
    await answerFinished(workbench.lastAssistant());
    const question = workbench.messages('You').last();
    assert.match(await question.getByRole('list', { name: 'Context sent', exact: true }).innerText(), /math\.ts/);
    assert.equal(await chips(workbench).count(), 0, 'the composer is empty again');

    const turn = lastUserTurn(mock.requests);
    const content = readFileSync(join(workbench.server.workspace, 'src', 'math.ts'), 'utf8');
    assert.ok(turn.includes(`File: src/math.ts\n\`\`\`ts\n${content}`), 'the request states the path and carries the content');
    assert.ok(turn.endsWith('What does this do?'));
  });

  it('right-click → OpenRouter Chat → Add Selection to Chat sends the file and its line range', async () => {
    const { workbench, mock } = journey();
    await workbench.openFile('src/math.ts');
    await workbench.selectLines(3, 5);
    await workbench.editorContextMenu('OpenRouter Chat', 'Add Selection to Chat');
    await chips(workbench).filter({ hasText: 'math.ts:3-5' }).waitFor({ timeout: 60_000 });
    const answer = await workbench.ask('Is this right?');
    await answerFinished(answer);
    assert.match(lastUserTurn(mock.requests), /Selection: src\/math\.ts \(lines 3-5\)\n```typescript\nexport function add/);
  });

  it('Explorer → Add File to Chat with two files selected attaches both, and the request carries their paths and contents', async () => {
    const { workbench, mock } = journey();
    await workbench.selectInExplorer(['src/math.ts', 'src/legacy.js']);
    await workbench.explorerContextMenu('src/legacy.js', 'Add File to Chat');
    // The command brings the chat back into the side bar, where the Explorer was.
    await waitFor('the chat to be shown again', async () => ((await workbench.sideBarShowsChat()) ? true : undefined), 60_000);
    await workbench.findChatFrame();
    const attached = workbench.chat().getByRole('list', { name: 'Attached context', exact: true });
    await attached.getByRole('button', { name: 'Remove math.ts', exact: true }).waitFor({ timeout: 60_000 });
    await attached.getByRole('button', { name: 'Remove legacy.js', exact: true }).waitFor();
    assert.equal(await chips(workbench).count(), 2);

    const answer = await workbench.ask('What do these files do?');
    await answerFinished(answer);
    const turn = lastUserTurn(mock.requests);
    for (const path of ['src/math.ts', 'src/legacy.js']) {
      const content = readFileSync(join(workbench.server.workspace, path), 'utf8');
      const block = new RegExp(`File: ${escaped(path)}\\n${FENCE}\\w*\\n([^]*?)${FENCE}`).exec(turn);
      assert.ok(block, `the request states ${path}`);
      assert.equal(block[1], content, `the request carries the content of ${path}`);
    }
    assert.ok(turn.endsWith('What do these files do?'));
  });

  it('Add context → Problems in the current file attaches the JSON syntax error, and the request carries severity, file, line and message', async () => {
    const { workbench, mock } = journey();
    // The JSON language server ships with code-server and reports syntax errors of an open file.
    const broken = join(workbench.server.workspace, 'broken.json');
    writeFileSync(broken, '{\n  "name": "broken",\n  "version" "1.0.0"\n}\n');
    try {
      // Through the Explorer, which follows the file watcher: Quick Open's cached file list may not know the new file yet.
      await workbench.selectInExplorer(['broken.json']);
      const message = 'Colon expected';
      await workbench.problemShown(message);

      await workbench.openChat();
      await workbench.button('Add context').click();
      const pick = workbench.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'Problems in the current file' });
      await pick.first().click();
      await chips(workbench).filter({ hasText: 'broken.json' }).waitFor({ timeout: 60_000 });

      const answer = await workbench.ask('Fix it');
      await answerFinished(answer);
      const turn = lastUserTurn(mock.requests);
      assert.match(turn, new RegExp(`Problems: broken\\.json\\n${FENCE}\\nerror broken\\.json:3:\\d+ ${message}`), 'severity, file, line and message');
      assert.ok(turn.endsWith('Fix it'));
    } finally {
      rmSync(broken, { force: true });
    }
  });
});

const FENCE = '```';

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
