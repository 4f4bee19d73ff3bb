/**
 * Apply: shows the proposed code spliced into the whole file in VS Code's diff editor, and on
 * Accept writes it over exactly the lines the answer is about, as one WorkspaceEdit (one Undo).
 * Those lines are the question's stored origin, found again by their text when the file changed;
 * when they were edited (or stand twice), it says so and offers the selection, never the file.
 */
import * as vscode from 'vscode';
import { lineReference } from '../../core/codeActions/promptTemplates';
import { reindentForReplacement } from '../../core/codeActions/reindent';
import { locateOrigin, type CodeOrigin } from '../../core/codeActions/codeOrigin';
import { rangeDrift } from '../../core/codeActions/trackedRange';
import { eolOf, rangeOfOffsets, readOnlyProblem } from './editGuards';
import type { EditorTracker } from './editorTracker';
import type { LiveOrigin, OriginRegistry } from './origins';
import type { ProposalDocuments } from './proposalDocuments';
import { withoutTrailingLineStart, workspacePath } from './codeTarget';
import type { Log } from '../log';

import { APPLY_PENDING_KEY } from './contextKeys';

interface PendingApply {
  readonly origin: LiveOrigin;
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

  /**
   * Shows the diff for `code` against `origin`, the code the answer's question was about. Without
   * one (an ordinary chat answer) it goes against the active editor's selection, or its file.
   */
  async apply(code: string, origin: CodeOrigin | undefined): Promise<boolean> {
    if (origin) return this.applyAtOrigin(code, origin);
    const live = this.liveFromEditor(false);
    if (!live) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open the file to change (and select the lines to replace), then press Apply again.'));
      return false;
    }
    return this.applyAt(code, live);
  }

  private async applyAtOrigin(code: string, origin: CodeOrigin): Promise<boolean> {
    const document = await openOrSayGone(vscode.Uri.parse(origin.uri));
    if (!document) return false;
    const followed = this.origins.liveFor(origin);
    const place = locateOrigin(document.getText(), origin, followed?.tracked);
    if (place.kind === 'lost') return this.offerSelectionInstead(code, origin, document, place.reason);
    let live = followed;
    if (!live || place.relocated) {
      live = this.origins.track(document, rangeOfOffsets(document, place.start, place.end));
      this.origins.link(origin, live);
    }
    if (place.relocated) this.log.info('codeActions', `apply: the answer's code moved to ${place.start}-${place.end}; the proposal goes there`);
    return this.applyAt(code, live);
  }

  /**
   * The code the answer is about is no longer where it was and cannot be found once: Apply says
   * so, naming the file, and offers the current selection as an explicit choice (never the file).
   */
  private async offerSelectionInstead(code: string, origin: CodeOrigin, document: vscode.TextDocument, reason: 'edited' | 'ambiguous'): Promise<boolean> {
    const file = workspacePath(document);
    const useSelection = vscode.l10n.t('Replace the Selection Instead');
    const text =
      reason === 'edited'
        ? vscode.l10n.t('Cannot apply to {0}: the code this answer is about (lines {1}-{2} when asked) was edited or removed since. Select the lines to replace and choose "{3}", or ask again.', file, origin.startLine, origin.endLine, useSelection)
        : vscode.l10n.t('Cannot apply to {0}: the code this answer is about (lines {1}-{2} when asked) now stands more than once in the file, so Apply cannot tell which to replace. Select the lines to replace and choose "{3}".', file, origin.startLine, origin.endLine, useSelection);
    this.log.warn('codeActions', `apply: the answer's code is no longer at ${lineReference(file, origin.startLine, origin.endLine)} (${reason})`);
    const choice = await vscode.window.showWarningMessage(text, useSelection);
    if (choice !== useSelection) return false;
    const live = this.liveFromEditor(true);
    if (!live) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select the lines to replace in an editor first; nothing was changed.'));
      return false;
    }
    return this.applyAt(code, live);
  }

  private async applyAt(code: string, origin: LiveOrigin): Promise<boolean> {
    const document = await openOrSayGone(origin.uri);
    if (!document) return false;
    const problem = readOnlyProblem(document);
    if (problem) {
      void vscode.window.showWarningMessage(problem);
      return false;
    }
    // The range holds the original text here: a fresh range, or one located by applyAtOrigin.
    const range = rangeOfOffsets(document, origin.tracked.start, origin.tracked.end);
    const where = lineReference(workspacePath(document), range.start.line + 1, range.end.line + 1);
    const indentation = { originalText: origin.originalText, startLineText: document.lineAt(range.start.line).text, startCharacter: range.start.character };
    await this.show(document, origin, reindentForReplacement(code, indentation, eolOf(document)), where, () => undefined);
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

  private async show(document: vscode.TextDocument, origin: LiveOrigin, replacement: string, where: string, settled: (accepted: boolean) => void): Promise<void> {
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

  private verdict(document: vscode.TextDocument, origin: LiveOrigin): ReturnType<typeof rangeDrift> {
    const currentText = document.getText(rangeOfOffsets(document, origin.tracked.start, origin.tracked.end));
    return rangeDrift({ originalVersion: origin.version, currentVersion: document.version, originalText: origin.originalText, currentText, touched: origin.tracked.touched });
  }

  /**
   * The active editor's selection; without one, its whole file, unless `selectionOnly` (the user
   * chose "the selection": an empty one must not become the file).
   */
  private liveFromEditor(selectionOnly: boolean): LiveOrigin | undefined {
    const editor = this.editors.current();
    if (!editor) return undefined;
    const document = editor.document;
    if (editor.selection.isEmpty && selectionOnly) return undefined;
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

/** The document the answer is about, or undefined after telling the user its file is gone. */
async function openOrSayGone(uri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch {
    void vscode.window.showWarningMessage(vscode.l10n.t('The file this answer is about is gone: {0}', uri.fsPath || uri.toString()));
    return undefined;
  }
}
