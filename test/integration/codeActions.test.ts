/**
 * Issue 5, the requests: each selection command sends the right turn (file, language, 1-based
 * range, diagnostics, test framework), refuses binary text, and trims an oversized selection only
 * when the user agrees. Runs in the real extension host against the local OpenRouter server.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpenRouterChatApi } from '../../src/extension/extension';
import type { MockOpenRouter } from '../server/openRouterServer';
import { TEST_API_KEY } from '../support/testKey';
import { closeAllEditors, freshChatEachTest, restoreWindow, stubWindow } from './support';

interface ChatBody {
  messages?: { role: string; content: string }[];
}

function chatRequests(server: MockOpenRouter): ChatBody[] {
  return server.requests.filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.body as ChatBody);
}

/** The last user turn of the last chat request the server received. */
function lastUserTurn(server: MockOpenRouter): string {
  const bodies = chatRequests(server);
  const messages = bodies[bodies.length - 1]?.messages ?? [];
  const user = [...messages].reverse().find((m) => m.role === 'user');
  assert.ok(user, 'no user turn reached the server');
  return user.content;
}

function workspaceUri(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, path);
}

/** Opens a workspace file with lines `from`..`to` (1-based, inclusive) selected, whole. */
async function selectLines(path: string, from: number, to: number): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(path));
  const editor = await vscode.window.showTextDocument(document);
  editor.selection = new vscode.Selection(from - 1, 0, to - 1, document.lineAt(to - 1).text.length);
  return editor;
}

describe('Code actions: what they send', function () {
  this.timeout(60_000);
  let api: OpenRouterChatApi;
  let server: MockOpenRouter;
  freshChatEachTest(TEST_API_KEY, (suite) => ({ api, server } = suite));
  afterEach(() => restoreWindow());
  after(() => closeAllEditors());
  it('Explain sends the selection with its path, language and line range, labelled shortly', async () => {
    await selectLines('src/math.ts', 12, 22);
    server.enqueue('default');
    const result = await vscode.commands.executeCommand<{ messageId: string; status: string } | undefined>('openrouterChat.explainSelection');
    assert.equal(result?.status, 'done');
    const turn = lastUserTurn(server);
    assert.match(turn, /File: src\/math\.ts \(lines 12-22, language: typescript\)/);
    assert.match(turn, /```typescript\nexport function average\(values: readonly number\[\]\): number \{\n[\s\S]*\n\}\n```/);
    assert.match(turn, /^Explain what this code does/);
    const user = api.session.activeChat.messages.find((m) => m.role === 'user');
    assert.equal(user?.label, 'Explain src/math.ts:12-22');
  });

  it('without a selection uses the block around the cursor', async () => {
    const editor = await selectLines('src/math.ts', 16, 16);
    editor.selection = new vscode.Selection(15, 4, 15, 4);
    server.enqueue('default');
    await vscode.commands.executeCommand('openrouterChat.documentSelection');
    const turn = lastUserTurn(server);
    assert.match(turn, /File: src\/math\.ts \(lines 12-22, language: typescript\)/);
    assert.match(turn, /documentation comments/);
  });

  it('without a selection or a block around the cursor asks the user to select code', async () => {
    const editor = await selectLines('src/math.ts', 2, 2);
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    const warnings = stubWindow('showWarningMessage', async () => undefined);
    const before = chatRequests(server).length;
    await vscode.commands.executeCommand('openrouterChat.explainSelection');
    assert.equal(chatRequests(server).length, before, 'nothing may be sent');
    assert.match(String(warnings[0]?.[0]), /Select the code first/);
  });

  it('Fix includes the diagnostics VS Code reports for the range, and only those', async () => {
    const uri = workspaceUri('src/math.ts');
    const diagnostics = vscode.languages.createDiagnosticCollection('codeActionsTest');
    try {
      const inside = new vscode.Diagnostic(new vscode.Range(17, 22, 17, 42), 'Loop reads past the end of the array.', vscode.DiagnosticSeverity.Error);
      inside.source = 'lint';
      inside.code = 'off-by-one';
      const outside = new vscode.Diagnostic(new vscode.Range(3, 0, 3, 5), 'Unrelated warning.', vscode.DiagnosticSeverity.Warning);
      diagnostics.set(uri, [inside, outside]);
      await selectLines('src/math.ts', 12, 22);
      server.enqueue('default');
      await vscode.commands.executeCommand('openrouterChat.fixSelection');
      const turn = lastUserTurn(server);
      assert.match(turn, /- error at line 18: Loop reads past the end of the array\. \(lint off-by-one\)/);
      assert.doesNotMatch(turn, /Unrelated warning/);
      assert.equal(api.session.activeChat.messages.find((m) => m.role === 'user')?.label, 'Fix src/math.ts:12-22');
    } finally {
      diagnostics.dispose();
    }
  });

  it('Write tests names the workspace test framework (mocha, from package.json)', async () => {
    await selectLines('src/math.ts', 3, 5);
    server.enqueue('default');
    await vscode.commands.executeCommand('openrouterChat.testSelection');
    const turn = lastUserTurn(server);
    assert.match(turn, /The workspace uses mocha/);
    assert.match(turn, /File: src\/math\.ts \(lines 3-5, language: typescript\)/);
  });

  it('refuses a binary document and sends nothing', async () => {
    const document = await vscode.workspace.openTextDocument({ content: 'PNG\0\0\0IHDR\nmore', language: 'plaintext' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, 1, 4);
    const warnings = stubWindow('showWarningMessage', async () => undefined);
    const before = chatRequests(server).length;
    await vscode.commands.executeCommand('openrouterChat.explainSelection');
    assert.equal(chatRequests(server).length, before);
    assert.match(String(warnings[0]?.[0]), /binary/);
  });

  it('a selection too large for the model: says so with the numbers, and sends the first lines only if asked', async () => {
    const line = 'const value = compute(index) + offset; // a line of code\n';
    const lines = Math.ceil((5 * 1024 * 1024) / line.length);
    const document = await vscode.workspace.openTextDocument({ content: line.repeat(lines), language: 'typescript' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(0, 0, document.lineCount - 1, 0);

    // First: the user cancels the modal. Nothing is sent.
    let asked: unknown[] = [];
    stubWindow('showWarningMessage', async (...args: unknown[]) => {
      asked = args;
      return undefined;
    });
    const before = chatRequests(server).length;
    const started = Date.now();
    await vscode.commands.executeCommand('openrouterChat.explainSelection');
    const elapsed = Date.now() - started;
    assert.equal(chatRequests(server).length, before);
    assert.match(String(asked[0]), /^The selection is about [\d,]+ tokens; openai\/gpt-oss-120b accepts 131,072 including the answer/);
    assert.deepEqual((asked[1] as { modal?: boolean }).modal, true);
    const offer = String(asked[2]);
    const fitting = Number(/Send first ([\d,]+) lines/.exec(offer)?.[1]?.replace(/,/g, ''));
    assert.ok(fitting > 0 && fitting < lines, offer);
    // Loose bound: reading, measuring and trimming 5 MB is far below this even on a busy machine.
    assert.ok(elapsed < 10_000, `the check took ${elapsed} ms`);

    // Then: the user takes the offer. Exactly the first lines are sent.
    stubWindow('showWarningMessage', async (...args: unknown[]) => args[2]);
    server.enqueue('default');
    await vscode.commands.executeCommand('openrouterChat.explainSelection');
    const turn = lastUserTurn(server);
    assert.match(turn, new RegExp(`\\(lines 1-${fitting}, language: typescript\\)`));
    assert.equal(turn.split(line).length - 1, fitting, 'exactly the first lines, each whole');
  });
});
