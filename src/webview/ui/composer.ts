/**
 * The message box. Enter sends, Shift+Enter inserts a newline. While an answer streams, Stop is
 * shown and Send stays on: the app queues what is sent then (see QueuedMessages), so two answers
 * never interleave. Send is off only while a send waits for the host's reply.
 */
import { button, el } from '../dom';
import { t } from '../i18n';

export interface ComposerHandlers {
  /** Returns whether the text was sent (false: refused, the draft stays). */
  readonly onSend: (text: string) => boolean;
  readonly onStop: () => void;
  readonly onDraftChange: (draft: string) => void;
}

export class Composer {
  readonly element: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly actions: HTMLElement;
  private busy = false;

  constructor(private readonly handlers: ComposerHandlers, draft: string) {
    this.input = el('textarea', {
      className: 'composer-input',
      attrs: { 'aria-label': t('Message'), placeholder: t('Ask about your code (Enter to send, Shift+Enter for a new line)'), rows: '2' },
    });
    this.input.value = draft;
    this.sendButton = button(t('Send'), () => this.send(), 'button');
    this.stopButton = button(t('Stop'), () => this.handlers.onStop(), 'button-secondary');
    this.stopButton.hidden = true;
    this.actions = el('div', { className: 'composer-actions' }, this.stopButton, this.sendButton);
    this.element = el('div', { className: 'composer' }, this.input, this.actions);
    this.input.addEventListener('input', () => {
      this.updateSendButton();
      this.handlers.onDraftChange(this.input.value);
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
      event.preventDefault();
      this.send();
    });
    this.updateSendButton();
  }

  /** `streaming`: an answer is arriving (Stop shown); `busy`: a send awaits the host (Send disabled). */
  setBusy(busy: boolean, streaming: boolean): void {
    this.busy = busy;
    this.stopButton.hidden = !streaming;
    this.updateSendButton();
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

  private send(): void {
    const text = this.input.value.trim();
    if (text === '') return;
    if (!this.handlers.onSend(text)) return;
    this.input.value = '';
    this.updateSendButton();
    this.handlers.onDraftChange('');
  }

  private updateSendButton(): void {
    this.sendButton.disabled = this.busy || this.input.value.trim() === '';
  }
}
