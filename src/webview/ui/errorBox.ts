/** An answer that failed: the host's message and one button per thing the user can do about it. */
import type { ErrorAction, ErrorView } from '../../shared/protocol';
import { button, el } from '../dom';
import { t } from '../i18n';
import { postToHost } from '../vscodeApi';

export function errorActionLabel(action: ErrorAction): string {
  switch (action) {
    case 'setApiKey':
      return t('Set API key');
    case 'addCredits':
      return t('Add credits');
    case 'retry':
      return t('Retry');
    case 'openSettings':
      return t('Open settings');
    case 'selectModel':
      return t('Choose model');
    case 'turnOffWorkspaceInstructions':
      return t('Stop using it');
    case 'compact':
      return t('Compact');
  }
}

/**
 * `messageId` is the failed answer's; Retry is offered only when `retryAllowed` (the answer is the
 * latest and nothing runs), since answering an older question again would cut the newer turns.
 */
export function createErrorBox(error: ErrorView, messageId: string, retryAllowed: boolean): HTMLElement {
  const offered = error.actions.filter((action) => action !== 'retry' || retryAllowed);
  const actions = offered.map((action) => button(errorActionLabel(action), () => postToHost({ type: 'action', action, messageId })));
  return el(
    'div',
    { className: 'error-box', attrs: { role: 'alert' } },
    el('p', { className: 'error-message', text: error.message }),
    ...(actions.length ? [el('div', { className: 'error-actions' }, ...actions)] : []),
  );
}
