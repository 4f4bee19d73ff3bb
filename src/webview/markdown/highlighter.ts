/**
 * Syntax highlighting with highlight.js core and a curated set of common languages, so the
 * webview bundle stays small (the full build carries ~190 grammars). Unknown languages stay plain:
 * auto-detection would run every grammar over every block.
 */
import hljs from 'highlight.js/lib/core';
import diff from 'highlight.js/lib/languages/diff';
import json from 'highlight.js/lib/languages/json';
import shell from 'highlight.js/lib/languages/shell';
import xml from 'highlight.js/lib/languages/xml';
import { COMPACT_GRAMMARS } from './compactGrammars';

/** Official grammars small enough for the budget; the rest come from compactGrammars.ts. */
const OFFICIAL_GRAMMARS = { diff, json, shell, xml };
for (const [name, definition] of Object.entries({ ...OFFICIAL_GRAMMARS, ...COMPACT_GRAMMARS })) hljs.registerLanguage(name, definition);

/** Blocks longer than this stay plain: highlighting them would stall the view for little gain. */
const MAX_HIGHLIGHT_CHARS = 100_000;

export function canHighlight(language: string): boolean {
  return language !== '' && hljs.getLanguage(language) !== undefined;
}

/**
 * Replaces the plain text of `code` with highlighted markup. highlight.js escapes every character
 * of the source, so its output contains only its own `span class="hljs-…"` elements.
 */
export function highlightCodeElement(code: HTMLElement, language: string): void {
  const text = code.textContent ?? '';
  if (!canHighlight(language) || text.length > MAX_HIGHLIGHT_CHARS) return;
  code.innerHTML = hljs.highlight(text, { language, ignoreIllegals: true }).value;
  code.classList.add('hljs');
}
