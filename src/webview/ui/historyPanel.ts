/**
 * Past chats: reopen one, or delete it after a confirm step (deleting is not undoable, so one
 * stray click must not do it).
 */
import type { ChatSummary } from '../../shared/protocol';
import { button, el } from '../dom';
import { t } from '../i18n';
import { postToHost } from '../vscodeApi';
import { formatRelativeTime } from './relativeTime';

export class HistoryPanel {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private chats: readonly ChatSummary[] = [];
  private currentChatId = '';

  constructor() {
    this.list = el('ul', { className: 'history-list' });
    this.element = el(
      'section',
      { className: 'history', attrs: { id: 'history-panel', 'aria-label': t('Chat history') } },
      el('h2', { className: 'history-title', text: t('Chat history') }),
      this.list,
    );
    this.element.hidden = true;
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  setOpen(open: boolean): void {
    this.element.hidden = !open;
  }

  update(chats: readonly ChatSummary[], currentChatId: string): void {
    // Unchanged input: keep the DOM (and a pending delete confirmation) as it is.
    if (chats === this.chats && currentChatId === this.currentChatId) return;
    this.chats = chats;
    this.currentChatId = currentChatId;
    this.render();
  }

  private render(): void {
    if (this.chats.length === 0) {
      this.list.replaceChildren(el('li', { className: 'history-empty', text: t('No past chats yet.') }));
      return;
    }
    this.list.replaceChildren(...this.chats.map((chat) => this.renderEntry(chat)));
  }

  private renderEntry(chat: ChatSummary): HTMLElement {
    const title = chat.title || t('Untitled chat');
    const open = el(
      'button',
      { className: 'history-open', attrs: { type: 'button' }, onClick: () => postToHost({ type: 'openChat', chatId: chat.id }) },
      el('span', { className: 'history-chat-title', text: title }),
      el('span', { className: 'history-chat-time', text: formatRelativeTime(chat.updatedAt) }),
    );
    if (chat.id === this.currentChatId) open.setAttribute('aria-current', 'true');
    const entry = el('li', { className: 'history-entry' }, open);
    const remove = button(t('Delete'), () => this.askToDelete(entry, chat, title), 'button-secondary', t('Delete chat “{0}”', title));
    entry.append(remove);
    return entry;
  }

  private askToDelete(entry: HTMLElement, chat: ChatSummary, title: string): void {
    const cancel = button(t('Cancel'), () => {
      const restored = this.renderEntry(chat);
      confirmRow.replaceWith(restored);
      restored.querySelector('button')?.focus();
    }, 'button-secondary');
    const confirmRow = el(
      'li',
      { className: 'history-entry history-confirm' },
      el('span', { className: 'history-confirm-text', text: t('Delete “{0}”?', title) }),
      button(t('Delete'), () => postToHost({ type: 'deleteChat', chatId: chat.id }), 'button-danger', t('Confirm delete')),
      cancel,
    );
    entry.replaceWith(confirmRow);
    cancel.focus();
  }
}
