/**
 * Web search sources under an answer: a numbered `list` named "Sources". The links open only on
 * a click, through the host (see clickRouting), never by themselves.
 */
import type { Citation } from '../../shared/protocol';
import { el } from '../dom';
import { t } from '../i18n';

export function createSourcesList(citations: readonly Citation[]): HTMLElement {
  const items = citations.map((citation) =>
    el('li', {}, el('a', { className: 'source-link', text: citation.title || citation.url, attrs: { href: citation.url, title: citation.url } })),
  );
  return el(
    'div',
    { className: 'sources' },
    el('div', { className: 'sources-heading', text: t('Sources') }),
    el('ol', { className: 'sources-list', attrs: { role: 'list', 'aria-label': t('Sources') } }, ...items),
  );
}
