/**
 * Issue 16, the model's workspace tools through VS Code's APIs, in a real extension host against
 * the local server (script `tool-loop`): read_file with approval, search_text with VS Code's
 * ripgrep, list_files, diagnostics, symbols, refusals (outside, files.exclude) and propose_edit
 * opening the reviewed diff.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpenRouterChatApi } from '../../src/extension/extension';
import type { HostMessage, ToolCallView } from '../../src/shared/protocol';
import type { MockOpenRouter } from '../server/openRouterServer';
import type { ScriptSpec } from '../server/scriptTypes';
import { TEST_API_KEY } from '../support/testKey';
import { closeAllEditors, freshChatEachTest, restoreWindow, setSetting, stubWindow, until } from './support';

interface WireMessage {
  role: string;
  content: string | null;
  tool_call_id?: string;
}

describe('Tools: the model reads and edits the workspace', function () {
  this.timeout(60_000);
  let api: OpenRouterChatApi;
  let server: MockOpenRouter;
  freshChatEachTest(TEST_API_KEY, (suite) => ({ api, server } = suite));
  let cards: ToolCallView[];
  let listener: vscode.Disposable;
  const workspace = (): vscode.Uri => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests need the fixture workspace open');
    return folder.uri;
  };

  before(() => {
    listener = api.onDidPost((message: HostMessage) => {
      if (message.type === 'toolCall') cards.push(message.call);
    });
  });
  beforeEach(async () => {
    cards = [];
    await setSetting('tools.autoApproveReadOnly', true);
  });
  afterEach(async () => {
    restoreWindow();
    await vscode.commands.executeCommand('openrouterChat.discardApply');
    await closeAllEditors();
  });
  after(async () => {
    listener.dispose();
    await setSetting('tools.autoApproveReadOnly', undefined);
  });

  /** Runs one tool call through the loop; returns the `tool` message the model got back. */
  async function toolResult(spec: Omit<ScriptSpec, 'script'>, whileRunning?: () => Promise<void>): Promise<string> {
    server.enqueue({ script: 'tool-loop', ...spec });
    server.enqueue({ script: 'tool-loop', ...spec });
    const before = server.requests.length;
    const answer = api.session.send('Use a tool, please.');
    if (whileRunning) await whileRunning();
    const outcome = await answer;
    assert.equal(outcome?.message.status, 'done', JSON.stringify(outcome?.message.error));
    const second = server.requests.slice(before).filter((r) => r.path.endsWith('/chat/completions'))[1];
    const tool = (second?.body as { messages: WireMessage[] } | undefined)?.messages.find((m) => m.role === 'tool');
    assert.ok(tool, 'the second request carries a tool message');
    return tool.content ?? '';
  }

  const latest = (id: string): ToolCallView | undefined => cards.filter((card) => card.id === id).pop();

  it('tells the view when the configured model cannot use tools, and sends it no tools', async () => {
    const settingsPosted: boolean[] = [];
    const watch = api.onDidPost((message: HostMessage) => {
      if (message.type === 'settings') settingsPosted.push(message.settings.toolsUnsupported === true);
    });
    try {
      await setSetting('model', 'openai/gpt-oss-20b:free'); // its /models entry lists no `tools`
      await until('the view told the model has no tools', () => (settingsPosted.at(-1) === true ? true : undefined));
      assert.equal(api.session.viewState().settings.toolsUnsupported, true);
      await api.session.send('[[mock:echo]] hello');
      const body = server.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1)?.body as { tools?: unknown[] };
      assert.equal(body.tools, undefined, 'tools were sent to a model without them');
      await setSetting('model', undefined);
      await until('the note withdrawn for a model with tools', () => (settingsPosted.at(-1) === false ? true : undefined));
    } finally {
      watch.dispose();
    }
  });

  it('read_file waits for Allow when read-only tools are not auto-approved, then sends the file', async () => {
    await setSetting('tools.autoApproveReadOnly', false);
    const math = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspace(), 'src/math.ts')));
    const result = await toolResult({ tool: 'read_file', args: '{"path":"src/math.ts"}' }, async () => {
      await until('a pending card', () => (latest('call_1_1')?.status === 'pending' ? true : undefined));
      assert.equal(latest('call_1_1')?.description, 'Read src/math.ts');
      api.session.toolDecision('call_1_1', true);
    });
    assert.equal(result, math.replace(/\r\n/g, '\n'));
    assert.equal(latest('call_1_1')?.status, 'done');
  });

  it('read_file gives a line range as asked, and cuts a long file with a mark saying how to read on', async () => {
    const range = await toolResult({ tool: 'read_file', args: '{"path":"src/math.ts","startLine":3,"endLine":4}' });
    assert.equal(range, 'export function add(a: number, b: number): number {\n  return a + b;');
    const uri = vscode.Uri.joinPath(workspace(), 'code-actions-tmp', `long-${Date.now()}.txt`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(Array.from({ length: 1000 }, (_, i) => `line ${i + 1}`).join('\n')));
    try {
      api.session.newChat();
      const long = await toolResult({ tool: 'read_file', args: JSON.stringify({ path: vscode.workspace.asRelativePath(uri, false) }) });
      const lines = long.split('\n');
      assert.equal(lines[0], 'line 1');
      assert.equal(lines[399], 'line 400');
      assert.equal(lines[400], '[… cut: lines 1-400 of 1000 shown; read again with startLine 401 for more]');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('search_text finds matches with the ripgrep VS Code ships', async () => {
    const result = await toolResult({ tool: 'search_text', args: '{"query":"export function add"}' });
    assert.match(result, /^src\/math\.ts:3:export function add\(a: number, b: number\): number \{$/m);
  });

  it('list_files lists the workspace through findFiles', async () => {
    const result = await toolResult({ tool: 'list_files', args: '{"folder":"src","glob":"*.ts"}' });
    assert.deepEqual(result.split('\n').filter((line) => line.startsWith('src/')).sort(), ['src/crlf.ts', 'src/math.ts']);
  });

  it('get_symbols gives a document outline and get_diagnostics the problems VS Code knows', async () => {
    // The built-in Markdown extension registers its symbol provider when it activates.
    const readme = vscode.Uri.joinPath(workspace(), 'README.md');
    await vscode.workspace.openTextDocument(readme);
    for (let tries = 0; ; tries++) {
      const found = await vscode.commands.executeCommand<unknown[] | undefined>('vscode.executeDocumentSymbolProvider', readme);
      if (found && found.length > 0) break;
      assert.ok(tries < 180, 'the Markdown symbol provider never answered');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const symbols = await toolResult({ tool: 'get_symbols', args: '{"path":"README.md"}' });
    assert.match(symbols, /sample-math/);
    api.session.newChat();
    const problems = await toolResult({ tool: 'get_diagnostics', args: '{"path":"src/math.ts"}' });
    assert.ok(problems === 'No problems reported.' || /src\/math\.ts:\d+:\d+ /.test(problems), problems);
  });

  it('refuses a path outside the workspace and one hidden by files.exclude, without a card', async () => {
    const outside = await toolResult({ tool: 'read_file', args: '{"path":"../../package.json"}' });
    assert.match(outside, /^Refused: .*outside the workspace/);
    await vscode.workspace.getConfiguration('files').update('exclude', { '**/legacy.js': true }, vscode.ConfigurationTarget.Global);
    try {
      api.session.newChat();
      const excluded = await toolResult({ tool: 'read_file', args: '{"path":"src/legacy.js"}' });
      assert.match(excluded, /^Refused: .*files\.exclude/);
    } finally {
      await vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal(cards.length, 0);
  });

  it('propose_edit opens the reviewed diff and reports Accept to the model', async () => {
    stubWindow('showInformationMessage', () => Promise.resolve(undefined));
    const uri = vscode.Uri.joinPath(workspace(), 'code-actions-tmp', `tool-edit-${Date.now()}.ts`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('const answer = 41;\n'));
    const path = vscode.workspace.asRelativePath(uri, false);
    const result = await toolResult({ tool: 'propose_edit', args: JSON.stringify({ path, oldText: '41', newText: '42' }) }, async () => {
      await until('the diff', () =>
        vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.scheme === 'openrouter-proposal') ? true : undefined,
      );
      assert.equal(latest('call_1_1')?.status, 'reviewing');
      await vscode.commands.executeCommand('openrouterChat.acceptApply');
    });
    assert.match(result, /accepted the edit/);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.getText(), 'const answer = 42;\n');
    await vscode.workspace.fs.delete(uri);
  });
});
