/**
 * Code actions and code-into-the-editor (issue 5): the selection commands, Insert at cursor,
 * Apply with a diff, inline edit, and opening file references from answers. The extension's
 * `activate` calls `registerCodeActions`; the webview router calls the returned methods.
 *
 * Only what must run from the start lives here: the commands' registrations, the editor tracker
 * (the chat view takes focus, so the last text editor has to be remembered from activation on)
 * and the proposals' document provider. The working parts (`codeActionsRuntime.ts`, with the diff,
 * inline edit and the prompts) load on first use, as a chunk of their own.
 */
import * as vscode from 'vscode';
import type { ChatSession } from '../../core/chat/chatSession';
import type { CodeActionKind } from '../../core/codeActions/promptTemplates';
import type { OpenRouterService } from '../openRouterService';
import type { Log } from '../log';
import type { ApplyController } from './applyController';
import type { CodeActionsRuntime } from './codeActionsRuntime';
import { APPLY_PENDING_KEY, INLINE_EDIT_PENDING_KEY } from './contextKeys';
import { EditorTracker } from './editorTracker';
import { PROPOSAL_SCHEME, ProposalDocuments } from './proposalDocuments';

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
  /** The reviewed diff, also used by the model's propose_edit tool (loads it on first use). */
  applyController(): Promise<ApplyController>;
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
  const proposals = new ProposalDocuments();
  let disposed = false;
  let loading: Promise<CodeActionsRuntime> | undefined;
  const runtime = (): Promise<CodeActionsRuntime> =>
    (loading ??= import('./codeActionsRuntime').then((module) => {
      const loaded = new module.CodeActionsRuntime(deps, editors, proposals);
      // Disposed while loading: nothing may stay subscribed.
      if (disposed) loaded.dispose();
      return loaded;
    }));

  /** Commands must never reject into VS Code's generic error toast: log, then say it plainly. */
  const guarded =
    <A extends unknown[], R>(name: string, run: (loaded: CodeActionsRuntime, ...args: A) => Promise<R>) =>
    async (...args: A): Promise<R | undefined> => {
      try {
        return await run(await runtime(), ...args);
      } catch (error: unknown) {
        const reason = error instanceof Error ? error.message : String(error);
        deps.log.error('codeActions', `${name} failed: ${reason}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('OpenRouter Chat: {0} failed: {1}', name, reason));
        return undefined;
      }
    };

  const disposables: vscode.Disposable[] = [
    editors,
    proposals,
    vscode.workspace.registerTextDocumentContentProvider(PROPOSAL_SCHEME, proposals),
    ...SELECTION_COMMANDS.map(([id, kind]) => vscode.commands.registerCommand(id, guarded(id, (loaded) => loaded.runSelection(kind)))),
    vscode.commands.registerCommand('openrouterChat.insertLastCode', guarded('insertLastCode', (loaded) => loaded.insertLastCode())),
    vscode.commands.registerCommand(
      'openrouterChat.inlineEdit',
      guarded('inlineEdit', (loaded, args?: InlineEditArgs) => loaded.startInlineEdit(args?.instruction)),
    ),
    vscode.commands.registerCommand('openrouterChat.acceptInlineEdit', guarded('acceptInlineEdit', (loaded) => loaded.acceptInlineEdit())),
    vscode.commands.registerCommand('openrouterChat.rejectInlineEdit', guarded('rejectInlineEdit', (loaded) => loaded.rejectInlineEdit())),
    vscode.commands.registerCommand('openrouterChat.acceptApply', guarded('acceptApply', (loaded) => loaded.apply.accept())),
    vscode.commands.registerCommand('openrouterChat.discardApply', guarded('discardApply', (loaded) => loaded.apply.discard())),
  ];
  void vscode.commands.executeCommand('setContext', APPLY_PENDING_KEY, false);
  void vscode.commands.executeCommand('setContext', INLINE_EDIT_PENDING_KEY, false);

  const codeActions: CodeActions = {
    insertCode: async (code) => {
      await guarded('insertCode', (loaded) => loaded.insertCode(code))();
    },
    applyCode: async (code, _language, messageId) => {
      await guarded('applyCode', (loaded) => loaded.applyCode(code, messageId))();
    },
    openFileRef: async (path, line, endLine) => {
      await guarded('openFileRef', (loaded) => loaded.openFileRef(path, line, endLine))();
    },
    applyController: async () => (await runtime()).apply,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      for (const d of disposables) d.dispose();
      void loading?.then((loaded) => loaded.dispose());
    },
  };
  // Disposing twice (the caller may push it too) is harmless: the flag above makes it once.
  context.subscriptions.push(codeActions);
  return codeActions;
}
