/** A small element builder: the UI is plain DOM, built from code, never from HTML strings. */
export interface ElementOptions {
  readonly className?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly onClick?: (event: MouseEvent) => void;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: ReadonlyArray<Node | string>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) element.setAttribute(name, value);
  // The generic element type hides the click overload of addEventListener; HTMLElement has it.
  if (options.onClick) (element as HTMLElement).addEventListener('click', options.onClick);
  element.append(...children);
  return element;
}

/** A `type="button"` button whose accessible name is its visible label unless `ariaLabel` is given. */
export function button(label: string, onClick: (event: MouseEvent) => void, className = 'button', ariaLabel?: string): HTMLButtonElement {
  const attrs: Record<string, string> = { type: 'button' };
  if (ariaLabel) attrs['aria-label'] = ariaLabel;
  return el('button', { className, text: label, attrs, onClick });
}

/** A codicon glyph; decorative, the button around it carries the name. */
export function codicon(name: string): HTMLElement {
  return el('span', { className: `codicon codicon-${name}`, attrs: { 'aria-hidden': 'true' } });
}

/**
 * A toolbar-style icon button, as the workbench draws them: the glyph only, its name as the
 * accessible name and as the tooltip.
 */
export function iconButton(icon: string, label: string, onClick: ((event: MouseEvent) => void) | undefined, className = ''): HTMLButtonElement {
  const attrs = { type: 'button', 'aria-label': label, title: label };
  const options = onClick ? { className: `icon-button ${className}`.trim(), attrs, onClick } : { className: `icon-button ${className}`.trim(), attrs };
  return el('button', options, codicon(icon));
}
