/** The view's header: New chat, the History and Parameters toggles, the model and the chat's cost. */
import { button, el } from '../dom';
import { t } from '../i18n';
import { formatCostUsd } from '../../shared/costFormat';

export class Header {
  readonly element: HTMLElement;
  private readonly historyToggle: HTMLButtonElement;
  private readonly model: HTMLElement;
  private readonly cost: HTMLElement;
  private readonly parametersToggle: HTMLButtonElement;

  constructor(onNewChat: () => void, onToggleHistory: () => void, onToggleParameters: () => void) {
    this.historyToggle = button(t('History'), onToggleHistory, 'button-secondary');
    this.historyToggle.setAttribute('aria-expanded', 'false');
    this.historyToggle.setAttribute('aria-controls', 'history-panel');
    this.parametersToggle = button(t('Parameters'), onToggleParameters, 'button-secondary');
    this.parametersToggle.setAttribute('aria-expanded', 'false');
    this.parametersToggle.setAttribute('aria-controls', 'parameters-panel');
    this.model = el('span', { className: 'header-model' });
    this.cost = el('span', { className: 'header-cost' });
    this.cost.hidden = true;
    this.element = el(
      'header',
      { className: 'header' },
      el('div', { className: 'header-info' }, this.model, this.cost),
      el('div', { className: 'header-actions' }, button(t('New chat'), onNewChat, 'button-secondary'), this.historyToggle, this.parametersToggle),
    );
  }

  setHistoryOpen(open: boolean): void {
    this.historyToggle.setAttribute('aria-expanded', String(open));
  }

  setParametersOpen(open: boolean, chatHasOwn: boolean): void {
    this.parametersToggle.setAttribute('aria-expanded', String(open));
    // A chat with its own parameters says so on the button, even with the panel closed.
    this.parametersToggle.classList.toggle('has-overrides', chatHasOwn);
  }

  /** The chat's running cost; hidden until an answer reported one. */
  setCost(totalUsd: number | undefined): void {
    this.cost.hidden = totalUsd === undefined;
    const text = totalUsd === undefined ? '' : formatCostUsd(totalUsd);
    this.cost.textContent = text;
    this.cost.title = t('Chat cost: {0}', text);
  }

  setModel(model: string): void {
    this.model.textContent = model;
    this.model.title = t('Model: {0}', model);
  }
}
