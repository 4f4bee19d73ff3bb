/**
 * A question a code action built (Explain, Refactor, Fix, …) shown as a compact card: the action
 * with the file and its lines, the selected code folded, and the full prompt one click away. The
 * prompt itself is several screens of instructions and code the user did not type.
 */
import { codicon, el } from '../dom';
import { t } from '../i18n';
import { renderMarkdown } from './userMarkdown';

/** The last fenced block of a prompt: the selection the action was run on. */
export function selectedCode(prompt: string): string | undefined {
  let found: string | undefined;
  for (const match of prompt.matchAll(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1[ \t]*$/gm)) found = match[0];
  return found;
}

function folded(className: string, summary: string, markdown: string): HTMLDetailsElement {
  const body = el('div', { className: 'markdown-body' });
  renderMarkdown(body, markdown);
  return el('details', { className }, el('summary', { text: summary }), body);
}

export function createCodeActionCard(label: string, prompt: string): HTMLElement {
  const code = selectedCode(prompt);
  return el(
    'div',
    { className: 'code-action-card' },
    el('div', { className: 'code-action-title' }, codicon('wand'), el('span', { className: 'message-label', text: label, attrs: { title: label } })),
    ...(code ? [folded('code-action-code', t('Selected code'), code)] : []),
    folded('code-action-prompt', t('Full prompt'), prompt),
  );
}
