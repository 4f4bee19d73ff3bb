/**
 * The `#` mention's suggestion list: a listbox of workspace files under the Message box. The
 * text box keeps the focus; arrows move the active option, Enter or Tab picks it, Esc closes.
 */
import type { FileSuggestion } from '../../../shared/protocol';
import { el } from '../../dom';
import { t } from '../../i18n';

let nextId = 0;

export class MentionPopup {
  readonly element: HTMLUListElement;
  private items: readonly FileSuggestion[] = [];
  private active = 0;

  constructor(private readonly onPick: (suggestion: FileSuggestion) => void) {
    this.element = el('ul', { className: 'mention-popup', attrs: { role: 'listbox', 'aria-label': t('Context suggestions') } });
    this.element.id = `mention-popup-${nextId++}`;
    this.element.hidden = true;
    // Pointer picks must not move the focus out of the text box.
    this.element.addEventListener('mousedown', (event) => event.preventDefault());
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** The active option's element id, for the text box's aria-activedescendant. */
  get activeId(): string | undefined {
    return this.isOpen ? this.element.children[this.active]?.id : undefined;
  }

  show(items: readonly FileSuggestion[]): void {
    this.items = items;
    this.active = 0;
    this.element.replaceChildren(...items.map((item, index) => this.option(item, index)));
    if (items.length === 0) this.element.append(el('li', { className: 'mention-empty', text: t('No matching files') }));
    this.element.hidden = false;
    this.highlight();
  }

  close(): void {
    this.element.hidden = true;
    this.items = [];
    this.element.replaceChildren();
  }

  move(step: number): void {
    if (this.items.length === 0) return;
    this.active = (this.active + step + this.items.length) % this.items.length;
    this.highlight();
  }

  /** Picks the active option; false when there is none. */
  pickActive(): boolean {
    const item = this.items[this.active];
    if (!item) return false;
    this.onPick(item);
    return true;
  }

  private option(item: FileSuggestion, index: number): HTMLLIElement {
    const slash = item.path.lastIndexOf('/');
    const name = highlighted(item.path, item.matches, slash + 1, item.path.length);
    const folder = slash > 0 ? [el('span', { className: 'mention-folder' }, ...highlighted(item.path, item.matches, 0, slash))] : [];
    const option = el('li', { className: 'mention-option', attrs: { role: 'option', 'aria-selected': 'false', title: item.path } }, el('span', { className: 'mention-name' }, ...name), ...folder);
    option.id = `${this.element.id}-${index}`;
    option.addEventListener('click', () => {
      this.active = index;
      this.pickActive();
    });
    return option;
  }

  private highlight(): void {
    Array.from(this.element.children).forEach((child, index) => child.setAttribute('aria-selected', String(index === this.active)));
    this.element.children[this.active]?.scrollIntoView({ block: 'nearest' });
  }
}

/** `path[from..to)` with the matched characters in <mark>. */
function highlighted(path: string, matches: readonly number[], from: number, to: number): Node[] {
  const marked = new Set(matches);
  const nodes: Node[] = [];
  let run = '';
  let runMarked = false;
  const flush = (): void => {
    if (run === '') return;
    nodes.push(runMarked ? el('mark', { text: run }) : document.createTextNode(run));
    run = '';
  };
  for (let i = from; i < to; i++) {
    const isMarked = marked.has(i);
    if (isMarked !== runMarked) {
      flush();
      runMarked = isMarked;
    }
    run += path[i] ?? '';
  }
  flush();
  return nodes;
}
