/**
 * markdown tokens -> HTML (marked) -> sanitized inert DOM (DOMPurify) -> our decorations.
 * Each top-level block is sanitized on its own: an unclosed `<div>` or `<table>` from the model
 * cannot swallow the blocks after it, and a streamed answer renders exactly like the same text
 * rendered in one go (both are the same sequence of blocks).
 */
import type { Token } from 'marked';
import { decorateCodeBlocks } from './codeBlock';
import { linkifyFileRefs } from './fileRefs';
import { neutralizeActiveContent } from './inertContent';
import { blocksToHtml } from './markdownLexer';
import { sanitizeToFragment } from './sanitizer';

/** One top-level block's HTML, still unsanitized: cheap, and equal HTML means an equal render. */
export function blockHtml(token: Token): string {
  return blocksToHtml([token]);
}

/** Whether the block holds a code block, which looks different once finished (highlighted). */
export function hasCodeBlock(html: string): boolean {
  return html.includes('<pre');
}

/** Sanitized, decorated DOM for one block's HTML. `finished` blocks are highlighted; a growing one stays plain. */
export function renderBlockHtml(html: string, finished: boolean): DocumentFragment {
  const fragment = sanitizeToFragment(html);
  neutralizeActiveContent(fragment);
  linkifyFileRefs(fragment);
  decorateCodeBlocks(fragment, finished);
  return fragment;
}
