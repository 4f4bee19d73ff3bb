/**
 * UI journeys for issue 15 in a real workbench: a `#math` mention attaches src/math.ts and the
 * request carries its path and content; right-click → OpenRouter Chat → Add Selection to Chat
 * sends the file and line range.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
});
