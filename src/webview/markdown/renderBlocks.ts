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

/** Renders one top-level block. `finished` blocks are highlighted; a growing one stays plain. */
export function renderBlock(token: Token, finished: boolean): DocumentFragment {
  const html = blocksToHtml([token]);
  const fragment = sanitizeToFragment(html);
  neutralizeActiveContent(fragment);
  linkifyFileRefs(fragment);
  decorateCodeBlocks(fragment, finished);
  return fragment;
}
