/**
 * The view's header: what the title bar cannot show, the current chat's title and its running
 * cost. New chat, History, Select Model and Parameters are the view's title actions (see
 * package.json `view/title`), drawn by the workbench like every built-in view's.
 */
import { el } from '../dom';
import { t } from '../i18n';
import { formatCostUsd } from '../../shared/costFormat';

export class Header {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly cost: HTMLElement;

  constructor() {
    this.title = el('h1', { className: 'header-title' });
    this.cost = el('span', { className: 'header-cost' });
    this.cost.hidden = true;
    this.element = el('header', { className: 'header' }, this.title, this.cost);
  }

  /** The chat's title; a chat not yet titled (nothing sent) is "New chat". */
  setTitle(title: string): void {
    const shown = title.trim() === '' || title === 'New chat' ? t('New chat') : title;
    this.title.textContent = shown;
    // A long title is cut with an ellipsis; the tooltip keeps the whole of it.
    this.title.title = shown;
  }

  /** The chat's running cost; hidden until an answer reported one. */
  setCost(totalUsd: number | undefined): void {
    this.cost.hidden = totalUsd === undefined;
    const text = totalUsd === undefined ? '' : formatCostUsd(totalUsd);
    this.cost.textContent = text;
    this.cost.title = t('Chat cost: {0}', text);
  }
}
