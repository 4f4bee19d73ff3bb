/**
 * Find in the conversation (Ctrl+F, Cmd+F). VS Code gives a webview in the side bar no find
 * widget (only editor-tab webviews may have one), so the view has its own, the same in both
 * places. Matches are found in the conversation's text as shown, case-insensitively, and marked
 * with the CSS Custom Highlight API (nothing is added to the DOM, so nothing is redrawn).
 *
 * A long chat's older messages may not be in the view yet, and most messages wait as
 * placeholders (messageSlot.ts): opening the bar asks for every message (`loadAll`), and a match
 * in a placeholder has its message drawn before it is shown, so the mark lands on what stays.
 */
import { el, iconButton } from '../dom';
import { t } from '../i18n';

const ALL = 'chat-find';
const CURRENT = 'chat-find-current';

export interface FindHooks {
  /** The element whose text is searched. */
  readonly root: () => HTMLElement;
  /** Asks for the messages the view does not have yet. */
  readonly loadAll: () => void;
  /** Draws the message this placeholder stands for; returns the element that replaced it. */
  readonly draw: (placeholder: HTMLElement) => HTMLElement | undefined;
  /** The bar closed: the keyboard goes back to the message box. */
  readonly closed: () => void;
}

export class FindBar {
  readonly element: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly status: HTMLElement;
  private matches: Range[] = [];
  private current = -1;

  constructor(private readonly hooks: FindHooks) {
    this.input = el('input', { className: 'find-input', attrs: { type: 'text', 'aria-label': t('Find in chat'), placeholder: t('Find in chat'), spellcheck: 'false' } });
    this.status = el('span', { className: 'find-status', attrs: { role: 'status' } });
    this.input.addEventListener('input', () => this.search(0));
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === 'F3') {
        event.preventDefault();
        this.step(event.shiftKey ? -1 : 1);
      } else if (event.key === 'Escape') {
        // Handled here: the view's own Esc would stop a running answer.
        event.preventDefault();
        this.close();
      }
    });
    this.element = el(
      'div',
      { className: 'find-bar', attrs: { role: 'search' } },
      this.input,
      this.status,
      iconButton('arrow-up', t('Previous match'), () => this.step(-1)),
      iconButton('arrow-down', t('Next match'), () => this.step(1)),
      iconButton('close', t('Close find'), () => this.close()),
    );
    this.element.hidden = true;
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** Shows the bar with its text selected, asks for every message, and searches. */
  open(): void {
    this.element.hidden = false;
    this.input.focus();
    this.input.select();
    this.hooks.loadAll();
    this.search(Math.max(0, this.current));
  }

  close(): void {
    this.element.hidden = true;
    this.matches = [];
    this.current = -1;
    CSS.highlights.delete(ALL);
    CSS.highlights.delete(CURRENT);
    this.hooks.closed();
  }

  /** The conversation changed (messages arrived or were drawn): the marks are found again, in place. */
  refresh(): void {
    if (this.isOpen) this.search(this.current, false);
  }

  /** Finds every match; `select` is the index to select (clamped), shown unless `reveal` is false. */
  private search(select: number, reveal = true): void {
    this.matches = findRanges(this.hooks.root(), this.input.value);
    this.current = this.matches.length === 0 ? -1 : Math.min(Math.max(0, select), this.matches.length - 1);
    CSS.highlights.set(ALL, new Highlight(...this.matches));
    this.show(reveal);
  }

  private step(direction: 1 | -1): void {
    if (this.matches.length === 0) return;
    this.current = (this.current + direction + this.matches.length) % this.matches.length;
    this.show(true);
  }

  /** Marks the current match and, with `reveal`, brings it into sight (drawing its message first). */
  private show(reveal: boolean): void {
    let match = this.matches[this.current];
    const placeholder = match?.startContainer.parentElement?.closest<HTMLElement>('.message-placeholder');
    if (match && placeholder && reveal) {
      // Which match of its message this is, found again in the drawn message.
      const nth = this.matches.filter((range) => placeholder.contains(range.startContainer)).indexOf(match);
      const drawn = this.hooks.draw(placeholder);
      this.matches = findRanges(this.hooks.root(), this.input.value);
      const inDrawn = drawn ? this.matches.filter((range) => drawn.contains(range.startContainer)) : [];
      match = inDrawn[Math.min(nth, inDrawn.length - 1)] ?? this.matches[Math.min(this.current, this.matches.length - 1)];
      this.current = match ? this.matches.indexOf(match) : -1;
      CSS.highlights.set(ALL, new Highlight(...this.matches));
    }
    CSS.highlights.set(CURRENT, new Highlight(...(match ? [match] : [])));
    this.status.textContent = this.input.value === '' ? '' : match ? t('{0} of {1}', this.current + 1, this.matches.length) : t('No results');
    if (!match || !reveal) return;
    // A collapsed reasoning section opens to show a match inside it.
    const details = match.startContainer.parentElement?.closest('details');
    if (details && !details.open) details.open = true;
    match.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  }
}

/**
 * Every case-insensitive occurrence of `query` in the text under `root`, in document order;
 * button labels (Copy, Insert, ...) are not part of the conversation and are skipped.
 */
export function findRanges(root: HTMLElement, query: string): Range[] {
  const needle = query.toLowerCase();
  if (needle === '') return [];
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('button') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const original = node.nodeValue ?? '';
    const text = original.toLowerCase();
    // A few characters change length when lowercased (İ): never mark past the node's end.
    for (let at = text.indexOf(needle); at >= 0 && at + needle.length <= original.length; at = text.indexOf(needle, at + needle.length)) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      ranges.push(range);
    }
  }
  return ranges;
}
