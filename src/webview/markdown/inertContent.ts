/**
 * Last pass over sanitized, still-inert markup before it enters the live document: anything that
 * would reach the network or act like a control is made harmless here. It must run before the
 * nodes are adopted by the live document, because an adopted `img` starts loading at once.
 */
import { t } from '../i18n';

/** Inline images are fine (`img-src data:` in the CSP); network images could leak data. */
const INLINE_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp);base64,/i;

function imagePlaceholder(image: HTMLImageElement): HTMLElement {
  const placeholder = document.createElement('span');
  placeholder.className = 'image-placeholder';
  const alt = image.getAttribute('alt') ?? '';
  const source = image.getAttribute('src') ?? '';
  placeholder.textContent = t('[image: {0} — {1}]', alt, source);
  return placeholder;
}

export function neutralizeActiveContent(root: DocumentFragment): void {
  for (const image of Array.from(root.querySelectorAll('img'))) {
    if (!INLINE_IMAGE.test(image.getAttribute('src') ?? '')) image.replaceWith(imagePlaceholder(image));
  }
  // GFM task lists render as checkboxes; any other input is not ours to show.
  for (const input of Array.from(root.querySelectorAll('input'))) {
    if (input.getAttribute('type') === 'checkbox') input.setAttribute('disabled', '');
    else input.remove();
  }
}
