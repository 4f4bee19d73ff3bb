/**
 * Past chats, grouped by Today / Yesterday / Last 7 days / Older and searchable by title and
 * message text: reopen one, rename it, delete it (after a confirm step, then with Undo), or
 * delete them all (the host asks for a confirmation).
 *
 * Only the first screens are drawn: with 10,000 chats, drawing every row (four elements and two
 * buttons each) took the panel far past a frame. More rows are drawn as the list is scrolled to
 * its end ("Show more chats", also pressed for you when it scrolls into view); the search box
 * still searches every chat, drawn or not.
 */
import type { ChatSummary } from '../../shared/protocol';
import { button, el } from '../dom';
import { t } from '../i18n';
import { postToHost } from '../vscodeApi';
import { groupChats } from './history/historyGroups';
import { HistorySearch } from './history/historySearch';
import { formatRelativeTime } from './relativeTime';

/** Rows drawn at first, and added each time the end of the list comes into view. */
export const HISTORY_PAGE = 100;

export class HistoryPanel {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly undoBar: HTMLElement;
  private readonly search: HistorySearch;
  private chats: readonly ChatSummary[] = [];
  private currentChatId = '';
  /** How many rows are drawn; back to one page whenever the list is drawn afresh. */
  private limit = HISTORY_PAGE;
  private readonly more: HTMLButtonElement;
  private readonly moreObserver: IntersectionObserver | undefined;

  constructor() {
    this.list = el('div', { className: 'history-groups' });
    this.undoBar = el('div', { className: 'history-undo', attrs: { role: 'status' } });
    this.search = new HistorySearch(() => {
      this.limit = HISTORY_PAGE;
      this.render();
    });
    this.more = button(t('Show more chats'), () => this.showMore(), 'button-secondary history-more');
    this.moreObserver =
      typeof IntersectionObserver === 'undefined'
        ? undefined
        : new IntersectionObserver((entries) => {
            if (entries.some((entry) => entry.isIntersecting) && this.isOpen) this.showMore();
          });
    this.moreObserver?.observe(this.more);
    this.element = el(
      'section',
      { className: 'history', attrs: { id: 'history-panel', 'aria-label': t('Chat history') } },
      el('h2', { className: 'history-title', text: t('Chat history') }),
      el(
        'div',
        { className: 'history-toolbar' },
        this.search.element,
        button(t('Delete all chats'), () => postToHost({ type: 'deleteAllChats' }), 'button-secondary'),
      ),
      this.undoBar,
      this.list,
      this.more,
    );
    this.more.hidden = true;
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
    if (chats !== this.chats) this.search.historyChanged();
    this.chats = chats;
    this.currentChatId = currentChatId;
    this.render();
  }

  /** The host's answer to the search box's query. */
  searchResults(query: string, chatIds: readonly string[]): void {
    this.search.results(query, chatIds);
  }

  private render(): void {
    if (this.chats.length === 0) {
      this.list.replaceChildren(el('p', { className: 'history-empty', text: t('No past chats yet.') }));
      return;
    }
    const matching = this.search.filter(this.chats);
    this.more.hidden = matching.length <= this.limit;
    if (matching.length === 0) {
      this.list.replaceChildren(el('p', { className: 'history-empty', text: t('No chats match your search.') }));
      return;
    }
    const shown = matching.slice(0, this.limit);
    this.list.replaceChildren(
      ...groupChats(shown, Date.now()).flatMap(({ group, chats }) => [
        el('h3', { className: 'history-group', text: t(group) }),
        el('ul', { className: 'history-list', attrs: { 'aria-label': t(group) } }, ...chats.map((chat) => this.renderEntry(chat))),
      ]),
    );
  }

  private showMore(): void {
    if (this.more.hidden) return;
    this.limit += HISTORY_PAGE;
    this.render();
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
    entry.append(
      button(t('Rename'), () => this.startRename(entry, chat, title), 'button-secondary', t('Rename chat “{0}”', title)),
      button(t('Delete'), () => this.askToDelete(entry, chat, title), 'button-secondary', t('Delete chat “{0}”', title)),
    );
    return entry;
  }

  private restore(row: HTMLElement, chat: ChatSummary): void {
    const restored = this.renderEntry(chat);
    row.replaceWith(restored);
    restored.querySelector('button')?.focus();
  }

  private startRename(entry: HTMLElement, chat: ChatSummary, title: string): void {
    const input = el('input', { className: 'history-rename', attrs: { type: 'text', 'aria-label': t('Chat name') } });
    input.value = title;
    const save = (): void => {
      const name = input.value.trim();
      if (name !== '' && name !== title) postToHost({ type: 'renameChat', chatId: chat.id, title: name });
      this.restore(row, name === '' ? chat : { ...chat, title: name });
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        save();
      } else if (event.key === 'Escape') {
        // Esc cancels the rename here; it must not also stop a streaming answer.
        event.preventDefault();
        this.restore(row, chat);
      }
    });
    const row = el(
      'li',
      { className: 'history-entry history-confirm' },
      input,
      button(t('Save'), save),
      button(t('Cancel'), () => this.restore(row, chat), 'button-secondary'),
    );
    entry.replaceWith(row);
    input.focus();
    input.select();
  }

  private askToDelete(entry: HTMLElement, chat: ChatSummary, title: string): void {
    const cancel = button(t('Cancel'), () => this.restore(confirmRow, chat), 'button-secondary');
    const confirmRow = el(
      'li',
      { className: 'history-entry history-confirm' },
      el('span', { className: 'history-confirm-text', text: t('Delete “{0}”?', title) }),
      button(t('Delete'), () => this.delete(chat, title), 'button-danger', t('Confirm delete')),
      cancel,
    );
    entry.replaceWith(confirmRow);
    cancel.focus();
  }

  private delete(chat: ChatSummary, title: string): void {
    postToHost({ type: 'deleteChat', chatId: chat.id });
    const undo = button(t('Undo'), () => {
      postToHost({ type: 'undoDeleteChat', chatId: chat.id });
      this.undoBar.replaceChildren();
    }, 'button-secondary');
    this.undoBar.replaceChildren(el('span', { text: t('Deleted “{0}”.', title) }), undo);
    undo.focus();
  }
}
