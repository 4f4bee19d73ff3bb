/**
 * How a pending inline edit looks: its lines highlighted like inserted text in a diff, a CodeLens
 * above them with Accept / Reject (and "Writing…" while it streams), and the context key the
 * Ctrl+Enter / Esc keybindings depend on.
 */
import * as vscode from 'vscode';

import { INLINE_EDIT_PENDING_KEY } from './contextKeys';

export interface PendingMarks {
  readonly document: vscode.TextDocument;
  readonly range: vscode.Range;
  readonly streaming: boolean;
}

export class InlineEditMarks implements vscode.CodeLensProvider, vscode.Disposable {
  private current: PendingMarks | undefined;
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('diffEditor.insertedTextBackground'),
    isWholeLine: true,
  });
  private readonly registration = vscode.languages.registerCodeLensProvider({ pattern: '**' }, this);

  /** Shows (or moves) the marks; call again whenever the range or the phase changes. */
  show(marks: PendingMarks): void {
    const wasPending = this.current !== undefined;
    const lensMoved = this.current?.range.start.line !== marks.range.start.line || this.current?.streaming !== marks.streaming;
    this.current = marks;
    this.paint();
    if (!wasPending) void vscode.commands.executeCommand('setContext', INLINE_EDIT_PENDING_KEY, true);
    if (lensMoved) this.lensesChanged.fire();
  }

  /** Paints the highlight again (an editor showing the document became visible). */
  paint(): void {
    const marks = this.current;
    if (!marks) return;
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document === marks.document) editor.setDecorations(this.decoration, marks.range.isEmpty ? [] : [marks.range]);
    }
  }

  clear(): void {
    if (!this.current) return;
    this.current = undefined;
    for (const editor of vscode.window.visibleTextEditors) editor.setDecorations(this.decoration, []);
    void vscode.commands.executeCommand('setContext', INLINE_EDIT_PENDING_KEY, false);
    this.lensesChanged.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const marks = this.current;
    if (!marks || document !== marks.document) return [];
    const line = new vscode.Range(marks.range.start.line, 0, marks.range.start.line, 0);
    const lenses = [
      new vscode.CodeLens(line, { title: `$(check) ${vscode.l10n.t('Accept (Ctrl+Enter)')}`, command: 'openrouterChat.acceptInlineEdit' }),
      new vscode.CodeLens(line, { title: `$(close) ${vscode.l10n.t('Reject (Esc)')}`, command: 'openrouterChat.rejectInlineEdit' }),
    ];
    if (marks.streaming) lenses.unshift(new vscode.CodeLens(line, { title: `$(loading~spin) ${vscode.l10n.t('Writing…')}`, command: '' }));
    return lenses;
  }

  dispose(): void {
    this.clear();
    this.registration.dispose();
    this.decoration.dispose();
    this.lensesChanged.dispose();
  }
}
