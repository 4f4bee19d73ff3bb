/**
 * UI journeys for issue 5 in a real workbench: right-click -> OpenRouter Chat -> Explain streams
 * an explanation; Insert at cursor puts the answer's code into the editor; Refactor -> Apply ->
 * diff -> Accept changes the file. The local server's `default` script answers with an `add`
 * function in a ```ts block.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useJourney } from './journey';
import { answerFinished, waitFor, type Workbench } from './workbench';

interface ChatBody {
  messages?: { role: string; content: string }[];
}

/** The OpenRouter Chat submenu's entries, in the manifest's order. */
const SUBMENU = ['Explain Selection', 'Refactor Selection', 'Fix Selection', 'Document Selection', 'Write Tests for Selection'];

/** Right-click on the selection, open the OpenRouter Chat submenu, and run `label`. */
async function codeAction(workbench: Workbench, label: string): Promise<void> {
  assert.ok(SUBMENU.includes(label), `${label} is not in the submenu`);
  await workbench.editorContextMenu('OpenRouter Chat', label);
}

/** Saves the active editor (Ctrl+S) and returns the file's text once the disk shows `expected` holds. */
async function savedText(workbench: Workbench, path: string, expected: (text: string) => boolean): Promise<string> {
  await workbench.activeEditor().click();
  await workbench.page.keyboard.press('Control+S');
  const file = join(workbench.server.workspace, path);
  return waitFor(`${path} saved`, async () => {
    const text = readFileSync(file, 'utf8');
    return expected(text) ? text : undefined;
  }, 30_000);
}

describe('Code actions in VS Code', function () {
  const journey = useJourney('code-actions');

  it('right-click > OpenRouter Chat > Explain Selection streams an explanation of the selected lines', async () => {
    const { workbench, mock } = journey();
    await workbench.openFile('src/math.ts');
    await workbench.selectLines(12, 22);
    const before = await workbench.messages('Assistant').count();
    mock.enqueue({ script: 'default', split: 64, gapMs: 20 });
    await codeAction(workbench, 'Explain Selection');

    await waitFor('the answer to start', async () => ((await workbench.messages('Assistant').count()) > before ? true : undefined), 60_000);
    const answer = workbench.messages('Assistant').nth(before);
    await answerFinished(answer);
    assert.match(await answer.innerText(), /It returns the sum of/);
    await workbench.messages('You').filter({ hasText: 'Explain src/math.ts:12-22' }).first().waitFor();

    const chats = mock.requests.filter((r) => r.path.endsWith('/chat/completions'));
    const body = chats[chats.length - 1]?.body as ChatBody;
    const turn = body.messages?.filter((m) => m.role === 'user').pop()?.content ?? '';
    assert.match(turn, /File: src\/math\.ts \(lines 12-22, language: typescript\)/);
    assert.match(turn, /export function average/);
  });

  it('Insert at cursor puts the answer code at the editor cursor', async () => {
    const { workbench } = journey();
    await workbench.openFile('src/math.ts');
    const original = readFileSync(join(workbench.server.workspace, 'src/math.ts'), 'utf8');
    // Cursor on the blank line 2.
    await workbench.selectLines(2, 1);
    const answer = workbench.lastAssistant();
    await answer.getByRole('button', { name: 'Insert at cursor', exact: true }).first().click();
    const text = await savedText(workbench, 'src/math.ts', (t) => t !== original);
    const lines = original.split('\n');
    // The code goes where the cursor is: at the start of the blank line 2, which it then ends.
    const expected = [lines[0], 'export function add(a: number, b: number): number {', '  return a + b;', '}', ...lines.slice(2)].join('\n');
    assert.equal(text, expected);
  });

  it('Refactor > Apply shows a diff, and Accept changes the file', async () => {
    const { workbench, mock } = journey();
    await workbench.openFile('src/math.ts');
    const lineOfClamp = readFileSync(join(workbench.server.workspace, 'src/math.ts'), 'utf8').split('\n').findIndex((line) => line.startsWith('export function clamp(')) + 1;
    assert.ok(lineOfClamp > 0, 'the sample has a clamp function');
    await workbench.selectLines(lineOfClamp, lineOfClamp + 2);
    const before = await workbench.messages('Assistant').count();
    mock.enqueue('default');
    await codeAction(workbench, 'Refactor Selection');
    await waitFor('the answer to start', async () => ((await workbench.messages('Assistant').count()) > before ? true : undefined), 60_000);
    const answer = workbench.messages('Assistant').nth(before);
    await answerFinished(answer);
    await workbench.messages('You').filter({ hasText: /^Refactor src\/math\.ts:\d+-\d+/ }).first().waitFor();

    await answer.getByRole('button', { name: 'Apply', exact: true }).first().click();
    const diff = workbench.page.locator('.monaco-diff-editor');
    await diff.first().waitFor({ timeout: 30_000 });
    const accept = workbench.page.locator('.editor-actions .action-label[aria-label*="Accept Proposed Change"]');
    await accept.first().click();
    await waitFor('the diff to close', async () => ((await diff.count()) === 0 ? true : undefined), 30_000);

    await workbench.openFile('src/math.ts');
    const text = await savedText(workbench, 'src/math.ts', (t) => !t.includes('export function clamp('));
    assert.ok(text.includes('}\n\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n\n/** Arithmetic mean'), text);
    assert.ok(text.includes('export function average('), 'the rest of the file is intact');
  });

  it('a file reference in an answer opens the file with those lines selected', async () => {
    const { workbench } = journey();
    const answer = await workbench.ask('[[mock:echo]] The loop is at src/math.ts:18-20.');
    await answerFinished(answer);
    await answer.locator('a.file-ref', { hasText: 'src/math.ts:18-20' }).first().click();
    await workbench.page.locator('.tabs-container [role="tab"][aria-label^="math.ts"]').first().waitFor();
    // The selection runs from the start of line 18 to the end of line 20, the cursor at its end.
    const lines = readFileSync(join(workbench.server.workspace, 'src/math.ts'), 'utf8').split('\n');
    const expected = `Ln 20, Col ${(lines[19] ?? '').length + 1} (${lines.slice(17, 20).join('\n').length} selected)`;
    const status = workbench.page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first();
    await waitFor(`"${expected}" in the status bar`, async () => ((await status.innerText()).includes(expected) ? true : undefined), 30_000);
  });

  it('a reference to a file that is not in the workspace says so', async () => {
    const { workbench } = journey();
    const answer = await workbench.ask('[[mock:echo]] See src/missing.ts:3 for details.');
    await answerFinished(answer);
    await answer.locator('a.file-ref', { hasText: 'src/missing.ts:3' }).first().click();
    await waitFor('the not-found notification', async () => ((await workbench.notifications()).some((text) => text.includes('src/missing.ts was not found in the workspace')) ? true : undefined), 30_000);
  });
});
