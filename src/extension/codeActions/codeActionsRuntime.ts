/**
 * The code actions' working parts: the reviewed diff, inline edit, the selection commands and
 * code into the editor. `index.ts` loads this module with `import()` the first time one of them is
 * used, so activation does not read it (it is a separate chunk of the extension bundle).
 */
import * as vscode from 'vscode';
import { originOfAnswer } from '../../core/codeActions/codeOrigin';
import type { CodeActionKind } from '../../core/codeActions/promptTemplates';
import { ApplyController } from './applyController';
import type { EditorTracker } from './editorTracker';
import { openFileReference } from './fileReferenceOpener';
import type { CodeActionDeps } from './index';
import { InlineEditController } from './inlineEditController';
import { insertCodeAtCursor } from './insertCode';
import { OriginRegistry } from './origins';
import type { ProposalDocuments } from './proposalDocuments';
import { runSelectionCommand, type CodeActionResult } from './selectionCommands';

export class CodeActionsRuntime implements vscode.Disposable {
  readonly apply: ApplyController;
  private readonly origins = new OriginRegistry();
  private readonly inline: InlineEditController;

  constructor(
    private readonly deps: CodeActionDeps,
    private readonly editors: EditorTracker,
    proposals: ProposalDocuments,
  ) {
    this.apply = new ApplyController(this.origins, proposals, editors, deps.log);
    this.inline = new InlineEditController(deps, editors);
  }

  runSelection(kind: CodeActionKind): Promise<CodeActionResult | undefined> {
    return runSelectionCommand(kind, { ...this.deps, editors: this.editors, origins: this.origins, apply: this.apply });
  }

  async insertLastCode(): Promise<boolean> {
    const block = this.deps.session.lastCodeBlock();
    if (!block) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The last answer has no code block to insert.'));
      return false;
    }
    return insertCodeAtCursor(block.code, this.editors, this.deps.log);
  }

  insertCode(code: string): Promise<boolean> {
    return insertCodeAtCursor(code, this.editors, this.deps.log);
  }

  applyCode(code: string, messageId: string): Promise<boolean> {
    // The question's origin, stored in the chat: it outlives this window and the answer's id.
    const origin = originOfAnswer(this.deps.session.activeChat.messages, messageId);
    return this.apply.apply(code, origin);
  }

  openFileRef(path: string, line: number, endLine?: number): Promise<boolean> {
    return openFileReference({ path, line, ...(endLine !== undefined ? { endLine } : {}) }, this.editors);
  }

  startInlineEdit(instruction?: string): ReturnType<InlineEditController['start']> {
    return this.inline.start(instruction);
  }

  acceptInlineEdit(): ReturnType<InlineEditController['accept']> {
    return this.inline.accept();
  }

  rejectInlineEdit(): ReturnType<InlineEditController['reject']> {
    return this.inline.reject();
  }

  dispose(): void {
    this.inline.dispose();
    this.apply.dispose();
    this.origins.dispose();
  }
}
