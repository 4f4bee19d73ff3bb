/**
 * The user's own text, rendered as markdown (code fences, inline code, lists) through the very
 * pipeline answers use, so it passes the same sanitizer: a pasted `<img onerror>` is as inert in
 * a question as in an answer.
 */
import { StreamingMarkdown } from '../markdown/streamingMarkdown';

export function renderMarkdown(container: HTMLElement, text: string): void {
  container.replaceChildren();
  new StreamingMarkdown(container).finish(text);
}
