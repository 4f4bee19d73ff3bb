/**
 * The open chat's model and reasoning effort, in the composer: a button named "Model" whose text
 * is the model, and one for the effort. Both open the host's pickers (prices, context lengths, a
 * reasoning mark; only the efforts the model supports), and the choice is the chat's alone.
 */
import type { ChatView, ViewSettings } from '../../../shared/protocol';
import { button, el } from '../../dom';
import { t } from '../../i18n';
import { postToHost } from '../../vscodeApi';

export class ModelControls {
  readonly element: HTMLElement;
  private readonly model: HTMLButtonElement;
  private readonly effort: HTMLButtonElement;

  constructor() {
    this.model = button('', () => postToHost({ type: 'pickChatModel' }), 'button-secondary composer-model', t('Model'));
    this.effort = button('', () => postToHost({ type: 'pickChatEffort' }), 'button-secondary composer-effort', t('Reasoning effort'));
    this.element = el('div', { className: 'composer-model-controls' }, this.model, this.effort);
  }

  update(chat: ChatView, settings: ViewSettings): void {
    const model = chat.model ?? settings.model;
    this.model.textContent = model;
    this.model.title = t('Choose the model for this chat');
    this.effort.textContent = t('Effort: {0}', chat.reasoningEffort ?? t('default'));
  }
}
