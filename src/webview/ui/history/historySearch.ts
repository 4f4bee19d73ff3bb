/**
 * The history's search box. The host holds every chat's text and answers a query with the ids
 * that match (`searchChats` → `searchResults`); only the answer to the latest query counts, so a
 * slow answer to an older one never overwrites a newer one.
 */
import type { ChatSummary } from '../../../shared/protocol';
import { el } from '../../dom';
import { t } from '../../i18n';
import { postToHost } from '../../vscodeApi';

export class HistorySearch {
  readonly element: HTMLInputElement;
  private query = '';
  private matches: ReadonlySet<string> | undefined;

  constructor(private readonly onChange: () => void) {
    this.element = el('input', {
      className: 'history-search',
      attrs: { type: 'search', 'aria-label': t('Search chats'), placeholder: t('Search chats') },
    });
    this.element.addEventListener('input', () => {
      this.query = this.element.value.trim();
      if (this.query === '') this.matches = undefined;
      else this.ask();
      this.onChange();
    });
  }

  get active(): boolean {
    return this.query !== '';
  }

  /** The host's answer; ignored unless it answers the query in the box now. */
  results(query: string, chatIds: readonly string[]): void {
    if (query !== this.query) return;
    this.matches = new Set(chatIds);
    this.onChange();
  }

  /** The chats to show: all without a query, the host's matches with one (none until it answers). */
  filter(chats: readonly ChatSummary[]): readonly ChatSummary[] {
    if (!this.active) return chats;
    const matches = this.matches;
    return matches ? chats.filter((chat) => matches.has(chat.id)) : [];
  }

  /** The history changed (a new answer, another window): the matches may have too. */
  historyChanged(): void {
    if (this.active) this.ask();
  }

  private ask(): void {
    postToHost({ type: 'searchChats', query: this.query });
  }
}
