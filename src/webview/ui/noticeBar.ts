/** Short notices from the host or the view itself ("a request is already running"), with optional buttons. */
import type { ErrorAction, HostMessage } from '../../shared/protocol';
import { button, el } from '../dom';
import { t } from '../i18n';
import { postToHost } from '../vscodeApi';
import { errorActionLabel } from './errorBox';

type NoticeLevel = Extract<HostMessage, { type: 'notice' }>['level'];

export class NoticeBar {
  readonly element: HTMLElement;
  private readonly text: HTMLElement;
  private readonly actions: HTMLElement;

  constructor() {
    this.text = el('span', { className: 'notice-text' });
    this.actions = el('span', { className: 'notice-actions' });
    // The live region exists from the start so screen readers announce text put into it later.
    this.element = el('div', { className: 'notice', attrs: { role: 'status', 'aria-live': 'polite' } }, this.text, this.actions);
    this.element.append(button(t('Dismiss'), () => this.clear(), 'button-secondary notice-dismiss'));
    this.element.hidden = true;
  }

  show(level: NoticeLevel, message: string, actions: readonly ErrorAction[] = []): void {
    this.element.dataset.level = level;
    this.text.textContent = message;
    this.actions.replaceChildren(
      ...actions.map((action) =>
        button(errorActionLabel(action), () => {
          postToHost({ type: 'action', action });
          this.clear();
        }),
      ),
    );
    this.element.hidden = false;
  }

  clear(): void {
    this.element.hidden = true;
    this.text.textContent = '';
    this.actions.replaceChildren();
  }
}
