/**
 * One user message, rendered as markdown through the answers' sanitizer (a code action's question
 * as a compact card), with an Edit button that swaps in an inline editor; resending posts
 * `editAndResend`.
 */
import type { MessageView } from '../../shared/protocol';
import { button, el, iconButton } from '../dom';
import { t } from '../i18n';
import { postToHost } from '../vscodeApi';
import { createChipList, renderChips } from './composer/attachmentChips';
import { createCodeActionCard } from './codeActionCard';
import { renderMarkdown } from './userMarkdown';

export class UserMessageView {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private readonly editButton: HTMLButtonElement;
  private editing = false;

  constructor(private message: MessageView) {
    this.body = el('div', { className: 'user-text' });
    this.renderBody();
    this.editButton = iconButton('edit', t('Edit'), () => this.startEditing());
    // The context sent with this question; it is sent again on Regenerate and on Edit → Resend.
    const context: HTMLElement[] = [];
    if (message.attachments?.length) {
      const list = createChipList(t('Context sent'));
      renderChips(list, message.attachments);
      context.push(list);
    }
    // Its classes and attributes are the slot's to set (messageMarks.ts), the same as its placeholder's.
    this.element = el('article', {}, ...context, this.body, el('div', { className: 'message-actions' }, this.editButton));
  }

  get id(): string {
    return this.message.id;
  }

  get current(): MessageView {
    return this.message;
  }

  /** Editing would rewrite the conversation under a running request, so it waits. */
  setEditable(editable: boolean): void {
    this.editButton.disabled = !editable;
  }

  private renderBody(): void {
    const { label, content } = this.message;
    if (label) {
      this.body.className = 'user-text';
      this.body.replaceChildren(createCodeActionCard(label, content));
    } else {
      this.body.className = 'user-text markdown-body';
      renderMarkdown(this.body, content);
    }
  }

  private startEditing(): void {
    if (this.editing) return;
    this.editing = true;
    const editor = el('textarea', { className: 'edit-input', attrs: { 'aria-label': t('Edit message'), rows: '3' } });
    editor.value = this.message.content;
    const resend = (): void => {
      const text = editor.value.trim();
      if (text === '' || this.editButton.disabled) return;
      postToHost({ type: 'editAndResend', messageId: this.message.id, text });
      this.message = { ...this.message, content: text };
      this.renderBody();
      this.stopEditing(form);
    };
    const form = el(
      'div',
      { className: 'edit-form' },
      editor,
      el('div', { className: 'edit-actions' }, button(t('Resend'), resend), button(t('Cancel'), () => this.stopEditing(form), 'button-secondary')),
    );
    editor.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        resend();
      } else if (event.key === 'Escape') {
        // Esc here means "cancel the edit", not "stop the stream".
        event.stopPropagation();
        this.stopEditing(form);
      }
    });
    this.body.hidden = true;
    this.editButton.hidden = true;
    this.body.after(form);
    editor.focus();
  }

  private stopEditing(form: HTMLElement): void {
    form.remove();
    this.body.hidden = false;
    this.editButton.hidden = false;
    this.editing = false;
    this.editButton.focus();
  }
}
