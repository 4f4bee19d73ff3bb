/**
 * Under an answer that ended before it was complete: why (the token limit, or the provider's
 * content filter), and for the token limit a Continue button, offered on the latest answer only.
 */
import type { CutOffReason } from '../../shared/protocol';
import { button, el } from '../dom';
import { t } from '../i18n';
import { postToHost } from '../vscodeApi';

export function createCutOffNotice(reason: CutOffReason, messageId: string, continueAllowed: boolean): HTMLElement {
  const text =
    reason === 'length'
      ? t('The answer was cut off: it reached the token limit (openrouterChat.maxTokens, or the model’s own limit).')
      : t('The answer was cut off by the provider’s content filter.');
  const notice = el('div', { className: 'cut-off-notice' }, el('p', { className: 'cut-off-text', text }));
  if (reason === 'length' && continueAllowed) notice.append(button(t('Continue'), () => postToHost({ type: 'continue', messageId }), 'button-secondary'));
  return notice;
}
