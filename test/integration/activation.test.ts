/** The extension is installed in a real extension host, activates, and wires up its UI. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

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

  it('opens the chat view', async () => {
    await extension().activate();
    // Both commands exist only if the view container and the webview view are contributed.
    await vscode.commands.executeCommand('workbench.view.extension.openrouterChat');
    await vscode.commands.executeCommand('openrouterChat.chat.focus');
  });
});
