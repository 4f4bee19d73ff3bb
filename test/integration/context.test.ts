/**
 * Issue 15: context reaches the model. Explorer → Add File to Chat, editor → Add Selection to
 * Chat, a `#` mention and Add context → Problems, each ending in the request body the local
 * server received; the file index honours .gitignore and follows the file watcher.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpenRouterChatApi } from '../../src/extension/extension';
import type { HostMessage } from '../../src/shared/protocol';
import type { MockOpenRouter } from '../server/openRouterServer';
import { TEST_API_KEY } from '../support/testKey';
import { closeAllEditors, freshChatEachTest, lastDraft, lastUserContent, restoreWindow, stubWindow, until } from './support';

describe('Attached context', function () {
  this.timeout(60_000);
  let server: MockOpenRouter;
  let api: OpenRouterChatApi;
  freshChatEachTest(TEST_API_KEY, (suite) => ({ api, server } = suite), { emptyDraft: true });
  let root: vscode.Uri;
  const posted: HostMessage[] = [];
  let listener: vscode.Disposable | undefined;
  const created: vscode.Uri[] = [];

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests need the fixture workspace open');
    root = folder.uri;
    listener = api.onDidPost((message) => posted.push(message));
  });
  after(async () => {
    listener?.dispose();
    for (const uri of created) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    restoreWindow();
    await closeAllEditors();
  });
  beforeEach(() => {
    posted.length = 0;
  });



  async function write(path: string, text: string | Uint8Array): Promise<vscode.Uri> {
    const uri = vscode.Uri.joinPath(root, path);
    await vscode.workspace.fs.writeFile(uri, typeof text === 'string' ? new TextEncoder().encode(text) : text);
    created.push(uri);
    return uri;
  }

  async function suggestionsFor(query: string): Promise<string[]> {
    posted.length = 0;
    await api.context.handle({ type: 'contextQuery', query });
    const answer = posted.find((m): m is Extract<HostMessage, { type: 'contextSuggestions' }> => m.type === 'contextSuggestions');
    assert.ok(answer, 'the host answered the query');
    assert.equal(answer.query, query);
    return answer.items.map((item) => item.path);
  }

  it('Explorer → Add File to Chat (several files) puts chips in the composer, and the request carries path and content', async () => {
    const math = vscode.Uri.joinPath(root, 'src', 'math.ts');
    const legacy = vscode.Uri.joinPath(root, 'src', 'legacy.js');
    await vscode.commands.executeCommand('openrouterChat.addFileToChat', math, [math, legacy]);
    const draft = await until('the chips', () => lastDraft(posted));
    assert.deepEqual(draft.map((a) => [a.name, a.path]), [['math.ts', 'src/math.ts'], ['legacy.js', 'src/legacy.js']]);
    assert.ok(draft.every((a) => a.tokens > 0));

    await api.context.send('[[mock:echo]] What do these files do?');
    const content = lastUserContent(server);
    const mathText = new TextDecoder().decode(await vscode.workspace.fs.readFile(math));
    assert.ok(content.includes(`File: src/math.ts\n\`\`\`ts\n${mathText}`), 'path and full content of math.ts');
    assert.ok(content.includes('File: src/legacy.js\n'));
    assert.ok(content.endsWith('What do these files do?'));
    assert.deepEqual(lastDraft(posted), [], 'the composer is emptied once the question is sent');
    const question = api.session.activeChat.messages[0];
    assert.deepEqual(question?.attachments?.map((a) => a.path), ['src/math.ts', 'src/legacy.js']);
  });

  it('counts a chip by the o200k bundle shipped in dist/, loaded at first count', async () => {
    const math = vscode.Uri.joinPath(root, 'src', 'math.ts');
    await vscode.commands.executeCommand('openrouterChat.addFileToChat', math, [math]);
    // The first count may be the character estimate (the encoding loads after it); the chip is posted again once loaded.
    const chip = await until('the chip counted by o200k', () => lastDraft(posted)?.find((a) => a.tokens === 228));
    assert.equal(chip.path, 'src/math.ts', 'src/math.ts is 228 tokens in o200k (266 by characters / 3)');
  });

  it('reads a file again at send time: an edit after attaching is what the model sees', async () => {
    const notes = await write('notes.md', 'first version\n');
    await vscode.commands.executeCommand('openrouterChat.addFileToChat', notes, [notes]);
    await until('the chip', () => lastDraft(posted)?.length === 1 || undefined);
    await vscode.workspace.fs.writeFile(notes, new TextEncoder().encode('second version\n'));
    await api.context.send('[[mock:echo]] read it');
    assert.ok(lastUserContent(server).includes('File: notes.md\n```md\nsecond version\n```'));
  });

  it('editor → Add Selection to Chat sends the file and line range', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, 'src', 'math.ts'));
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(2, 0, 5, 0); // lines 3-5: add()
    await vscode.commands.executeCommand('openrouterChat.addSelectionToChat');
    const draft = await until('the chip', () => lastDraft(posted));
    assert.deepEqual(draft.map((a) => [a.kind, a.path, a.range]), [['selection', 'src/math.ts', { startLine: 3, endLine: 5 }]]);
    await api.context.send('[[mock:echo]] Is this right?');
    assert.ok(lastUserContent(server).includes('Selection: src/math.ts (lines 3-5)\n```typescript\nexport function add(a: number, b: number): number {\n  return a + b;\n}\n```'));
  });

  it('a # mention ranks workspace files fuzzily, honours .gitignore, and attaches the pick', async () => {
    await write('.gitignore', 'generated/\n');
    await write('generated/mathGenerated.ts', 'export {};\n');
    // The index sees the .gitignore through the watcher and rebuilds.
    const ranked = await untilAsync('src/math.ts first and the ignored file absent', async () => {
      const paths = await suggestionsFor('math');
      return paths[0] === 'src/math.ts' && !paths.some((p) => p.startsWith('generated/')) ? paths : undefined;
    });
    assert.equal(ranked[0], 'src/math.ts');

    await api.context.handle({ type: 'attachFile', path: 'src/math.ts' });
    await until('the chip', () => lastDraft(posted)?.length === 1 || undefined);
    await api.context.send('[[mock:echo]] explain');
    assert.ok(lastUserContent(server).includes('File: src/math.ts\n'));
  });

  it('the index follows the file watcher: a new file is offered, a deleted one is not', async () => {
    await suggestionsFor('zebra'); // builds the index
    const zebra = await write('src/zebraStripes.ts', 'export const stripes = 3;\n');
    await untilAsync('the new file', async () => ((await suggestionsFor('zebra')).includes('src/zebraStripes.ts') ? true : undefined));
    await vscode.workspace.fs.delete(zebra);
    await untilAsync('the file to be gone', async () => ((await suggestionsFor('zebra')).includes('src/zebraStripes.ts') ? undefined : true));
  });

  it('refuses a binary file and a path the index never offered', async () => {
    const binary = await write('image.bin', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    await vscode.commands.executeCommand('openrouterChat.addFileToChat', binary, [binary]);
    const notice = await until('the refusal', () => posted.find((m): m is Extract<HostMessage, { type: 'notice' }> => m.type === 'notice'));
    assert.match(notice.text, /image\.bin is a binary file/);
    assert.equal(api.context.draft.attachments.length, 0);
    posted.length = 0;
    await api.context.handle({ type: 'attachFile', path: '../outside.txt' });
    assert.ok(posted.some((m) => m.type === 'notice' && /not a file of this workspace/.test(m.text)));
    assert.equal(api.context.draft.attachments.length, 0);
  });

  it('files dropped from the Explorer are attached; a file outside the workspace is refused', async () => {
    const math = vscode.Uri.joinPath(root, 'src', 'math.ts');
    await api.context.handle({ type: 'dropFiles', uris: [math.toString(), 'file:///etc/hostname'] });
    assert.deepEqual(api.context.draft.attachments.map((a) => a.path), ['src/math.ts']);
    assert.ok(posted.some((m) => m.type === 'notice' && /hostname is not a file of this workspace/.test(m.text)));
  });

  it('Add context → Problems in the current file sends severity, file and line', async () => {
    const uri = vscode.Uri.joinPath(root, 'src', 'math.ts');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = vscode.languages.createDiagnosticCollection('context-test');
    try {
      diagnostics.set(uri, [new vscode.Diagnostic(new vscode.Range(17, 2, 17, 40), 'Off by one: i <= values.length', vscode.DiagnosticSeverity.Error)]);
      stubWindow('showQuickPick', (items: unknown) => (items as Array<{ source: string }>).find((item) => item.source === 'problemsFile'));
      await vscode.commands.executeCommand('openrouterChat.addContext');
      const draft = await until('the chip', () => lastDraft(posted));
      assert.deepEqual(draft.map((a) => a.kind), ['problems']);
      await api.context.send('[[mock:echo]] fix it');
      assert.ok(lastUserContent(server).includes('Problems: src/math.ts\n```\nerror src/math.ts:18:3 Off by one: i <= values.length\n```'));
    } finally {
      diagnostics.dispose();
      restoreWindow();
    }
  });
});

async function untilAsync<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
