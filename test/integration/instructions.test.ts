/** Issue 4: custom instructions from the setting and `.openrouter/instructions.md`, sent as the system message. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MockOpenRouter } from '../server/openRouterServer';
import { TEST_API_KEY } from '../support/testKey';
import { ask, extensionApi, resetSettings, setSetting, useLocalServer, withEnv } from './support';

describe('Custom instructions', function () {
  this.timeout(60_000);
  let server: MockOpenRouter;
  let file: vscode.Uri;

  before(async () => {
    server = await useLocalServer();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests need the fixture workspace open');
    file = vscode.Uri.joinPath(folder.uri, '.openrouter', 'instructions.md');
  });
  after(async () => {
    await vscode.workspace.fs.delete(file, { useTrash: false }).then(undefined, () => undefined);
    await resetSettings();
    await server.close();
  });

  function systemMessage(): string | undefined {
    const chats = server.requests.filter((r) => r.path.endsWith('/chat/completions'));
    const body = chats[chats.length - 1]?.body as { messages: { role: string; content: string }[] };
    return body.messages.find((m) => m.role === 'system')?.content;
  }

  it('sends the setting and the workspace file together as the system message', async () => {
    const api = await extensionApi();
    await setSetting('systemPrompt', 'Answer in British English.');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('This project uses tabs and mocha.\n'));
    await withEnv('OPENROUTER_API_KEY', TEST_API_KEY, () => ask(api, '[[mock:echo]] hello'));
    assert.equal(systemMessage(), 'Answer in British English.\n\nThis project uses tabs and mocha.');
  });

  it('sends no system message when there are no instructions', async () => {
    const api = await extensionApi();
    await setSetting('systemPrompt', undefined);
    await vscode.workspace.fs.delete(file, { useTrash: false });
    await withEnv('OPENROUTER_API_KEY', TEST_API_KEY, () => ask(api, '[[mock:echo]] hello again'));
    assert.equal(systemMessage(), undefined);
  });
});
