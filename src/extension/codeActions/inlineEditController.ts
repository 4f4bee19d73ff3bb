/**
 * Inline edit: asks for an instruction, streams the answer's code into the editor in place
 * (throttled, pending, highlighted), and waits for Accept (Ctrl+Enter, CodeLens) or Reject (Esc,
 * CodeLens). Reject restores the original byte for byte; after Accept one Undo restores it too.
 * The request goes through the chat session, so its reasoning shows in the chat view.
 */
import * as vscode from 'vscode';
import { buildInlineEditPrompt, lineReference } from '../../core/codeActions/promptTemplates';
import { codeFromAnswer } from '../../core/codeActions/streamedCode';
import type { AnswerOutcome, ChatSession } from '../../core/chat/chatSession';
import type { StreamEvent } from '../../core/openrouter/types';
import { textProblem } from './codeTarget';
import { readOnlyProblem, rangeOfOffsets } from './editGuards';
import type { EditorTracker } from './editorTracker';
import { resolveInlineEditTarget, surroundingCode, type InlineEditTarget } from './inlineEditTarget';
import { InlineEditMarks } from './inlineEditMarks';
import { InlineEditWriter } from './inlineEditWriter';
import { fitCodeToModel } from './sizeGuard';
import type { OpenRouterService } from '../openRouterService';
import type { Log } from '../log';

/** Editor updates while streaming: often enough to look live, rare enough not to flood undo. */
const WRITE_INTERVAL_MS = 75;

export interface InlineEditDeps {
  readonly session: ChatSession;
  readonly revealChat: () => Promise<void>;
  readonly service: OpenRouterService;
  readonly log: Log;
}

interface ActiveEdit {
  readonly writer: InlineEditWriter;
  readonly target: InlineEditTarget;
  readonly where: string;
  phase: 'streaming' | 'ready';
  answer: string;
  /** Our request has started streaming (it may wait behind another answer first). */
  started: boolean;
  /** Accepted or rejected while streaming: later events are ignored and the answer is stopped. */
  cancelled: boolean;
  timer: NodeJS.Timeout | undefined;
  /**
   * A streaming write is on its way to the editor. The next one is only scheduled once it landed:
   * when the editor is slower than the answer, queued whole-range rewrites would pile up, keep the
   * document changing for as long as they drain, and make VS Code refuse every other edit of it
   * ("has changed in the meantime"), an extension's or a refactoring's, until they are done.
   */
  writing: boolean;
  /** The final text, kept when no editor showed the document as the answer ended. */
  unwrittenFinal: string | undefined;
}

export class InlineEditController implements vscode.Disposable {
  private active: ActiveEdit | undefined;
  private readonly marks = new InlineEditMarks();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly deps: InlineEditDeps,
    private readonly editors: EditorTracker,
  ) {
    this.subscriptions.push(
      this.marks,
      vscode.workspace.onDidChangeTextDocument((event) => {
        const edit = this.active;
        if (edit && edit.writer.observe(event)) this.abandon(edit, vscode.l10n.t('The code under the inline edit was changed meanwhile, so the inline edit stopped and left the text as it is (Undo goes back).'));
        else if (edit && event.document === edit.writer.document) this.decorate(edit);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const edit = this.active;
        if (edit && document === edit.writer.document) this.abandon(edit, vscode.l10n.t('The file was closed, so the inline edit was cancelled.'));
      }),
      // VS Code may keep a closed file's document open for minutes, so the close event can come
      // far too late: the tab going away is what the user did. (A tab merely switched away from
      // stays open: the edit pauses and resumes when it is shown again.)
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        const edit = this.active;
        if (edit && event.closed.length > 0 && !shownInAnyTab(edit.writer.document.uri)) {
          this.abandon(edit, vscode.l10n.t('The file was closed, so the inline edit was cancelled.'));
        }
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.resume()),
    );
  }

  get pending(): boolean {
    return this.active !== undefined;
  }

  /** Runs an inline edit; resolves when the answer has been written and waits for Accept/Reject. */
  async start(instruction?: string): Promise<void> {
    if (this.active) {
      void vscode.window.showInformationMessage(vscode.l10n.t('An inline edit is waiting: Accept (Ctrl+Enter) or Reject (Esc) it first.'));
      return;
    }
    const editor = this.editors.current();
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and select the code to edit (or put the cursor where new code should go).'));
      return;
    }
    const problem = readOnlyProblem(editor.document) ?? textProblem(editor.document);
    if (problem) {
      void vscode.window.showWarningMessage(problem);
      return;
    }
    const resolved = await resolveInlineEditTarget(editor);
    if ('problem' in resolved) {
      void vscode.window.showWarningMessage(resolved.problem);
      return;
    }
    const wanted =
      instruction ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Inline edit'),
        prompt: vscode.l10n.t('What should change in {0}?', resolved.target.path),
        placeHolder: vscode.l10n.t('e.g. add input validation, make it async, rename x to count'),
        ignoreFocusOut: true,
      }));
    if (!wanted || wanted.trim().length === 0) return;
    const sized = await fitCodeToModel(resolved.target.text, wanted, this.deps.service, this.deps.log);
    if (!sized) return;
    if (sized.lines !== undefined) {
      void vscode.window.showWarningMessage(vscode.l10n.t('That is too much code for one inline edit; select a smaller part.'));
      return;
    }
    if (this.active) return;
    await this.run(resolved.target, wanted.trim());
  }

  private async run(target: InlineEditTarget, instruction: string): Promise<void> {
    const { document, range } = target;
    const startLine = range.start.line + 1;
    const endLine = range.end.line + 1;
    const { prompt, label } = buildInlineEditPrompt({
      instruction,
      path: target.path,
      languageId: document.languageId,
      startLine,
      endLine,
      code: target.insertion ? '' : target.text,
      ...surroundingCode(document, range),
    });
    const writer = new InlineEditWriter(document, document.offsetAt(range.start), document.getText(range), () => this.editors.visibleFor(document));
    const edit: ActiveEdit = { writer, target, where: lineReference(target.path, startLine, endLine), phase: 'streaming', answer: '', started: false, cancelled: false, timer: undefined, writing: false, unwrittenFinal: undefined };
    this.active = edit;
    this.editors.noteCodeAction(document.uri);
    this.decorate(edit);
    this.deps.log.info('codeActions', `inline edit started on ${edit.where}`);
    await this.deps.revealChat();
    const outcome = await this.deps.session.send(prompt, { label, queueIfBusy: true, workspaceTools: false, onEvent: (event) => this.onEvent(edit, event) });
    await this.finishStream(edit, outcome);
  }

  private onEvent(edit: ActiveEdit, event: StreamEvent): void {
    if (!edit.started) {
      edit.started = true;
      if (edit.cancelled) this.deps.session.stop();
    }
    if (edit.cancelled || this.active !== edit || event.type !== 'content') return;
    edit.answer += event.text;
    this.scheduleFlush(edit);
  }

  /** Writes what has streamed so far a moment from now, unless a write is already due or under way. */
  private scheduleFlush(edit: ActiveEdit): void {
    if (edit.writing) return;
    edit.timer ??= setTimeout(() => this.flush(edit), WRITE_INTERVAL_MS);
  }

  private flush(edit: ActiveEdit): void {
    edit.timer = undefined;
    if (edit.cancelled || this.active !== edit) return;
    const answered = edit.answer;
    const code = codeFromAnswer(answered, false);
    if (code.length === 0) return;
    edit.writing = true;
    void edit.writer.write(edit.target.reindent(code), { undoStopBefore: false, undoStopAfter: false }).then((result) => {
      edit.writing = false;
      if (result === 'refused') return this.abandon(edit, vscode.l10n.t('The editor refused the inline edit (the document may be read-only or changed); it stopped.'));
      this.decorate(edit);
      // What streamed while this write was under way goes in the next one.
      if (edit.answer !== answered && edit.phase === 'streaming') this.scheduleFlush(edit);
    });
  }

  private async finishStream(edit: ActiveEdit, outcome: AnswerOutcome | undefined): Promise<void> {
    clearTimeout(edit.timer);
    edit.timer = undefined;
    if (edit.cancelled || this.active !== edit) return;
    const message = outcome?.message;
    const code = message ? codeFromAnswer(message.content, true) : '';
    const unfinished = unfinishedReason(message);
    if (!message || unfinished !== undefined || code.trim().length === 0) {
      // Code from an answer that did not end on its own is incomplete: never offer it as ready.
      const reason = unfinished ?? vscode.l10n.t('the answer held no code');
      await this.restoreAndEnd(edit);
      void vscode.window.showWarningMessage(vscode.l10n.t('The inline edit of {0} did not finish ({1}); the original code is back.', edit.where, reason));
      return;
    }
    const final = edit.target.reindent(code);
    const result = await edit.writer.write(final, { undoStopBefore: false, undoStopAfter: false });
    if (result === 'refused') return this.abandon(edit, vscode.l10n.t('The editor refused the inline edit (the document may be read-only or changed); it stopped.'));
    if (result === 'noEditor') edit.unwrittenFinal = final;
    edit.phase = 'ready';
    this.decorate(edit);
    const shown = this.editors.visibleFor(edit.writer.document);
    // Accept/Reject keys need the editor focused; the chat view may have taken focus.
    if (shown) await vscode.window.showTextDocument(shown.document, { viewColumn: shown.viewColumn, preserveFocus: false });
    this.deps.log.info('codeActions', `inline edit ready on ${edit.where} (${message.status ?? 'done'})`);
  }

  async accept(): Promise<boolean> {
    const edit = this.active;
    if (!edit) {
      void vscode.window.showInformationMessage(vscode.l10n.t('There is no inline edit to accept.'));
      return false;
    }
    await this.settle(edit);
    if (this.active !== edit) return false;
    const final = edit.unwrittenFinal ?? edit.writer.currentText;
    if (edit.writer.hasWritten || final !== edit.writer.originalText) {
      // Close the streaming undo element with no net change, then write the result as one step.
      const restored = await edit.writer.write(edit.writer.originalText, { undoStopBefore: false, undoStopAfter: true });
      const written = restored === 'ok' ? await edit.writer.write(final, { undoStopBefore: true, undoStopAfter: true }) : restored;
      if (written !== 'ok') {
        this.end(edit);
        void vscode.window.showWarningMessage(vscode.l10n.t('The inline edit could not be written to {0}; the text was left as it is.', edit.where));
        return false;
      }
    }
    this.end(edit);
    this.deps.log.info('codeActions', `inline edit accepted on ${edit.where}`);
    return true;
  }

  async reject(): Promise<boolean> {
    const edit = this.active;
    if (!edit) return false;
    await this.settle(edit);
    if (this.active !== edit) return false;
    await this.restoreAndEnd(edit);
    this.deps.log.info('codeActions', `inline edit rejected on ${edit.where}`);
    return true;
  }

  /** Stops streaming into the editor and makes sure an editor shows the document. */
  private async settle(edit: ActiveEdit): Promise<void> {
    if (edit.phase === 'streaming') {
      edit.cancelled = true;
      clearTimeout(edit.timer);
      edit.timer = undefined;
      if (edit.started) this.deps.session.stop();
    }
    await edit.writer.settled();
    if (!this.editors.visibleFor(edit.writer.document) && !edit.writer.document.isClosed) await this.editors.editorFor(edit.writer.document);
  }

  private async restoreAndEnd(edit: ActiveEdit): Promise<void> {
    if (edit.writer.hasWritten) {
      const result = await edit.writer.write(edit.writer.originalText, { undoStopBefore: false, undoStopAfter: true });
      if (result !== 'ok') void vscode.window.showWarningMessage(vscode.l10n.t('The original code of {0} could not be restored; use Undo.', edit.where));
    }
    this.end(edit);
  }

  private abandon(edit: ActiveEdit, message: string): void {
    if (this.active !== edit) return;
    edit.cancelled = true;
    if (edit.phase === 'streaming' && edit.started) this.deps.session.stop();
    this.end(edit);
    void vscode.window.showWarningMessage(message);
  }

  private end(edit: ActiveEdit): void {
    if (this.active !== edit) return;
    clearTimeout(edit.timer);
    edit.cancelled = true;
    this.active = undefined;
    this.marks.clear();
  }

  /** A hidden editor came back: show the highlight again and write what it missed. */
  private resume(): void {
    const edit = this.active;
    if (!edit || !this.editors.visibleFor(edit.writer.document)) return;
    if (edit.unwrittenFinal !== undefined) {
      const final = edit.unwrittenFinal;
      void edit.writer.write(final, { undoStopBefore: false, undoStopAfter: false }).then((result) => {
        if (result === 'ok') edit.unwrittenFinal = undefined;
        this.decorate(edit);
      });
    } else if (edit.phase === 'streaming') {
      this.scheduleFlush(edit);
    }
    this.decorate(edit);
  }

  private decorate(edit: ActiveEdit): void {
    if (this.active !== edit) return;
    const document = edit.writer.document;
    this.marks.show({ document, range: rangeOfOffsets(document, edit.writer.range.start, edit.writer.range.end), streaming: edit.phase === 'streaming' });
  }

  dispose(): void {
    if (this.active) this.end(this.active);
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Why an answer's code cannot be offered as finished, or undefined when the answer is complete. */
function unfinishedReason(message: AnswerOutcome['message'] | undefined): string | undefined {
  if (!message) return undefined;
  if (message.status === 'error') return message.error?.message ?? vscode.l10n.t('the request failed');
  if (message.status === 'stopped') return vscode.l10n.t('the answer was stopped');
  if (message.cutOff === 'length') return vscode.l10n.t('the answer was cut off at the token limit');
  if (message.cutOff === 'contentFilter') return vscode.l10n.t('the answer was cut off by the provider’s content filter');
  return undefined;
}

/** Is the document open in a tab of any editor group (as text, or as a side of a diff)? */
function shownInAnyTab(uri: vscode.Uri): boolean {
  const target = uri.toString();
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some((tab) => {
      const input = tab.input;
      if (input instanceof vscode.TabInputText) return input.uri.toString() === target;
      if (input instanceof vscode.TabInputTextDiff) return input.modified.toString() === target || input.original.toString() === target;
      return false;
    }),
  );
}
