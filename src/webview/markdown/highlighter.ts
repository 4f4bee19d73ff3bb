/**
 * Syntax highlighting with highlight.js core and a curated set of common languages, so the
 * webview bundle stays small (the full build carries ~190 grammars). Unknown languages stay plain:
 * auto-detection would run every grammar over every block.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

const LANGUAGES = { bash, c, cpp, csharp, css, diff, go, java, javascript, json, markdown, python, rust, shell, sql, typescript, xml, yaml };
for (const [name, definition] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, definition);

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
