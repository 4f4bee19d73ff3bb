/**
 * Code actions and code-into-the-editor (issue 5): the selection commands, Insert at cursor,
 * Apply with a diff, inline edit, and opening file references from answers. The extension's
 * `activate` calls `registerCodeActions`; the webview router calls the returned methods.
 */
import * as vscode from 'vscode';
import type { ChatSession } from '../../core/chat/chatSession';
import { originOfAnswer } from '../../core/codeActions/codeOrigin';
import type { CodeActionKind } from '../../core/codeActions/promptTemplates';
import type { OpenRouterService } from '../openRouterService';
import type { Log } from '../log';
import { APPLY_PENDING_KEY, ApplyController } from './applyController';
import { EditorTracker } from './editorTracker';
import { openFileReference } from './fileReferenceOpener';
import { InlineEditController } from './inlineEditController';
import { INLINE_EDIT_PENDING_KEY } from './inlineEditMarks';
import { insertCodeAtCursor } from './insertCode';
import { OriginRegistry } from './origins';
import { PROPOSAL_SCHEME, ProposalDocuments } from './proposalDocuments';
import { runSelectionCommand, type CodeActionResult } from './selectionCommands';

export type { CodeActionResult } from './selectionCommands';

export interface CodeActionDeps {
  readonly session: ChatSession;
  /** Opens/focuses the chat view. */
  readonly revealChat: () => Promise<void>;
  /** Model info (context length). */
  readonly service: OpenRouterService;
  readonly log: Log;
}

export interface CodeActions extends vscode.Disposable {
  /** Webview "Insert at cursor". */
  insertCode(code: string, language: string): Promise<void>;
  /** Webview "Apply". */
  applyCode(code: string, language: string, messageId: string): Promise<void>;
  openFileRef(path: string, line: number, endLine?: number): Promise<void>;
  /** The reviewed diff, also used by the model's propose_edit tool. */
  readonly apply: ApplyController;
}

/** Optional argument of `openrouterChat.inlineEdit`: skips the input box (keybindings, tests). */
export interface InlineEditArgs {
  readonly instruction?: string;
}

const SELECTION_COMMANDS: readonly (readonly [string, CodeActionKind])[] = [
  ['openrouterChat.explainSelection', 'explain'],
  ['openrouterChat.refactorSelection', 'refactor'],
  ['openrouterChat.fixSelection', 'fix'],
  ['openrouterChat.documentSelection', 'document'],
  ['openrouterChat.testSelection', 'test'],
];

export function registerCodeActions(context: vscode.ExtensionContext, deps: CodeActionDeps): CodeActions {
  const editors = new EditorTracker();
  const origins = new OriginRegistry();
  const proposals = new ProposalDocuments();
  const apply = new ApplyController(origins, proposals, editors, deps.log);
  const inline = new InlineEditController(deps, editors);
  const commandDeps = { ...deps, editors, origins, apply };

  /** Commands must never reject into VS Code's generic error toast: log, then say it plainly. */
  const guarded =
    <A extends unknown[], R>(name: string, run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R | undefined> => {
      try {
        return await run(...args);
      } catch (error: unknown) {
        const reason = error instanceof Error ? error.message : String(error);
        deps.log.error('codeActions', `${name} failed: ${reason}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('OpenRouter Chat: {0} failed: {1}', name, reason));
        return undefined;
      }
    };

  const disposables: vscode.Disposable[] = [
    editors,
    origins,
    proposals,
    apply,
    inline,
    vscode.workspace.registerTextDocumentContentProvider(PROPOSAL_SCHEME, proposals),
    ...SELECTION_COMMANDS.map(([id, kind]) =>
      vscode.commands.registerCommand(id, guarded<[], CodeActionResult | undefined>(id, () => runSelectionCommand(kind, commandDeps))),
    ),
    vscode.commands.registerCommand(
      'openrouterChat.insertLastCode',
      guarded('insertLastCode', async () => {
        const block = deps.session.lastCodeBlock();
        if (!block) {
          void vscode.window.showInformationMessage(vscode.l10n.t('The last answer has no code block to insert.'));
          return false;
        }
        return insertCodeAtCursor(block.code, editors, deps.log);
      }),
    ),
    vscode.commands.registerCommand('openrouterChat.inlineEdit', guarded('inlineEdit', (args?: InlineEditArgs) => inline.start(args?.instruction))),
    vscode.commands.registerCommand('openrouterChat.acceptInlineEdit', guarded('acceptInlineEdit', () => inline.accept())),
    vscode.commands.registerCommand('openrouterChat.rejectInlineEdit', guarded('rejectInlineEdit', () => inline.reject())),
    vscode.commands.registerCommand('openrouterChat.acceptApply', guarded('acceptApply', () => apply.accept())),
    vscode.commands.registerCommand('openrouterChat.discardApply', guarded('discardApply', () => apply.discard())),
  ];
  void vscode.commands.executeCommand('setContext', APPLY_PENDING_KEY, false);
  void vscode.commands.executeCommand('setContext', INLINE_EDIT_PENDING_KEY, false);

  let disposed = false;
  const codeActions: CodeActions = {
    insertCode: async (code) => {
      await guarded('insertCode', () => insertCodeAtCursor(code, editors, deps.log))();
    },
    applyCode: async (code, _language, messageId) => {
      // The question's origin, stored in the chat: it outlives this window and the answer's id.
      const origin = originOfAnswer(deps.session.activeChat.messages, messageId);
      await guarded('applyCode', () => apply.apply(code, origin))();
    },
    apply,
    openFileRef: async (path, line, endLine) => {
      await guarded('openFileRef', () => openFileReference({ path, line, ...(endLine !== undefined ? { endLine } : {}) }, editors))();
    },
    dispose: () => {
      if (disposed) return;
      disposed = true;
      for (const d of disposables) d.dispose();
    },
  };
  // Disposing twice (the caller may push it too) is harmless: the flag above makes it once.
  context.subscriptions.push(codeActions);
  return codeActions;
}
