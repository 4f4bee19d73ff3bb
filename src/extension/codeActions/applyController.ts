/**
 * Apply: shows the proposed code spliced into the whole file in VS Code's diff editor, and on
 * Accept writes it over exactly the lines the answer is about, as one WorkspaceEdit (one Undo).
 * If those lines were edited since, it says so and writes nothing.
 */
import * as vscode from 'vscode';
import { lineReference } from '../../core/codeActions/promptTemplates';
import { reindentForReplacement } from '../../core/codeActions/reindent';
import { rangeDrift } from '../../core/codeActions/trackedRange';
import { eolOf, rangeOfOffsets, readOnlyProblem } from './editGuards';
import type { EditorTracker } from './editorTracker';
import type { CodeOrigin, OriginRegistry } from './origins';
import type { ProposalDocuments } from './proposalDocuments';
import { withoutTrailingLineStart, workspacePath } from './codeTarget';
import type { Log } from '../log';

export const APPLY_PENDING_KEY = 'openrouterChat.applyPending';

interface PendingApply {
  readonly origin: CodeOrigin;
  readonly proposalUri: vscode.Uri;
  /** The replacement for the origin's range, already re-indented and in the document's EOL. */
  readonly replacement: string;
  readonly where: string;
  /** Told once how the review ended: accepted and written (true) or not (false). */
  readonly settled: (accepted: boolean) => void;
}

export class ApplyController implements vscode.Disposable {
  private pending: PendingApply | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly origins: OriginRegistry,
    private readonly proposals: ProposalDocuments,
    private readonly editors: EditorTracker,
    private readonly log: Log,
  ) {
    // Closing the diff by hand is a discard.
    this.subscriptions.push(
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        const pending = this.pending;
        if (pending && event.closed.some((tab) => isDiffOf(tab, pending.proposalUri))) this.end(pending);
      }),
    );
  }

  get hasPending(): boolean {
    return this.pending !== undefined;
  }

  /** Shows the diff for `code` against the answer's origin (or the active editor's selection or file). */
  async apply(code: string, messageId: string): Promise<boolean> {
    const origin = this.origins.forMessage(messageId) ?? this.originFromEditor();
    if (!origin) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open the file to change (and select the lines to replace), then press Apply again.'));
      return false;
    }
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(origin.uri);
    } catch {
      void vscode.window.showWarningMessage(vscode.l10n.t('The file this answer is about is gone: {0}', origin.uri.fsPath || origin.uri.toString()));
      return false;
    }
    const problem = readOnlyProblem(document);
    if (problem) {
      void vscode.window.showWarningMessage(problem);
      return false;
    }
    const range = rangeOfOffsets(document, origin.tracked.start, origin.tracked.end);
    const where = lineReference(workspacePath(document), range.start.line + 1, range.end.line + 1);
    if (this.verdict(document, origin) === 'edited') {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} was edited after this answer was written, so Apply would overwrite your changes. Select the lines to replace and use Insert instead.', where));
      return false;
    }

    await this.show(document, origin, reindentForReplacement(code, origin, eolOf(document)), where, () => undefined);
    return true;
  }

  /**
   * The model's propose_edit: the same reviewed diff, for exact text over `range` (no
   * re-indenting: the model gave the text as it wants it). Resolves true when the user accepted
   * and the edit was written, false when it was discarded, closed, or `signal` aborted.
   */
  async review(document: vscode.TextDocument, range: vscode.Range, newText: string, signal: AbortSignal): Promise<boolean> {
    const problem = readOnlyProblem(document);
    if (problem) throw new Error(problem);
    const origin = this.origins.track(document, range);
    const where = lineReference(workspacePath(document), range.start.line + 1, range.end.line + 1);
    const replacement = newText.replace(/\r?\n/g, eolOf(document));
    return new Promise<boolean>((resolve, reject) => {
      const onAbort = (): void => void this.discard();
      signal.addEventListener('abort', onAbort, { once: true });
      const settled = (accepted: boolean): void => {
        signal.removeEventListener('abort', onAbort);
        resolve(accepted);
      };
      this.show(document, origin, replacement, where, settled).catch((error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        this.origins.release(origin);
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  }

  private async show(document: vscode.TextDocument, origin: CodeOrigin, replacement: string, where: string, settled: (accepted: boolean) => void): Promise<void> {
    if (this.pending) await this.discard();
    const full = document.getText();
    const proposed = full.slice(0, origin.tracked.start) + replacement + full.slice(origin.tracked.end);
    const proposalUri = this.proposals.create(document.uri, proposed);
    let told = false;
    const once = (accepted: boolean): void => {
      if (told) return;
      told = true;
      settled(accepted);
    };
    const pending: PendingApply = { origin, proposalUri, replacement, where, settled: once };
    this.pending = pending;
    await vscode.commands.executeCommand('setContext', APPLY_PENDING_KEY, true);
    await vscode.commands.executeCommand('vscode.diff', document.uri, proposalUri, vscode.l10n.t('{0} ↔ proposed change', where), { preview: false });
    this.log.info('codeActions', `apply: diff shown for ${where}`);
    // The diff may already be settled (its buttons, or closed) while VS Code opened it.
    if (this.pending === pending) void this.offerChoice(pending);
  }

  /** Writes the pending proposal; returns false (and says why) when it must not. */
  async accept(): Promise<boolean> {
    const pending = this.pending;
    if (!pending) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no proposed change to accept.'));
      return false;
    }
    const { origin } = pending;
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(origin.uri);
    } catch {
      await this.end(pending);
      void vscode.window.showWarningMessage(vscode.l10n.t('The file is gone; nothing was applied.'));
      return false;
    }
    const problem = readOnlyProblem(document);
    if (problem) {
      void vscode.window.showWarningMessage(problem);
      return false;
    }
    if (this.verdict(document, origin) === 'edited') {
      await this.end(pending);
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} changed while the proposal was open; nothing was overwritten. Ask again for a fresh proposal.', pending.where));
      return false;
    }
    const range = rangeOfOffsets(document, origin.tracked.start, origin.tracked.end);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, pending.replacement);
    const applied = await vscode.workspace.applyEdit(edit);
    if (applied) pending.settled(true);
    await this.end(pending);
    if (!applied) {
      void vscode.window.showWarningMessage(vscode.l10n.t('VS Code refused the edit to {0}; nothing was changed.', pending.where));
      return false;
    }
    this.log.info('codeActions', `apply: accepted for ${pending.where}`);
    const editor = await this.editors.editorFor(document);
    const start = range.start;
    const end = document.positionAt(document.offsetAt(start) + pending.replacement.length);
    editor.selection = new vscode.Selection(start, end);
    editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  }

  async discard(): Promise<void> {
    if (this.pending) await this.end(this.pending);
  }

  private verdict(document: vscode.TextDocument, origin: CodeOrigin): ReturnType<typeof rangeDrift> {
    const currentText = document.getText(rangeOfOffsets(document, origin.tracked.start, origin.tracked.end));
    return rangeDrift({ originalVersion: origin.version, currentVersion: document.version, originalText: origin.originalText, currentText, touched: origin.tracked.touched });
  }

  private originFromEditor(): CodeOrigin | undefined {
    const editor = this.editors.current();
    if (!editor) return undefined;
    const document = editor.document;
    const range = editor.selection.isEmpty
      ? new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length))
      : withoutTrailingLineStart(document, editor.selection);
    return this.origins.track(document, range);
  }

  private async offerChoice(pending: PendingApply): Promise<void> {
    const accept = vscode.l10n.t('Accept');
    const discard = vscode.l10n.t('Discard');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Review the proposed change to {0}.', pending.where), accept, discard);
    // The diff's own buttons may have settled it already.
    if (this.pending !== pending) return;
    if (choice === accept) await this.accept();
    else if (choice === discard) await this.discard();
  }

  private async end(pending: PendingApply): Promise<void> {
    if (this.pending !== pending) return;
    this.pending = undefined;
    await vscode.commands.executeCommand('setContext', APPLY_PENDING_KEY, false);
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => isDiffOf(tab, pending.proposalUri));
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
    this.proposals.delete(pending.proposalUri);
    this.origins.release(pending.origin);
    // After a successful accept this is a no-op: `settled` tells only once.
    pending.settled(false);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

function isDiffOf(tab: vscode.Tab, proposalUri: vscode.Uri): boolean {
  return tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.toString() === proposalUri.toString();
}
