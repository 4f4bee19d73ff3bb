/**
 * Our editor shortcuts must not take a key that VS Code itself binds: the default keybindings come
 * from the running VS Code (the same file "Open Default Keyboard Shortcuts (JSON)" shows), so this
 * also catches a clash a new VS Code version introduces.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './support';

/** Ours that apply whenever an editor has focus (the inline-edit keys apply only while one is pending). */
const ALWAYS_ON = ['openrouterChat.explainSelection', 'openrouterChat.refactorSelection', 'openrouterChat.inlineEdit'];

interface Keybinding {
  readonly key: string;
  readonly command: string;
  readonly when?: string;
}

/** `ctrl+alt+shift+e` and `shift+alt+ctrl+e` are the same chord. */
function normalizeChord(key: string): string {
  return key
    .toLowerCase()
    .split(' ')
    .map((part) => part.split('+').sort().join('+'))
    .join(' ');
}

/** The default keybindings file is JSON with line comments; it lists extensions' bindings too. */
function parseDefaults(text: string): Keybinding[] {
  const json = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return JSON.parse(json) as Keybinding[];
}

describe('Keybindings', () => {
  it('Explain, Refactor and Inline edit use keys VS Code does not bind by default', async function () {
    this.timeout(30_000);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'));
    const defaults = parseDefaults(document.getText());
    assert.ok(defaults.length > 500, `expected VS Code's default keybindings, got ${defaults.length}`);
    assert.ok(defaults.some((binding) => binding.command === 'workbench.action.quickOpen'), 'the defaults look like VS Code\'s');
    assert.ok(defaults.some((binding) => binding.command === 'openrouterChat.explainSelection'), 'and list ours, so the file is complete');

    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { keybindings: Keybinding[] } };
    const ours = manifest.contributes.keybindings.filter((binding) => ALWAYS_ON.includes(binding.command));
    assert.equal(ours.length, ALWAYS_ON.length);
    for (const binding of ours) {
      const clashes = defaults.filter((other) => !other.command.startsWith('openrouterChat.') && normalizeChord(other.key) === normalizeChord(binding.key));
      assert.deepEqual(clashes.map((other) => `${other.command} (${other.when ?? 'always'})`), [], `${binding.key} for ${binding.command} is already bound`);
    }
  });
});
