/**
 * The message box. Enter sends, Shift+Enter inserts a newline. While an answer streams, Stop is
 * shown and Send stays on: the app queues what is sent then (see QueuedMessages), so two answers
 * never interleave. Send is off only while a send waits for the host's reply.
 *
 * Context: the attachments waiting for the next question show as chips above the box (the host
 * owns that list); `#` and a few letters open the file suggestions; "Add context" asks the host
 * for its other sources.
 */
import type { AttachmentView, ContextUsage, FileSuggestion } from '../../shared/protocol';
import { button, el, iconButton } from '../dom';
import { t } from '../i18n';
import { createChipList, renderChips } from './composer/attachmentChips';
import { activeMention, withoutMention, type ActiveMention } from './composer/mentionQuery';
import { MentionPopup } from './composer/mentionPopup';
import { ContextMeter } from './composer/contextMeter';
import { WebSearchToggle } from './webSearchToggle';
import { filesOf, readAttachment, type AttachBinary } from './composer/pastedFiles';

export interface ComposerHandlers {
  /** Returns whether the text was sent (false: refused, the draft stays). */
  readonly onSend: (text: string) => boolean;
  readonly onStop: () => void;
  readonly onDraftChange: (draft: string) => void;
  /** A `#` mention changed: rank files for `query`. */
  readonly onMentionQuery: (query: string) => void;
  readonly onAttachFile: (path: string) => void;
  readonly onRemoveAttachment: (id: string) => void;
  readonly onAddContext: () => void;
  readonly onDropFiles: (uris: string[]) => void;
  /** An image pasted, or an image or PDF dropped from outside VS Code, read (see pastedFiles.ts). */
  readonly onAttachBinary: (message: AttachBinary) => void;
  /** A pasted or dropped file cannot be attached: why, in words for the user. */
  readonly onAttachRefused: (text: string) => void;
}

export class Composer {
  readonly element: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly chips = createChipList(t('Attached context'));
  private readonly mentions: MentionPopup;
  private readonly meter = new ContextMeter();
  /** The mention being typed, if any; suggestions for another query are stale and ignored. */
  private mention: ActiveMention | undefined;
  private readonly actions: HTMLElement;
  private busy = false;
  /** Read and reset by the app when a question is sent. */
  readonly webSearch = new WebSearchToggle();
  /** Says that the chat's model answers without the workspace tools (its /models entry lacks them). */
  private readonly toolsNote = el('p', {
    className: 'composer-note',
    attrs: { role: 'note' },
    text: t('This model cannot use tools: it answers without reading your workspace.'),
  });

  constructor(private readonly handlers: ComposerHandlers, draft: string) {
    this.input = el('textarea', {
      className: 'composer-input',
      attrs: { 'aria-label': t('Message'), placeholder: t('Ask about your code (Enter to send, Shift+Enter for a new line)'), rows: '2' },
    });
    this.input.value = draft;
    this.sendButton = button(t('Send'), () => this.send(), 'button');
    this.stopButton = button(t('Stop'), () => this.handlers.onStop(), 'button-secondary');
    this.stopButton.hidden = true;
    this.mentions = new MentionPopup((suggestion) => this.pickMention(suggestion.path));
    this.input.setAttribute('aria-controls', this.mentions.element.id);
    const addContext = iconButton('attach', t('Add context'), () => this.handlers.onAddContext());
    this.actions = el('div', { className: 'composer-actions' }, addContext, this.webSearch.element, el('span', { className: 'composer-spacer' }), this.stopButton, this.sendButton);
    this.element = el(
      'div',
      { className: 'composer' },
      this.chips,
      el('div', { className: 'composer-box' }, this.mentions.element, this.input),
      this.actions,
      this.toolsNote,
      this.meter.element,
    );
    this.input.addEventListener('input', () => {
      this.updateSendButton();
      this.handlers.onDraftChange(this.input.value);
      this.updateMention();
      this.meter.update(this.input.value);
    });
    this.input.addEventListener('click', () => this.updateMention());
    // Files dragged from the Explorer (VS Code asks for Shift to drop into a webview).
    this.element.addEventListener('dragover', (event) => {
      if (!hasUris(event.dataTransfer) && !event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    });
    this.element.addEventListener('drop', (event) => {
      const uris = droppedUris(event.dataTransfer);
      if (uris.length > 0) {
        event.preventDefault();
        this.handlers.onDropFiles(uris);
        return;
      }
      // From outside VS Code (no URIs): images and PDFs are read here.
      const files = event.dataTransfer ? [...event.dataTransfer.files] : [];
      if (files.length === 0) return;
      event.preventDefault();
      void this.attachFiles(files);
    });
    // A pasted image (a screenshot) becomes a chip; pasted text stays text.
    this.input.addEventListener('paste', (event) => {
      const images = filesOf(event.clipboardData, { pdf: false });
      if (images.length === 0) return;
      event.preventDefault();
      void this.attachFiles(images);
    });
    this.input.addEventListener('blur', () => this.closeMention());
    this.input.addEventListener('keydown', (event) => {
      if (event.isComposing) return;
      if (this.mentions.isOpen && this.mentionKey(event)) return;
      if (event.key !== 'Enter' || event.shiftKey) return;
      event.preventDefault();
      this.send();
    });
    this.updateSendButton();
  }

  /** The host's list of attachments waiting for the next question. */
  setAttachments(attachments: readonly AttachmentView[]): void {
    renderChips(this.chips, attachments, (attachment) => this.handlers.onRemoveAttachment(attachment.id));
  }

  setUsage(usage: ContextUsage): void {
    this.meter.setUsage(usage, this.input.value);
  }

  /** The host ranked files for `query`; shown only if that mention is still being typed. */
  showSuggestions(query: string, items: readonly FileSuggestion[]): void {
    if (this.mention?.query !== query) return;
    this.mentions.show(items);
    this.syncActiveDescendant();
  }

  /** `streaming`: an answer is arriving (Stop shown); `busy`: a send awaits the host (Send disabled). */
  setBusy(busy: boolean, streaming: boolean): void {
    this.busy = busy;
    this.stopButton.hidden = !streaming;
    this.updateSendButton();
  }

  /** Shows or hides the note that the model answers without the workspace tools. */
  setToolsUnsupported(unsupported: boolean): void {
    this.toolsNote.hidden = !unsupported;
  }

  focus(): void {
    this.input.focus();
  }

  /** Puts refused text back if the box is still empty (e.g. the host said no key is set). */
  restoreDraft(text: string): void {
    if (this.input.value !== '') return;
    this.input.value = text;
    this.updateSendButton();
    this.handlers.onDraftChange(text);
  }

  /** The message box, for the pieces that work on what is typed (slash commands). */
  get textArea(): HTMLTextAreaElement {
    return this.input;
  }

  /** Replaces what is typed (a slash command picked, a quote, a queued message taken back to edit). */
  setDraft(text: string): void {
    this.input.value = text;
    this.updateSendButton();
    this.handlers.onDraftChange(text);
  }

  /** Controls shown before Stop and Send (the chat's model and effort). */
  addControls(...controls: HTMLElement[]): void {
    this.actions.prepend(...controls);
  }

  private async attachFiles(files: readonly File[]): Promise<void> {
    for (const file of files) {
      const read = await readAttachment(file).catch(() => t('{0} could not be read.', file.name));
      if (typeof read === 'string') this.handlers.onAttachRefused(read);
      else this.handlers.onAttachBinary(read);
    }
  }

  private send(): void {
    const text = this.input.value.trim();
    if (text === '') return;
    if (!this.handlers.onSend(text)) return;
    this.input.value = '';
    this.updateSendButton();
    this.handlers.onDraftChange('');
  }

  /** Keys the open suggestion list takes; returns whether it took this one. */
  private mentionKey(event: KeyboardEvent): boolean {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        this.mentions.move(event.key === 'ArrowDown' ? 1 : -1);
        this.syncActiveDescendant();
        break;
      case 'Enter':
      case 'Tab':
        if (event.shiftKey || !this.mentions.pickActive()) return false;
        break;
      case 'Escape':
        // Esc closes the list; it must not also stop a streaming answer.
        event.stopPropagation();
        this.closeMention();
        break;
      default:
        return false;
    }
    event.preventDefault();
    return true;
  }

  private updateMention(): void {
    const caret = this.input.selectionStart === this.input.selectionEnd ? this.input.selectionStart : null;
    const mention = caret === null ? undefined : activeMention(this.input.value, caret);
    if (!mention) return this.closeMention();
    if (mention.query === this.mention?.query && mention.start === this.mention.start) return;
    this.mention = mention;
    this.handlers.onMentionQuery(mention.query);
  }

  private pickMention(path: string): void {
    const mention = this.mention;
    if (mention) {
      const { text, caret } = withoutMention(this.input.value, mention);
      this.input.value = text;
      this.input.setSelectionRange(caret, caret);
      this.updateSendButton();
      this.handlers.onDraftChange(text);
    }
    this.closeMention();
    this.handlers.onAttachFile(path);
  }

  private closeMention(): void {
    this.mention = undefined;
    if (this.mentions.isOpen) this.mentions.close();
    this.syncActiveDescendant();
  }

  private syncActiveDescendant(): void {
    const id = this.mentions.activeId;
    if (id) this.input.setAttribute('aria-activedescendant', id);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private updateSendButton(): void {
    this.sendButton.disabled = this.busy || this.input.value.trim() === '';
  }
}

/** VS Code's own list type first (it survives the drag out of the Explorer), then the standard one. */
const URI_LIST_TYPES = ['application/vnd.code.uri-list', 'text/uri-list'];

function hasUris(data: DataTransfer | null): boolean {
  return !!data && URI_LIST_TYPES.some((type) => data.types.includes(type));
}

/** The URIs of a drop: one per line of a uri-list, `#` lines are comments. */
export function droppedUris(data: DataTransfer | null): string[] {
  if (!data) return [];
  for (const type of URI_LIST_TYPES) {
    const list = data.getData(type);
    if (!list) continue;
    return list
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
  }
  return [];
}
