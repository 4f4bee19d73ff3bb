/** Short notices from the host or the view itself ("a request is already running"). */
import type { HostMessage } from '../../shared/protocol';
import { button, el } from '../dom';
import { t } from '../i18n';

type NoticeLevel = Extract<HostMessage, { type: 'notice' }>['level'];

export class NoticeBar {
  readonly element: HTMLElement;
  private readonly text: HTMLElement;

  constructor() {
    this.text = el('span', { className: 'notice-text' });
    // The live region exists from the start so screen readers announce text put into it later.
    this.element = el('div', { className: 'notice', attrs: { role: 'status', 'aria-live': 'polite' } }, this.text);
    this.element.append(button(t('Dismiss'), () => this.clear(), 'button-secondary notice-dismiss'));
    this.element.hidden = true;
  }

  show(level: NoticeLevel, message: string): void {
    this.element.dataset.level = level;
    this.text.textContent = message;
    this.element.hidden = false;
  }

  clear(): void {
    this.element.hidden = true;
    this.text.textContent = '';
  }
}
