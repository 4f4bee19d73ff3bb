/** The extension is installed in a real extension host, activates, and wires up its UI. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpenRouterChatApi } from '../../src/extension/extension';
import type { ViewState } from '../../src/shared/protocol';
import { until } from './support';

const EXTENSION_ID = 'openrouter-chat.openrouter-chat';

/** Commands other parts of the product (menus, the webview, the README) rely on by id. */
const CORE_COMMANDS = [
  'openrouterChat.newChat',
  'openrouterChat.setApiKey',
  'openrouterChat.clearApiKey',
  'openrouterChat.selectModel',
  'openrouterChat.explainSelection',
  'openrouterChat.openInEditor',
  'openrouterChat.exportChat',
  'openrouterChat.compactChat',
];

interface ContributedCommand {
  readonly command: string;
}

function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not installed in this extension host`);
  return found;
}

describe('Extension activation', () => {
  it('is present and activates', async () => {
    const ext = extension();
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('registers every command its manifest contributes, the core ones among them', async () => {
    await extension().activate();
    const manifest = extension().packageJSON as { contributes?: { commands?: ContributedCommand[] } };
    const contributed = (manifest.contributes?.commands ?? []).map((c) => c.command);
    for (const id of CORE_COMMANDS) assert.ok(contributed.includes(id), `the manifest does not contribute ${id}`);

    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('opens the chat view: its webview loads, says ready and is sent the whole state, also after hiding', async () => {
    const api = (await extension().activate()) as OpenRouterChatApi;
    const states: ViewState[] = [];
    const listener = api.onDidPost((message) => {
      if (message.type === 'state') states.push(message.state);
    });
    try {
      for (const round of [1, 2]) {
        // Hidden, the webview's document is destroyed; shown again, it loads and asks anew.
        await vscode.commands.executeCommand('workbench.action.closeSidebar');
        const before = states.length;
        await vscode.commands.executeCommand('workbench.view.extension.openrouterChat');
        await vscode.commands.executeCommand('openrouterChat.chat.focus');
        await until(`the webview to load and be sent the state (round ${round})`, () => (states.length > before ? true : undefined), 30_000);
      }
    } finally {
      listener.dispose();
    }
    assert.equal(states.at(-1)?.chat.id, api.session.activeChat.id);
  });
});
