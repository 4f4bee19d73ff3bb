/**
 * The editor side of attached context: owns the composer's draft of attachments, answers the
 * webview's `#` mention queries from the file index, and runs the commands that add context
 * (Explorer → Add File to Chat, editor → Add Selection to Chat, the composer's Add context).
 */
import * as vscode from 'vscode';
import type { HostMessage, WebviewMessage } from '../../shared/protocol';
import type { ContextAttachment } from '../../core/context/attachment';
import { ContextDraft } from '../../core/context/contextDraft';
import type { ChatSession } from '../../core/chat/chatSession';
import type { Log } from '../log';
import { AttachmentRefused, fileAttachment, refreshFileAttachment, selectionAttachment, workspacePath } from './fileAttachment';
import type { WorkspaceFileIndex } from './fileIndex';
import type { TerminalRecorder } from './terminalRecorder';
import { binaryFileAttachment, isBinaryFile } from './binaryFileAttachment';
import { createBinaryAttachment } from '../../core/context/binaryAttachment';
import { randomUUID } from 'node:crypto';

export type ContextMessage = Extract<WebviewMessage, { type: 'contextQuery' | 'attachFile' | 'dropFiles' | 'removeAttachment' | 'addContext' | 'attachBinary' }>;

export interface ContextControllerDeps {
  readonly session: ChatSession;
  readonly index: FileIndex;
  readonly terminals: TerminalRecorder;
  readonly post: (message: HostMessage) => void;
  readonly revealChat: () => Promise<void>;
  readonly log: Log;
  /** Why the open chat's model cannot take an image (naming one that can), or undefined. */
  readonly imageRefusal: () => Promise<string | undefined>;
}

/** What the controller asks of the workspace's file index. */
export type FileIndex = Pick<WorkspaceFileIndex, 'search' | 'uriOf'>;

/** Suggestions shown for one `#` mention. */
const SUGGESTION_LIMIT = 12;

export class ContextController {
  readonly draft = new ContextDraft();

  constructor(private readonly deps: ContextControllerDeps) {}

  /** Sends a typed question with the draft's attachments, each file read again now. */
  async send(text: string, options: { readonly webSearch?: boolean } = {}): Promise<void> {
    const fresh = await Promise.all(this.draft.attachments.map((attachment) => refreshFileAttachment(attachment)));
    this.draft.update(fresh);
    // A refused send (an answer still streams) keeps the chips for the next try.
    const attachments = this.deps.session.busy ? [] : this.draft.take();
    if (attachments.length > 0) this.postDraft();
    await this.deps.session.send(text, { ...options, attachments });
  }

  async handle(message: ContextMessage): Promise<void> {
    switch (message.type) {
      case 'contextQuery': {
        const ranked = await this.deps.index.search(message.query, SUGGESTION_LIMIT);
        this.deps.post({ type: 'contextSuggestions', query: message.query, items: ranked.map((r) => ({ path: r.path, matches: r.positions })) });
        return;
      }
      case 'attachFile': {
        const uri = await this.deps.index.uriOf(message.path);
        if (!uri) {
          this.notice('warning', vscode.l10n.t('{0} is not a file of this workspace.', message.path));
          return;
        }
        await this.addFiles([uri]);
        return;
      }
      case 'dropFiles':
        await this.addDropped(message.uris);
        return;
      case 'removeAttachment':
        if (this.draft.remove(message.id)) this.postDraft();
        return;
      case 'addContext':
        await this.addFromPicker();
        return;
      case 'attachBinary': {
        // Pasted or dropped from outside VS Code: the view read the bytes, the host checks them.
        const created = createBinaryAttachment(message, randomUUID);
        if (typeof created === 'string') this.notice('warning', created);
        else if (await this.imagesAllowed([created])) this.add([created]);
        return;
      }
    }
  }

  postDraft(): void {
    this.deps.post({ type: 'contextDraft', attachments: this.draft.views() });
  }

  /** Explorer → Add File to Chat: the clicked file, or every selected one. */
  async addFileToChat(clicked?: vscode.Uri, selected?: readonly vscode.Uri[]): Promise<void> {
    const uris = selected && selected.length > 0 ? selected : clicked ? [clicked] : [];
    const target = uris.length > 0 ? uris : vscode.window.activeTextEditor ? [vscode.window.activeTextEditor.document.uri] : [];
    if (target.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select a file in the Explorer, or open one, to add it to the chat.'));
      return;
    }
    await this.deps.revealChat();
    await this.addFiles(target);
    this.deps.post({ type: 'focusInput' });
  }

  /** Editor → OpenRouter Chat → Add Selection to Chat. */
  async addSelectionToChat(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const attachment = editor ? selectionAttachment(editor) : undefined;
    if (!attachment) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select some code in an editor to add it to the chat.'));
      return;
    }
    await this.deps.revealChat();
    this.add([attachment]);
    this.deps.post({ type: 'focusInput' });
  }

  async addFromPicker(): Promise<void> {
    // The picker and its sources (problems, terminal, Git) load on first use.
    const { pickContext } = await import('./addContextPicker');
    const picked = await pickContext(this.deps.terminals);
    if (picked === undefined) return;
    if (typeof picked === 'string') {
      this.notice('info', picked);
      return;
    }
    if ('files' in picked) await this.addFiles(picked.files);
    else this.add(picked.attachments);
    this.deps.post({ type: 'focusInput' });
  }

  /**
   * Files dragged from the Explorer. Only files of the workspace index are taken: a drop is too
   * easy to make by accident for files elsewhere, which need the explicit pick of Files….
   */
  private async addDropped(uriStrings: readonly string[]): Promise<void> {
    const accepted: vscode.Uri[] = [];
    for (const text of uriStrings.slice(0, 100)) {
      let uri: vscode.Uri;
      try {
        uri = vscode.Uri.parse(text, true);
      } catch {
        continue;
      }
      const indexed = await this.deps.index.uriOf(workspacePath(uri));
      if (indexed && indexed.toString() === uri.toString()) accepted.push(indexed);
      else this.notice('warning', vscode.l10n.t('{0} is not a file of this workspace; use Add context → Files… to attach files from elsewhere.', uri.path.split('/').pop() ?? text));
    }
    await this.addFiles(accepted);
  }

  private async addFiles(uris: readonly vscode.Uri[]): Promise<void> {
    const attachments: ContextAttachment[] = [];
    for (const uri of uris) {
      try {
        attachments.push(await (isBinaryFile(uri) ? binaryFileAttachment(uri) : fileAttachment(uri)));
      } catch (error) {
        const reason = error instanceof AttachmentRefused ? error.message : vscode.l10n.t('{0} could not be read: {1}', uri.fsPath, error instanceof Error ? error.message : String(error));
        this.deps.log.warn('context', reason);
        this.notice('warning', reason);
      }
    }
    if (await this.imagesAllowed(attachments)) this.add(attachments);
    else this.add(attachments.filter((attachment) => attachment.kind !== 'image'));
  }

  /** False (with a notice naming the model and one that reads images) when images are refused. */
  private async imagesAllowed(attachments: readonly ContextAttachment[]): Promise<boolean> {
    if (!attachments.some((attachment) => attachment.kind === 'image')) return true;
    const refusal = await this.deps.imageRefusal();
    if (refusal) this.notice('warning', refusal);
    return refusal === undefined;
  }

  private add(attachments: readonly ContextAttachment[]): void {
    if (attachments.length === 0) return;
    this.draft.add(...attachments);
    this.postDraft();
  }

  private notice(level: 'info' | 'warning', text: string): void {
    this.deps.post({ type: 'notice', level, text });
  }
}
