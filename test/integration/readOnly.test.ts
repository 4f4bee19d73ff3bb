/**
 * Issue 5: a read-only document is never written to. Insert at cursor and inline edit say why
 * and leave the text exactly as it was.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpenRouterChatApi } from '../../src/extension/extension';
import type { MockOpenRouter } from '../server/openRouterServer';
import { TEST_API_KEY } from '../support/testKey';
import { closeAllEditors, extensionApi, resetSettings, restoreWindow, stubWindow, useLocalServer, withEnv } from './support';

const SCHEME = 'orc-readonly-test';
const TEXT = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';

/** A one-file file system that refuses every write, like a file opened from a read-only source. */
class ReadOnlyFileSystem implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(): vscode.FileStat {
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: TEXT.length, permissions: vscode.FilePermission.Readonly };
  }
  readDirectory(): [string, vscode.FileType][] {
    return [['math.ts', vscode.FileType.File]];
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  readFile(): Uint8Array {
    return new TextEncoder().encode(TEXT);
  }
  writeFile(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
}

describe('Code into a read-only document', function () {
  this.timeout(60_000);
  let api: OpenRouterChatApi;
  let server: MockOpenRouter;
  let registration: vscode.Disposable;
  let editor: vscode.TextEditor;

  before(async () => {
    api = await extensionApi();
    server = await useLocalServer();
    registration = vscode.workspace.registerFileSystemProvider(SCHEME, new ReadOnlyFileSystem(), { isReadonly: true });
  });
  beforeEach(async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: SCHEME, path: '/math.ts' }));
    editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(1, 0, 1, 15);
  });
  afterEach(() => restoreWindow());
  after(async () => {
    await closeAllEditors();
    registration.dispose();
    await resetSettings();
    await server.close();
  });

  function stubMessages(): string[] {
    const shown: string[] = [];
    for (const method of ['showWarningMessage', 'showErrorMessage', 'showInformationMessage'] as const) {
      stubWindow(method, async (...args: unknown[]) => {
        shown.push(String(args[0]));
        return undefined;
      });
    }
    return shown;
  }

  it('Insert at cursor says the document is read-only and changes nothing', async () => {
    const shown = stubMessages();
    await api.codeActions.insertCode('  return b + a;', 'typescript');
    assert.equal(editor.document.getText(), TEXT);
    assert.ok(shown.some((m) => /read-only/i.test(m)), shown.join(' | '));
  });

  it('Inline edit says the document is read-only, sends nothing and changes nothing', async () => {
    const shown = stubMessages();
    const before = server.requests.length;
    await withEnv('OPENROUTER_API_KEY', TEST_API_KEY, async () => {
      await vscode.commands.executeCommand('openrouterChat.inlineEdit', { instruction: 'swap the operands' });
    });
    assert.equal(editor.document.getText(), TEXT);
    assert.ok(shown.some((m) => /read-only/i.test(m)), shown.join(' | '));
    assert.equal(server.requests.filter((r) => r.path.endsWith('/chat/completions')).length, server.requests.slice(0, before).filter((r) => r.path.endsWith('/chat/completions')).length);
  });
});
