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
/** Beyond this many matches (a one-letter query in a long chat) only the first are marked and counted. */
export const MAX_MATCHES = 5_000;

export interface FindHooks {
  /** The element whose text is searched. */
  readonly root: () => HTMLElement;
  /** The element that scrolls it: a new search starts at the first match in sight. */
  readonly scroller: () => HTMLElement;
  /** Asks for the messages the view does not have yet. */
  readonly loadAll: () => void;
  /** Draws the message this placeholder stands for; returns the element that replaced it. */
  readonly draw: (placeholder: HTMLElement) => HTMLElement | undefined;
  /** The bar closed (the element that had the keyboard before it opened, if still there, gets it back). */
  readonly closed: (focusBefore: HTMLElement | undefined) => void;
}

/** Where a match is, in terms that survive its message being drawn: the message and which match in it. */
interface MatchPlace {
  readonly messageId: string;
  readonly nth: number;
}

export class FindBar {
  readonly element: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly status: HTMLElement;
  private matches: Range[] = [];
  private current = -1;
  private focusBefore: HTMLElement | undefined;

  constructor(private readonly hooks: FindHooks) {
    this.input = el('input', { className: 'find-input', attrs: { type: 'text', 'aria-label': t('Find in chat'), placeholder: t('Find in chat'), spellcheck: 'false' } });
    this.status = el('span', { className: 'find-status', attrs: { role: 'status' } });
    this.input.addEventListener('input', () => this.search(undefined, true));
    this.input.addEventListener('keydown', (event) => {
      if ((event.key === 'Enter' && !event.isComposing) || event.key === 'F3') {
        event.preventDefault();
        this.step(event.shiftKey ? -1 : 1);
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
    // Esc anywhere in the bar closes it; handled here, since the view's own Esc stops a running answer.
    this.element.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      // Ours alone: not passed on to VS Code as a key for the workbench.
      event.stopPropagation();
      this.close();
    });
    this.element.hidden = true;
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** Shows the bar with its text selected, asks for every message, and searches. */
  open(): void {
    if (!this.isOpen) {
      const active = document.activeElement;
      this.focusBefore = active instanceof HTMLElement && active !== document.body && !this.element.contains(active) ? active : undefined;
    }
    this.element.hidden = false;
    this.input.focus();
    this.input.select();
    this.hooks.loadAll();
    this.search(this.place(), true);
  }

  close(): void {
    this.element.hidden = true;
    this.matches = [];
    this.current = -1;
    CSS.highlights.delete(ALL);
    CSS.highlights.delete(CURRENT);
    const before = this.focusBefore?.isConnected ? this.focusBefore : undefined;
    this.focusBefore = undefined;
    this.hooks.closed(before);
  }

  /** The conversation changed (messages arrived or were drawn): the marks are found again, the current one kept. */
  refresh(): void {
    if (this.isOpen) this.search(this.place(), false);
  }

  /**
   * Finds every match and selects the one at `place` (the same match after a change), or else the
   * first in sight; `reveal` brings it into sight.
   */
  private search(place: MatchPlace | undefined, reveal: boolean): void {
    this.matches = findRanges(this.hooks.root(), this.input.value);
    this.current = this.matches.length === 0 ? -1 : place ? this.indexOf(place) : this.firstInSight();
    this.markAll();
    this.show(reveal);
  }

  private step(direction: 1 | -1): void {
    if (this.matches.length === 0) return;
    this.current = (this.current + direction + this.matches.length) % this.matches.length;
    this.show(true);
  }

  /** Marks the current match and, with `reveal`, brings it into sight (drawing its message first). */
  private show(reveal: boolean): void {
    const match = this.matches[this.current];
    const placeholder = match?.startContainer.parentElement?.closest<HTMLElement>('.message-placeholder');
    if (match && placeholder && reveal) {
      // The placeholder is replaced by its drawn message: the same match is found again there.
      const place = this.place();
      if (this.hooks.draw(placeholder)) return this.search(place, true);
    }
    CSS.highlights.set(CURRENT, new Highlight(...(match ? [match] : [])));
    const more = this.matches.length >= MAX_MATCHES ? '+' : '';
    const status = this.input.value === '' ? '' : match ? t('{0} of {1}', this.current + 1, `${this.matches.length}${more}`) : t('No results');
    // Rewritten only when it changes: a status region reads out every change.
    if (this.status.textContent !== status) this.status.textContent = status;
    if (!match || !reveal) return;
    // A collapsed reasoning section opens to show a match inside it.
    const details = match.startContainer.parentElement?.closest('details');
    if (details && !details.open) details.open = true;
    match.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  }

  private markAll(): void {
    const all = new Highlight();
    for (const range of this.matches) all.add(range);
    CSS.highlights.set(ALL, all);
  }

  /** The current match's message and its rank among that message's matches. */
  private place(): MatchPlace | undefined {
    const match = this.matches[this.current];
    const message = match && messageOf(match);
    if (!match || !message) return undefined;
    return { messageId: message.dataset.messageId ?? '', nth: this.matches.filter((range) => messageOf(range) === message).indexOf(match) };
  }

  /** The match at `place`, or the nearest one in that message; the first in sight if the message has none now. */
  private indexOf(place: MatchPlace): number {
    const inMessage = this.matches.flatMap((range, index) => (messageOf(range)?.dataset.messageId === place.messageId ? [index] : []));
    return inMessage[Math.min(place.nth, inMessage.length - 1)] ?? this.firstInSight();
  }

  /** The first match whose message reaches into the visible part of the conversation (else the last one). */
  private firstInSight(): number {
    const top = this.hooks.scroller().getBoundingClientRect().top;
    // Matches are in document order, so their messages' bottoms only grow: a binary search.
    let low = 0;
    let high = this.matches.length - 1;
    let found = this.matches.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const message = messageOf(this.matches[middle] as Range);
      if ((message?.getBoundingClientRect().bottom ?? 0) > top) {
        found = middle;
        high = middle - 1;
      } else low = middle + 1;
    }
    return found;
  }
}

function messageOf(range: Range): HTMLElement | null | undefined {
  return range.startContainer.parentElement?.closest<HTMLElement>('[data-message-id]');
}

/**
 * Not part of the conversation, and not in a placeholder (which would count a match only while its
 * message is drawn): button labels (Copy, Insert, ...), an answer's "Thought for N s" and its stats line.
 */
const CHROME = 'button, .reasoning-summary, .stats';

/**
 * Every case-insensitive occurrence of `query` in the text under `root`, in document order, at
 * most MAX_MATCHES, the view's chrome skipped.
 */
export function findRanges(root: HTMLElement, query: string): Range[] {
  const needle = query.toLowerCase();
  if (needle === '') return [];
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(CHROME) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node && ranges.length < MAX_MATCHES; node = walker.nextNode()) {
    const original = node.nodeValue ?? '';
    const text = original.toLowerCase();
    // A few characters change length when lowercased (İ): never mark past the node's end.
    for (let at = text.indexOf(needle); at >= 0 && at + needle.length <= original.length && ranges.length < MAX_MATCHES; at = text.indexOf(needle, at + needle.length)) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      ranges.push(range);
    }
  }
  return ranges;
}
