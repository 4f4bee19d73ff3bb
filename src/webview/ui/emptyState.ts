/** What a new chat shows: what the extension does, and how to get a key when there is none. */
import type { KeySource } from '../../shared/protocol';
import { button, el } from '../dom';
import { t } from '../i18n';
import { postToHost } from '../vscodeApi';

export const OPENROUTER_KEYS_URL = 'https://openrouter.ai/keys';

export function createEmptyState(keySource: KeySource): HTMLElement {
  const parts: HTMLElement[] = [
    el('h2', { text: t('Ask about your code') }),
    el('p', { text: t('Ask a question, or select code and right-click for Explain, Refactor, Fix, Document or Generate tests.') }),
    el('p', { text: t('Code in answers can be copied, inserted at the cursor or applied to the editor with one click.') }),
  ];
  if (keySource === 'none') {
    parts.push(
      el('p', { className: 'key-hint', text: t('To start, add your OpenRouter API key.') }),
      el(
        'div',
        { className: 'key-actions' },
        button(t('Set API key'), () => postToHost({ type: 'action', action: 'setApiKey' })),
        el('a', { className: 'key-link', text: t('Get a key at openrouter.ai/keys'), attrs: { href: OPENROUTER_KEYS_URL } }),
      ),
    );
  } else if (keySource === 'env') {
    parts.push(el('p', { className: 'key-hint', text: t('Using the API key from the OPENROUTER_API_KEY environment variable.') }));
  }
  return el('div', { className: 'empty-state' }, ...parts);
}
