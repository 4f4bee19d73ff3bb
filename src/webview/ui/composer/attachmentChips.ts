/**
 * Attachments drawn as chips: the name, the line range if any, and the token count. In the
 * composer each chip has a Remove button; under a sent question the chips are read-only.
 */
import type { AttachmentView } from '../../../shared/protocol';
import { button, el } from '../../dom';
import { t } from '../../i18n';
import { formatBytes } from '../../../shared/attachmentLimits';

/** The chip's label: `math.ts`, or `math.ts:3-9` for a range. */
export function chipLabel(attachment: AttachmentView): string {
  const range = attachment.range;
  if (!range) return attachment.name;
  return range.startLine === range.endLine ? `${attachment.name}:${range.startLine}` : `${attachment.name}:${range.startLine}-${range.endLine}`;
}

export function formatTokens(tokens: number): string {
  return tokens >= 1000 ? `${(tokens / 1000).toFixed(tokens >= 10_000 ? 0 : 1)}k` : String(tokens);
}

function chip(attachment: AttachmentView, onRemove?: (attachment: AttachmentView) => void): HTMLLIElement {
  const label = chipLabel(attachment);
  const parts: Node[] = [
    ...thumbnail(attachment),
    el('span', { className: 'chip-name', text: label }),
    // An image's or a PDF's count is the host's estimate (from its pixel size or pages); its size follows.
    el('span', { className: 'chip-tokens', text: t('{0} tokens', formatTokens(attachment.tokens)) }),
  ];
  if (attachment.bytes !== undefined) parts.push(el('span', { className: 'chip-size', text: formatBytes(attachment.bytes) }));
  if (attachment.truncated) parts.push(el('span', { className: 'chip-cut', text: t('cut to fit') }));
  if (onRemove) parts.push(button('×', () => onRemove(attachment), 'chip-remove', t('Remove {0}', label)));
  const item = el('li', { className: 'chip', attrs: { title: attachment.path ?? attachment.name } }, ...parts);
  item.dataset.kind = attachment.kind;
  return item;
}

/**
 * An image's small picture; decorative, since the chip's text names it. Only an inline image
 * (the CSP allows `data:` images and nothing from the network).
 */
function thumbnail(attachment: AttachmentView): HTMLImageElement[] {
  const src = attachment.thumbnail;
  if (!src || !/^data:image\/(png|jpeg|webp);base64,/.test(src)) return [];
  return [el('img', { className: 'chip-thumbnail', attrs: { src, alt: '' } })];
}

/** A list of chips; `onRemove` makes them removable (the composer's draft). */
export function renderChips(list: HTMLElement, attachments: readonly AttachmentView[], onRemove?: (attachment: AttachmentView) => void): void {
  list.replaceChildren(...attachments.map((attachment) => chip(attachment, onRemove)));
  list.hidden = attachments.length === 0;
}

export function createChipList(name: string): HTMLUListElement {
  const list = el('ul', { className: 'chips', attrs: { 'aria-label': name } });
  list.hidden = true;
  return list;
}
