/**
 * Code blocks get a toolbar (language label, Wrap lines, Copy, Insert at cursor, Apply). The buttons carry
 * only an action name; the click handler reads the code from the block itself, so the text sent
 * to the host is exactly what the user sees.
 */
import { iconButton } from '../dom';
import { t } from '../i18n';
import { canHighlight, highlightCodeElement } from './highlighter';

export type CodeAction = 'copy' | 'insert' | 'apply';

const LANGUAGE_CLASS = /(?:^|\s)language-([\w+#.-]+)/;

/** Common fence names mapped onto the grammars we ship. */
const LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
  ts: 'typescript', tsx: 'typescript', js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
  py: 'python', sh: 'bash', zsh: 'bash', console: 'shell', html: 'xml', xhtml: 'xml', svg: 'xml',
  golang: 'go', rs: 'rust', cs: 'csharp', 'c#': 'csharp', 'c++': 'cpp', h: 'c', hpp: 'cpp', cc: 'cpp',
  yml: 'yaml', patch: 'diff', jsonc: 'json',
};

export function languageOf(code: Element): string {
  const match = LANGUAGE_CLASS.exec(code.getAttribute('class') ?? '');
  const fence = (match?.[1] ?? '').toLowerCase();
  return LANGUAGE_ALIASES[fence] ?? fence;
}

const ACTION_ICONS: Readonly<Record<CodeAction, string>> = { copy: 'copy', insert: 'insert', apply: 'git-compare' };

/** An icon button; its name (tooltip and accessible name) says what it does. */
function toolbarButton(action: CodeAction, label: string): HTMLButtonElement {
  const button = iconButton(ACTION_ICONS[action], label, undefined, 'code-action');
  button.dataset.codeAction = action;
  return button;
}

/** Long lines scroll inside the block; this toggle wraps them instead (the choice is per block). */
function wrapToggle(frame: HTMLElement): HTMLButtonElement {
  const toggle = iconButton('word-wrap', t('Wrap lines'), () => {
    const wrapped = !frame.classList.contains('wrapped');
    frame.classList.toggle('wrapped', wrapped);
    toggle.setAttribute('aria-pressed', String(wrapped));
  }, 'code-action code-wrap');
  toggle.setAttribute('aria-pressed', 'false');
  return toggle;
}

/** Wraps one `pre > code` in our code-block frame; highlights it when the block is finished. */
function decorate(pre: HTMLPreElement, code: HTMLElement, highlight: boolean): HTMLElement {
  const language = languageOf(code);
  const frame = document.createElement('div');
  frame.className = 'code-block';
  frame.dataset.language = language;
  const toolbar = document.createElement('div');
  toolbar.className = 'code-toolbar';
  const label = document.createElement('span');
  label.className = 'code-language';
  label.textContent = language || t('text');
  label.title = label.textContent;
  toolbar.append(
    label,
    wrapToggle(frame),
    toolbarButton('copy', t('Copy')),
    toolbarButton('insert', t('Insert at cursor')),
    toolbarButton('apply', t('Apply')),
  );
  pre.replaceWith(frame);
  frame.append(toolbar, pre);
  if (highlight && canHighlight(language)) highlightCodeElement(code, language);
  return frame;
}

/** Decorates every code block under `root` (blocks nested in lists and quotes included). */
export function decorateCodeBlocks(root: DocumentFragment | Element, highlight: boolean): void {
  for (const pre of Array.from(root.querySelectorAll('pre'))) {
    const code = pre.querySelector(':scope > code');
    if (code instanceof HTMLElement) decorate(pre as HTMLPreElement, code, highlight);
  }
}

/** A growing fenced block: plain escaped text that we extend in place, frame as above. */
export function createLiveCodeBlock(fenceLanguage: string): { frame: HTMLElement; text: Text } {
  const pre = document.createElement('pre');
  const code = document.createElement('code');
  if (fenceLanguage) code.className = `language-${fenceLanguage}`;
  const text = document.createTextNode('');
  code.append(text);
  pre.append(code);
  const holder = document.createElement('div');
  holder.append(pre);
  decorateCodeBlocks(holder, false);
  const frame = holder.firstElementChild as HTMLElement;
  return { frame, text };
}

export interface CodeBlockTarget {
  readonly action: CodeAction;
  readonly code: string;
  readonly language: string;
}

/** What a click on a code toolbar button asks for, or undefined for any other click. */
export function codeActionFromClick(target: Element): CodeBlockTarget | undefined {
  const button = target.closest<HTMLElement>('button[data-code-action]');
  const frame = button?.closest<HTMLElement>('.code-block');
  const code = frame?.querySelector(':scope > pre > code');
  const action = button?.dataset.codeAction;
  if (!frame || !code || (action !== 'copy' && action !== 'insert' && action !== 'apply')) return undefined;
  // marked ends every block with a newline the author did not write; the editor should not get it.
  return { action, code: (code.textContent ?? '').replace(/\n$/, ''), language: frame.dataset.language ?? '' };
}
