/**
 * The composer's Web search toggle: on, the next question offers the model OpenRouter's web
 * search; it turns itself off once that question is sent.
 */
import { iconButton } from '../dom';
import { t } from '../i18n';

export class WebSearchToggle {
  readonly element: HTMLButtonElement;

  constructor() {
    // An icon toggle, so the composer's row fits a narrow side bar on one line.
    this.element = iconButton('globe', t('Web search'), () => this.set(!this.pressed), 'web-search-toggle');
    this.element.setAttribute('aria-pressed', 'false');
    this.element.title = t('Let the model search the web for the next question');
  }

  get pressed(): boolean {
    return this.element.getAttribute('aria-pressed') === 'true';
  }

  set(pressed: boolean): void {
    this.element.setAttribute('aria-pressed', String(pressed));
  }
}
