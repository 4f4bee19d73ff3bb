/**
 * Explain / Refactor / Fix / Document / Write tests: builds the turn from the selection (or the
 * block around the cursor) and sends it into the chat. The question stores the lines it is about
 * (its origin), so Apply on any answer to it replaces exactly those lines.
 */
import * as vscode from 'vscode';
import type { ChatSession } from '../../core/chat/chatSession';
import { codeBlocks } from '../../core/codeActions/codeFence';
import type { CodeOrigin } from '../../core/codeActions/codeOrigin';
import { buildCodeActionPrompt, type CodeActionKind } from '../../core/codeActions/promptTemplates';
import type { ApplyController } from './applyController';
import { resolveCodeTarget } from './codeTarget';
import type { EditorTracker } from './editorTracker';
import type { OriginRegistry } from './origins';
import { fitCodeToModel } from './sizeGuard';
import { diagnosticsIn, testFrameworkFor } from './workspaceFacts';
import type { OpenRouterService } from '../openRouterService';
import type { Log } from '../log';

/** What a selection command resolves to (tests and callers use it to find the answer). */
export interface CodeActionResult {
  readonly chatId: string;
  readonly messageId: string;
  readonly status: string;
}

export interface SelectionCommandDeps {
  readonly session: ChatSession;
  readonly revealChat: () => Promise<void>;
  readonly service: OpenRouterService;
  readonly log: Log;
  readonly editors: EditorTracker;
  readonly origins: OriginRegistry;
  readonly apply: ApplyController;
}

const CHANGES_CODE: ReadonlySet<CodeActionKind> = new Set(['refactor', 'fix', 'document']);

export async function runSelectionCommand(kind: CodeActionKind, deps: SelectionCommandDeps): Promise<CodeActionResult | undefined> {
  const editor = deps.editors.current();
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and select the code to ask about.'));
    return undefined;
  }
  const resolved = await resolveCodeTarget(editor);
  if ('problem' in resolved) {
    void vscode.window.showWarningMessage(resolved.problem);
    return undefined;
  }
  const target = resolved.target;
  const { document } = target;
  const diagnostics = kind === 'fix' ? diagnosticsIn(document.uri, target.range) : undefined;
  const testFramework = kind === 'test' ? await testFrameworkFor(document.uri) : undefined;
  const promptFor = (code: string, endLine: number) =>
    buildCodeActionPrompt({
      kind,
      path: target.path,
      languageId: document.languageId,
      startLine: target.range.start.line + 1,
      endLine,
      code,
      ...(diagnostics ? { diagnostics } : {}),
      ...(testFramework ? { testFramework } : {}),
    });

  const sized = await fitCodeToModel(target.text, promptFor('', target.range.end.line + 1).prompt, deps.service, deps.log);
  if (!sized) return undefined;
  let range = target.range;
  if (sized.lines !== undefined) {
    const lastLine = range.start.line + sized.lines - 1;
    range = new vscode.Range(range.start, document.lineAt(lastLine).range.end);
  }
  const { prompt, label } = promptFor(sized.code, range.end.line + 1);
  // Stored with the question, so every answer to it (also after Regenerate or a reload) applies here.
  const live = deps.origins.track(document, range);
  const origin = deps.origins.stored(document, live);
  deps.origins.link(origin, live);
  deps.editors.noteCodeAction(document.uri);
  deps.log.info('codeActions', `${kind}: ${label}`);

  await deps.revealChat();
  const outcome = await deps.session.send(prompt, { label, queueIfBusy: true, origin });
  if (!outcome) return undefined;
  if (CHANGES_CODE.has(kind) && outcome.message.status === 'done') void offerApply(outcome.message.content, label, origin, deps.apply);
  return { chatId: outcome.chatId, messageId: outcome.message.id, status: outcome.message.status ?? 'done' };
}

/** A notification with Apply when the answer ends with code for the lines it was asked about. */
async function offerApply(content: string, label: string, origin: CodeOrigin, apply: ApplyController): Promise<void> {
  const block = codeBlocks(content)[0];
  if (!block) return;
  const action = vscode.l10n.t('Apply');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('The answer to "{0}" has new code.', label), action);
  if (choice === action) await apply.apply(block.code, origin);
}
