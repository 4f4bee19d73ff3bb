/** The view's header: New chat, the History toggle and the model in use. */
import { button, el } from '../dom';
import { t } from '../i18n';

export class Header {
  readonly element: HTMLElement;
  private readonly historyToggle: HTMLButtonElement;
  private readonly model: HTMLElement;

  constructor(onNewChat: () => void, onToggleHistory: () => void) {
    this.historyToggle = button(t('History'), onToggleHistory, 'button-secondary');
    this.historyToggle.setAttribute('aria-expanded', 'false');
    this.historyToggle.setAttribute('aria-controls', 'history-panel');
    this.model = el('span', { className: 'header-model' });
    this.element = el(
      'header',
      { className: 'header' },
      this.model,
      el('div', { className: 'header-actions' }, button(t('New chat'), onNewChat, 'button-secondary'), this.historyToggle),
    );
  }

  setHistoryOpen(open: boolean): void {
    this.historyToggle.setAttribute('aria-expanded', String(open));
  }

  setModel(model: string): void {
    this.model.textContent = model;
    this.model.title = t('Model: {0}', model);
  }
}
