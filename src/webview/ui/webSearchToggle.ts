/**
 * The composer's Web search toggle: on, the next question offers the model OpenRouter's web
 * search; it turns itself off once that question is sent.
 */
import { el } from '../dom';
import { t } from '../i18n';

export class WebSearchToggle {
  readonly element: HTMLButtonElement;

  constructor() {
    this.element = el('button', {
      className: 'button-secondary web-search-toggle',
      text: t('Web search'),
      attrs: { type: 'button', 'aria-pressed': 'false', title: t('Let the model search the web for the next question') },
      onClick: () => this.set(!this.pressed),
    });
  }

  get pressed(): boolean {
    return this.element.getAttribute('aria-pressed') === 'true';
  }

  set(pressed: boolean): void {
    this.element.setAttribute('aria-pressed', String(pressed));
  }
}
