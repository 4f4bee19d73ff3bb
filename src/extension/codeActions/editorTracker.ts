/**
 * Which text editor the code actions act on. Clicking a button in the chat view moves focus to
 * the webview, and a diff or output pane may become active meanwhile, so "the active editor" is
 * the last editor that showed a real document, remembered here.
 */
import * as vscode from 'vscode';
import { PROPOSAL_SCHEME } from './proposalDocuments';

/** Schemes of documents a user edits (files, unsaved, remote, virtual workspaces). */
function isUserDocument(document: vscode.TextDocument): boolean {
  return document.uri.scheme !== PROPOSAL_SCHEME && document.uri.scheme !== 'output' && document.uri.scheme !== 'debug';
}

export class EditorTracker implements vscode.Disposable {
  private last: vscode.TextEditor | undefined;
  private lastCodeActionUri: vscode.Uri | undefined;
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.remember(vscode.window.activeTextEditor);
    this.subscription = vscode.window.onDidChangeActiveTextEditor((editor) => this.remember(editor));
  }

  private remember(editor: vscode.TextEditor | undefined): void {
    if (editor && isUserDocument(editor.document)) this.last = editor;
  }

  /** The active text editor, else the last one (if its document is still open). */
  current(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active && isUserDocument(active.document)) return active;
    if (this.last && !this.last.document.isClosed) return this.visibleFor(this.last.document) ?? this.last;
    return undefined;
  }

  /** A visible editor showing `document`, preferring the remembered one. */
  visibleFor(document: vscode.TextDocument): vscode.TextEditor | undefined {
    const visible = vscode.window.visibleTextEditors.filter((e) => e.document === document);
    return visible.find((e) => e === this.last) ?? visible[0];
  }

  /**
   * An editor for `document` that can be edited right now: the visible one, or the document shown
   * again (it was closed or hidden behind another tab).
   */
  async editorFor(document: vscode.TextDocument, preserveFocus = false): Promise<vscode.TextEditor> {
    const visible = this.visibleFor(document);
    if (visible) return visible;
    const viewColumn = this.last?.viewColumn;
    return vscode.window.showTextDocument(document, { preserveFocus, ...(viewColumn ? { viewColumn } : {}) });
  }

  noteCodeAction(uri: vscode.Uri): void {
    this.lastCodeActionUri = uri;
  }

  /** The document the last code action came from (for bare `L12` references). */
  get codeActionUri(): vscode.Uri | undefined {
    return this.lastCodeActionUri;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
