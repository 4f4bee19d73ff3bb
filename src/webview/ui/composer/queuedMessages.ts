/**
 * Messages typed while an answer streams. They wait here, shown as queued, and the app sends the
 * first one when the answer ends; after Stop (or an error) they stay until the user sends,
 * edits or removes them.
 */
import { button, el } from '../../dom';
import { t } from '../../i18n';

export class QueuedMessages {
  readonly element: HTMLElement;
  private items: string[] = [];

  /** `onEdit` gets the text of a queued message taken back into the Message box. */
  constructor(private readonly onEdit: (text: string) => void) {
    this.element = el('ul', { className: 'queued-messages' });
    this.element.hidden = true;
  }

  get size(): number {
    return this.items.length;
  }

  add(text: string): void {
    this.items.push(text);
    this.render();
  }

  /** The oldest queued message, removed from the queue. */
  takeFirst(): string | undefined {
    const first = this.items.shift();
    this.render();
    return first;
  }

  private render(): void {
    this.element.hidden = this.items.length === 0;
    this.element.replaceChildren(
      ...this.items.map((text, index) =>
        el(
          'li',
          { className: 'queued-message' },
          el('span', { className: 'queued-label', text: t('Queued') }),
          el('span', { className: 'queued-text', text }),
          button(t('Edit'), () => this.edit(index), 'button-secondary', t('Edit queued message')),
          button('×', () => this.remove(index), 'button-secondary', t('Remove queued message')),
        ),
      ),
    );
  }

  private edit(index: number): void {
    const text = this.items[index];
    this.remove(index);
    if (text !== undefined) this.onEdit(text);
  }

  private remove(index: number): void {
    this.items.splice(index, 1);
    this.render();
  }
}
