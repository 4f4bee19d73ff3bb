/**
 * The context meter: the tokens the next request will use against what the model's window
 * allows (its context length minus the answer's room). The host sends the figure for the chat and
 * the attachments; the text being typed is added here, so the meter follows every keystroke.
 * It warns from 80 %.
 */
import type { ContextUsage } from '../../../shared/protocol';
import { el } from '../../dom';
import { t } from '../../i18n';
import { formatTokens } from './attachmentChips';

export const WARN_AT = 0.8;

export class ContextMeter {
  readonly element: HTMLElement;
  private readonly bar: HTMLElement;
  private readonly label: HTMLElement;
  private usage: ContextUsage | undefined;

  constructor() {
    this.bar = el('div', { className: 'context-meter-bar' });
    this.label = el('span', { className: 'context-meter-label' });
    const track = el('div', { className: 'context-meter-track' }, this.bar);
    this.element = el('div', { className: 'context-meter', attrs: { role: 'meter', 'aria-label': t('Context used'), 'aria-valuemin': '0' } }, track, this.label);
    this.element.hidden = true;
  }

  setUsage(usage: ContextUsage, typed: string): void {
    this.usage = usage;
    this.update(typed);
  }

  /** The typed text changed. */
  update(typed: string): void {
    const usage = this.usage;
    if (!usage || usage.maxTokens <= 0) return;
    const used = usage.tokens + Math.ceil(typed.length * usage.tokensPerChar);
    const share = used / usage.maxTokens;
    this.element.hidden = false;
    this.element.setAttribute('aria-valuenow', String(used));
    this.element.setAttribute('aria-valuemax', String(usage.maxTokens));
    const text = t('{0} of {1} tokens ({2} %)', formatTokens(used), formatTokens(usage.maxTokens), Math.round(share * 100));
    this.element.setAttribute('aria-valuetext', text);
    this.element.title = t('Context used by the next request on {0}', usage.model);
    this.label.textContent = share > 1 ? `${text} — ${t('earlier messages will be left out')}` : text;
    this.bar.style.width = `${Math.min(100, share * 100)}%`;
    this.element.dataset.level = share > 1 ? 'over' : share >= WARN_AT ? 'warning' : 'ok';
  }
}
