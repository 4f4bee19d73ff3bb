/**
 * The open chat's own parameters: a small form over the settings. Empty fields mean "from the
 * settings"; Save sends the overrides to the host, which validates them with the settings' own
 * reader and stores them with the chat. A new chat starts with none.
 */
import type { ChatParameterOverrides, WebviewMessage } from '../../shared/protocol';
import { button, el } from '../dom';
import { t } from '../i18n';
import { postToHost } from '../vscodeApi';

type NumberField = 'temperature' | 'topP' | 'frequencyPenalty' | 'presencePenalty' | 'seed' | 'maxTokens';

/** Field, label, and the model page's range (the host checks it again). */
const NUMBER_FIELDS: readonly { key: NumberField; label: () => string; min?: number; max?: number; step: string }[] = [
  { key: 'temperature', label: () => t('Temperature'), min: 0, max: 2, step: '0.1' },
  { key: 'topP', label: () => t('Top P'), min: 0, max: 1, step: '0.05' },
  { key: 'frequencyPenalty', label: () => t('Frequency penalty'), min: -2, max: 2, step: '0.1' },
  { key: 'presencePenalty', label: () => t('Presence penalty'), min: -2, max: 2, step: '0.1' },
  { key: 'seed', label: () => t('Seed'), step: '1' },
  { key: 'maxTokens', label: () => t('Max tokens'), min: 1, step: '1' },
];

const ALL_EFFORTS: readonly string[] = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'];

export class ParametersPanel {
  readonly element: HTMLElement;
  private readonly effort: HTMLSelectElement;
  private readonly numbers = new Map<NumberField, HTMLInputElement>();
  private readonly stop: HTMLTextAreaElement;
  private shownFor: { chatId: string; parameters: ChatParameterOverrides | undefined; efforts: string } | undefined;

  constructor() {
    this.effort = el('select', { className: 'parameters-input', attrs: { id: 'parameter-reasoningEffort', name: 'reasoningEffort' } });
    const rows: HTMLElement[] = [this.row('reasoningEffort', t('Reasoning effort'), this.effort)];
    for (const field of NUMBER_FIELDS) {
      const attrs: Record<string, string> = { id: `parameter-${field.key}`, name: field.key, type: 'number', step: field.step, placeholder: t('From the settings') };
      if (field.min !== undefined) attrs['min'] = String(field.min);
      if (field.max !== undefined) attrs['max'] = String(field.max);
      const input = el('input', { className: 'parameters-input', attrs });
      this.numbers.set(field.key, input);
      rows.push(this.row(field.key, field.label(), input));
    }
    this.stop = el('textarea', { className: 'parameters-input', attrs: { id: 'parameter-stop', name: 'stop', rows: '2', placeholder: t('From the settings') } });
    rows.push(this.row('stop', t('Stop sequences (one per line)'), this.stop));
    const form = el(
      'form',
      { className: 'parameters-form' },
      ...rows,
      el('div', { className: 'parameters-actions' }, button(t('Save'), () => this.save(), 'button'), button(t('Reset to settings'), () => this.reset(), 'button-secondary')),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    this.element = el(
      'section',
      { className: 'parameters', attrs: { id: 'parameters-panel', 'aria-label': t('Parameters of this chat') } },
      el('h2', { className: 'parameters-title', text: t('Parameters of this chat') }),
      el('p', { className: 'parameters-hint', text: t('Only this chat uses these values; a new chat starts from your settings.') }),
      form,
    );
    this.element.hidden = true;
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  setOpen(open: boolean): void {
    this.element.hidden = !open;
  }

  /** Shows the chat's parameters; redrawn only when they (or the chat) change, so typing is kept. */
  update(chatId: string, parameters: ChatParameterOverrides | undefined, efforts: readonly string[] | undefined): void {
    const offered = efforts && efforts.length > 0 ? efforts : ALL_EFFORTS;
    const key = offered.join(',');
    if (this.shownFor && this.shownFor.chatId === chatId && this.shownFor.parameters === parameters && this.shownFor.efforts === key) return;
    this.shownFor = { chatId, parameters, efforts: key };
    const current = parameters?.reasoningEffort;
    const options = [el('option', { text: t('From the settings'), attrs: { value: '' } })];
    for (const effort of current && !offered.includes(current) ? [...offered, current] : offered) options.push(el('option', { text: effort, attrs: { value: effort } }));
    this.effort.replaceChildren(...options);
    this.effort.value = current ?? '';
    for (const [field, input] of this.numbers) {
      const value = parameters?.[field];
      input.value = value === undefined ? '' : String(value);
    }
    this.stop.value = (parameters?.stop ?? []).join('\n');
  }

  private row(key: string, label: string, control: HTMLElement): HTMLElement {
    return el('div', { className: 'parameters-row' }, el('label', { text: label, attrs: { for: `parameter-${key}` } }), control);
  }

  private save(): void {
    const parameters: Record<string, unknown> = {};
    if (this.effort.value) parameters['reasoningEffort'] = this.effort.value;
    for (const [field, input] of this.numbers) {
      if (input.value.trim() !== '' && Number.isFinite(input.valueAsNumber)) parameters[field] = input.valueAsNumber;
    }
    const stop = this.stop.value.split('\n').filter((line) => line.length > 0);
    if (stop.length > 0) parameters['stop'] = stop;
    postToHost({ type: 'setChatParameters', parameters: parameters as Extract<WebviewMessage, { type: 'setChatParameters' }>['parameters'] });
  }

  private reset(): void {
    postToHost({ type: 'setChatParameters', parameters: {} });
  }
}
