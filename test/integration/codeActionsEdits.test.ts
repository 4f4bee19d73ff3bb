/**
 * Issue 5, code into the editor: Insert at cursor, Apply (diff, Accept, Undo, refusal when the
 * lines changed), inline edit (stream, Accept, Reject, Undo), with exact document text including
 * indentation, tabs and CRLF. Real extension host, local OpenRouter server (script `default`
 * answers with an `add` function in a ```ts block).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CodeActionResult } from '../../src/extension/codeActions';
import type { OpenRouterChatApi } from '../../src/extension/extension';
import type { MockOpenRouter } from '../server/openRouterServer';
import { TEST_API_KEY } from '../support/testKey';
import { closeAllEditors, freshChatEachTest, restoreWindow, stubWindow, until } from './support';

const ADD = ['export function add(a: number, b: number): number {', '  return a + b;', '}'];

let fileCounter = 0;
/** A fresh file in the workspace with exactly `content` (bytes kept: CRLF, tabs), shown in an editor. */
async function tempEditor(content: string, extension = 'ts'): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace open');
  const uri = vscode.Uri.joinPath(folder.uri, 'code-actions-tmp', `file${Date.now()}-${++fileCounter}.${extension}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/**
 * Applies an edit as "the user" between two streamed writes of the inline edit. A WorkspaceEdit
 * carries the document version it was made for, and VS Code refuses it when the document changed
 * before it arrived ("has changed in the meantime"). Right after one of the inline edit's writes
 * lands, the next may not be on its way yet (the inline edit waits for each write before it
 * schedules the next), so an edit made then must be accepted. Made again at each of the next
 * writes in case one came first; false when none was accepted.
 */
function applyBetweenWrites(document: vscode.TextDocument, build: () => vscode.WorkspaceEdit, attempts = 20): Promise<boolean> {
  return new Promise((resolve) => {
    let left = attempts;
    let trying = false;
    const listener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document !== document || trying) return;
      trying = true;
      // Sent from inside the change event: no timer of the extension can run before it goes.
      void vscode.workspace.applyEdit(build()).then((applied) => {
        trying = false;
        if (applied || --left === 0) {
          listener.dispose();
          resolve(applied);
        }
      });
    });
  });
}

function selectLines(editor: vscode.TextEditor, from: number, to: number): void {
  editor.selection = new vscode.Selection(from - 1, 0, to - 1, editor.document.lineAt(to - 1).text.length);
}

async function undoOnce(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  await vscode.commands.executeCommand('undo');
}

function proposalTab(): vscode.TabInputTextDiff | undefined {
  for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
    if (tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.scheme === 'openrouter-proposal') return tab.input;
  }
  return undefined;
}

describe('Code actions: code into the editor', function () {
  this.timeout(60_000);
  let api: OpenRouterChatApi;
  let server: MockOpenRouter;
  freshChatEachTest(TEST_API_KEY, (suite) => ({ api, server } = suite));
  afterEach(async () => {
    restoreWindow();
    await vscode.commands.executeCommand('openrouterChat.rejectInlineEdit');
    await vscode.commands.executeCommand('openrouterChat.discardApply');
    await closeAllEditors();
  });
  describe('Insert at cursor', () => {
    beforeEach(async () => {
      server.enqueue('default');
      await api.session.send('Show me an add function.');
    });

    it('inserts the last code block re-indented to the cursor line, and one Undo removes it', async () => {
      const original = 'function outer() {\n    \n}\n';
      const editor = await tempEditor(original);
      editor.selection = new vscode.Selection(1, 4, 1, 4);
      assert.equal(await vscode.commands.executeCommand('openrouterChat.insertLastCode'), true);
      assert.equal(editor.document.getText(), `function outer() {\n    ${ADD[0]}\n    ${ADD[1]}\n    ${ADD[2]}\n}\n`);
      await undoOnce(editor);
      assert.equal(editor.document.getText(), original);
    });

    it('keeps CRLF and tabs, and replaces the selection', async () => {
      const original = 'class A {\r\n\tm() {\r\n\t\tTODO\r\n\t}\r\n}\r\n';
      const editor = await tempEditor(original);
      editor.selection = new vscode.Selection(2, 2, 2, 6);
      assert.equal(await vscode.commands.executeCommand('openrouterChat.insertLastCode'), true);
      assert.equal(editor.document.getText(), `class A {\r\n\tm() {\r\n\t\t${ADD[0]}\r\n\t\t${ADD[1]}\r\n\t\t${ADD[2]}\r\n\t}\r\n}\r\n`);
      await undoOnce(editor);
      assert.equal(editor.document.getText(), original);
    });
  });

  describe('Apply', () => {
    const original = 'export class Shapes {\n  area(r: number): number {\n    return 3.14 * r * r;\n  }\n}\n';
    const applied = `export class Shapes {\n  ${ADD[0]}\n  ${ADD[1]}\n  ${ADD[2]}\n}\n`;

    /** Refactor lines 2-4, take the notification's Apply; resolves when the diff is shown. */
    async function refactorToDiff(editor: vscode.TextEditor): Promise<vscode.TabInputTextDiff> {
      selectLines(editor, 2, 4);
      stubWindow('showInformationMessage', async (...args: unknown[]) => (String(args[0]).includes('has new code') ? args[1] : undefined));
      server.enqueue('default');
      await vscode.commands.executeCommand('openrouterChat.refactorSelection');
      return until('the Apply diff', proposalTab);
    }

    it('shows the proposal in context in a diff; Accept writes it over the original lines; one Undo reverts', async () => {
      const editor = await tempEditor(original);
      const diff = await refactorToDiff(editor);
      assert.equal(diff.original.toString(), editor.document.uri.toString());
      assert.equal((await vscode.workspace.openTextDocument(diff.modified)).getText(), applied);
      assert.equal(await vscode.commands.executeCommand('openrouterChat.acceptApply'), true);
      assert.equal(editor.document.getText(), applied);
      await until('the diff to close', () => (proposalTab() ? undefined : true));
      await undoOnce(editor);
      assert.equal(editor.document.getText(), original);
    });

    it('lands on the original lines after edits above them and a switch to another editor', async () => {
      const editor = await tempEditor(original);
      await refactorToDiff(editor);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(editor.document.uri, new vscode.Position(0, 0), '// header\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await tempEditor('other file\n', 'txt');
      assert.equal(await vscode.commands.executeCommand('openrouterChat.acceptApply'), true);
      assert.equal(editor.document.getText(), `// header\n${applied}`);
    });

    it('refuses to overwrite lines edited while the proposal was open', async () => {
      const editor = await tempEditor(original);
      await refactorToDiff(editor);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(editor.document.uri, new vscode.Range(2, 15, 2, 24), '3.14159 *');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const edited = editor.document.getText();
      const warnings = stubWindow('showWarningMessage', async () => undefined);
      assert.equal(await vscode.commands.executeCommand('openrouterChat.acceptApply'), false);
      assert.equal(editor.document.getText(), edited);
      assert.match(String(warnings[0]?.[0]), /changed while the proposal was open; nothing was overwritten/);
    });

    describe('after a reload (the chat read back from disk)', () => {
      const code = ADD.join('\n');

      /** Refactor lines 2-4 (the notification's Apply is not taken); resolves with the answer. */
      async function refactorAnswer(editor: vscode.TextEditor): Promise<CodeActionResult> {
        selectLines(editor, 2, 4);
        stubWindow('showInformationMessage', async () => undefined);
        server.enqueue('default');
        const result = await vscode.commands.executeCommand<CodeActionResult | undefined>('openrouterChat.refactorSelection');
        assert.equal(result?.status, 'done');
        return result;
      }

      /** What a window reload does to the chat: this window's memory is gone, the disk copy is read. */
      async function reload(chatId: string): Promise<void> {
        api.session.newChat();
        await api.session.openChat(chatId);
        assert.equal(api.session.activeChat.id, chatId);
      }

      it('Apply on the regenerated answer targets the original lines (moved by an edit above), not the cursor\'s whole file', async () => {
        const editor = await tempEditor(original);
        const asked = await refactorAnswer(editor);
        const edit = new vscode.WorkspaceEdit();
        edit.insert(editor.document.uri, new vscode.Position(0, 0), '// header\n');
        assert.ok(await vscode.workspace.applyEdit(edit));
        await reload(asked.chatId);
        server.enqueue('default');
        const regenerated = await api.session.regenerate(asked.messageId);
        assert.ok(regenerated && regenerated.message.id !== asked.messageId);
        // Nothing selected: the old fallback proposed the whole file replaced by the snippet.
        editor.selection = new vscode.Selection(0, 0, 0, 0);

        api.receiveFromWebview({ type: 'applyCode', code, language: 'ts', messageId: regenerated.message.id });
        const diff = await until('the Apply diff', proposalTab);
        assert.equal(diff.original.toString(), editor.document.uri.toString());
        assert.equal((await vscode.workspace.openTextDocument(diff.modified)).getText(), `// header\n${applied}`);
        assert.equal(await vscode.commands.executeCommand('openrouterChat.acceptApply'), true);
        assert.equal(editor.document.getText(), `// header\n${applied}`);
      });

      it('says it cannot apply when the original lines were edited, and replaces the selection only when asked to', async () => {
        const editor = await tempEditor(original);
        const asked = await refactorAnswer(editor);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(editor.document.uri, new vscode.Range(2, 11, 2, 15), 'Math.PI');
        assert.ok(await vscode.workspace.applyEdit(edit));
        const edited = editor.document.getText();
        await reload(asked.chatId);
        editor.selection = new vscode.Selection(0, 0, 0, 0);

        const declined = stubWindow('showWarningMessage', async () => undefined);
        api.receiveFromWebview({ type: 'applyCode', code, language: 'ts', messageId: asked.messageId });
        const warning = await until('the warning', () => declined[0]);
        const file = vscode.workspace.asRelativePath(editor.document.uri, false);
        assert.match(String(warning[0]), /^Cannot apply to /);
        assert.ok(String(warning[0]).includes(file), 'the warning names the file');
        assert.equal(warning[1], 'Replace the Selection Instead');
        assert.equal(proposalTab(), undefined, 'no diff: not the whole file, not the empty selection');
        assert.equal(editor.document.getText(), edited);

        selectLines(editor, 2, 4);
        stubWindow('showWarningMessage', async (...args: unknown[]) => args[1]);
        api.receiveFromWebview({ type: 'applyCode', code, language: 'ts', messageId: asked.messageId });
        const diff = await until('the Apply diff on the selection', proposalTab);
        assert.equal((await vscode.workspace.openTextDocument(diff.modified)).getText(), applied);
      });
    });

    it('keeps CRLF line endings', async () => {
      const crlf = '/** CRLF */\r\nexport function greet(name: string): string {\r\n  return `Hello, ${name}!`;\r\n}\r\n\r\nexport const x = 1;\r\n';
      const editor = await tempEditor(crlf);
      await refactorToDiff(editor);
      assert.equal(await vscode.commands.executeCommand('openrouterChat.acceptApply'), true);
      assert.equal(editor.document.getText(), `/** CRLF */\r\n${ADD.join('\r\n')}\r\n\r\nexport const x = 1;\r\n`);
    });
  });

  describe('Inline edit', () => {
    const crlf = '/** CRLF */\r\nexport function greet(name: string): string {\r\n\treturn `Hello, ${name}!`;\r\n}\r\n';
    // VS Code in the browser (code-server) saves a dirty file after a second by default; the
    // desktop does not. These tests check that the inline edit itself never writes to disk, so
    // the editor's own auto save, which on a loaded machine caught a streamed write before the
    // close, is set to the desktop's default here.
    const files = () => vscode.workspace.getConfiguration('files');
    before(async () => files().update('autoSave', 'off', vscode.ConfigurationTarget.Global));
    after(async () => files().update('autoSave', undefined, vscode.ConfigurationTarget.Global));

    it('streams the code into the range; Accept keeps it; one Undo restores the original bytes', async () => {
      const editor = await tempEditor(crlf);
      selectLines(editor, 2, 4);
      server.enqueue('default');
      await vscode.commands.executeCommand('openrouterChat.inlineEdit', { instruction: 'turn it into add' });
      const expected = `/** CRLF */\r\n${ADD.join('\r\n')}\r\n`;
      assert.equal(editor.document.getText(), expected);
      const user = api.session.activeChat.messages.find((m) => m.role === 'user');
      assert.match(user?.label ?? '', /^Inline edit .*:2-4: turn it into add$/);
      assert.equal(await vscode.commands.executeCommand('openrouterChat.acceptInlineEdit'), true);
      assert.equal(editor.document.getText(), expected);
      await undoOnce(editor);
      assert.equal(editor.document.getText(), crlf);
    });

    it('Reject restores the original byte for byte', async () => {
      const editor = await tempEditor(crlf);
      selectLines(editor, 2, 4);
      server.enqueue('default');
      await vscode.commands.executeCommand('openrouterChat.inlineEdit', { instruction: 'turn it into add' });
      assert.notEqual(editor.document.getText(), crlf);
      assert.equal(await vscode.commands.executeCommand('openrouterChat.rejectInlineEdit'), true);
      assert.equal(editor.document.getText(), crlf);
    });

    it('on a blank line inserts new code at that indentation', async () => {
      const original = 'function f() {\n  \n}\n';
      const editor = await tempEditor(original);
      editor.selection = new vscode.Selection(1, 2, 1, 2);
      server.enqueue('default');
      await vscode.commands.executeCommand('openrouterChat.inlineEdit', { instruction: 'add an add helper' });
      assert.equal(await vscode.commands.executeCommand('openrouterChat.acceptInlineEdit'), true);
      assert.equal(editor.document.getText(), `function f() {\n  ${ADD[0]}\n  ${ADD[1]}\n  ${ADD[2]}\n}\n`);
      await undoOnce(editor);
      assert.equal(editor.document.getText(), original);
    });

    it('does not offer code from an answer cut off at the token limit: the original is back and the user is told why', async () => {
      const editor = await tempEditor(crlf);
      selectLines(editor, 2, 4);
      // The default answer cut inside its code block: the code streamed so far looks plausible.
      server.enqueue('truncated');
      const warnings = stubWindow('showWarningMessage', async () => undefined);
      await vscode.commands.executeCommand('openrouterChat.inlineEdit', { instruction: 'turn it into add' });
      assert.equal(api.session.activeChat.messages.at(-1)?.cutOff, 'length');
      assert.equal(editor.document.getText(), crlf);
      assert.ok(warnings.some((w) => /cut off at the token limit/.test(String(w[0]))), `warnings: ${JSON.stringify(warnings)}`);
      assert.equal(await vscode.commands.executeCommand('openrouterChat.acceptInlineEdit'), false, 'nothing is offered to accept');
    });

    it('Reject while streaming stops the answer and restores the original', async () => {
      const editor = await tempEditor(crlf);
      selectLines(editor, 2, 4);
      server.enqueue({ script: 'slow-drip', count: 400, delayMs: 20 });
      const running = vscode.commands.executeCommand('openrouterChat.inlineEdit', { instruction: 'rewrite slowly' });
      await until('streamed text in the editor', () => (editor.document.getText() !== crlf ? true : undefined));
      assert.equal(await vscode.commands.executeCommand('openrouterChat.rejectInlineEdit'), true);
      assert.equal(editor.document.getText(), crlf);
      await running;
      await api.session.idle();
      const answer = api.session.activeChat.messages.at(-1);
      assert.equal(answer?.status, 'stopped');
      assert.equal(editor.document.getText(), crlf, 'nothing written after the reject');
    });

    it('closing the editor while it streams cancels the edit: the answer stops and the file keeps its bytes', async () => {
      const editor = await tempEditor(crlf);
      const uri = editor.document.uri;
      selectLines(editor, 2, 4);
      server.enqueue({ script: 'slow-drip', count: 400, delayMs: 20 });
      const warnings = stubWindow('showWarningMessage', async () => undefined);
      const running = vscode.commands.executeCommand('openrouterChat.inlineEdit', { instruction: 'rewrite slowly' });
      await until('streamed text in the editor', () => (editor.document.getText() !== crlf ? true : undefined));
      await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await running;
      await api.session.idle();
      assert.equal(api.session.activeChat.messages.at(-1)?.status, 'stopped', 'the answer was stopped');
      assert.ok(warnings.some((w) => /closed|changed meanwhile/.test(String(w[0]))), 'the user is told why it ended');
      assert.equal(await vscode.commands.executeCommand('openrouterChat.acceptInlineEdit'), false, 'nothing is left to accept');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), crlf, 'the file on disk is untouched');
      const reopened = await vscode.workspace.openTextDocument(uri);
      assert.equal(reopened.getText(), crlf, 'and no late write reached the document');
    });

    it('stops, without corrupting text, when the code under it is edited meanwhile', async () => {
      const editor = await tempEditor(crlf);
      selectLines(editor, 2, 4);
      server.enqueue({ script: 'slow-drip', count: 400, delayMs: 20 });
      const warnings = stubWindow('showWarningMessage', async () => undefined);
      const running = vscode.commands.executeCommand('openrouterChat.inlineEdit', { instruction: 'rewrite slowly' });
      await until('streamed text in the editor', () => (editor.document.getText() !== crlf ? true : undefined));
      const typed = await applyBetweenWrites(editor.document, () => {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(editor.document.uri, new vscode.Position(1, 2), 'USER');
        return edit;
      });
      assert.ok(typed, 'the user edit never applied');
      const afterUserEdit = editor.document.getText();
      await running;
      await api.session.idle();
      assert.equal(editor.document.getText(), afterUserEdit, 'no write after the user edited');
      assert.ok(afterUserEdit.includes('USER'));
      assert.ok(warnings.some((w) => /changed meanwhile/.test(String(w[0]))));
      assert.equal(await vscode.commands.executeCommand('openrouterChat.acceptInlineEdit'), false);
    });
  });
});
