/**
 * The baselines the render benchmark compares against, injected into the bench page only (they
 * are not part of the product). They use the very same marked and DOMPurify builds, loaded as
 * page globals from node_modules.
 *
 * - naive: on every update, `marked.parse` of the whole text + DOMPurify + innerHTML. It gets the
 *   same once-per-frame coalescing as our renderer, so the ratio measures only the incremental
 *   algorithm, not batching.
 * - one-shot: the final text rendered once (one parse, one sanitize, one insert).
 * - plain: no markdown at all. It receives the host's messages the way our webview does (message
 *   events) and, at a given update spacing, appends the text that arrived since the last update
 *   as one plain paragraph and follows the bottom. At our renderer's spacing, no renderer that
 *   shows the answer growing at that pace can cost less: it is the floor under `render.vsOneShot`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function baselineLibraryScripts(repoRoot: string): string[] {
  return [
    readFileSync(join(repoRoot, 'node_modules/marked/lib/marked.umd.js'), 'utf8'),
    readFileSync(join(repoRoot, 'node_modules/dompurify/dist/purify.min.js'), 'utf8'),
  ];
}

interface BaselineGlobals {
  marked: { parse(text: string, options: { async: false }): string };
  DOMPurify: { sanitize(html: string, options: { RETURN_DOM_FRAGMENT: true }): DocumentFragment };
}

/** Installed in the page (serialized by Playwright: it must not use anything from this module). */
export function installBaselines(): void {
  const globals = window as unknown as BaselineGlobals & Record<string, unknown>;
  const host = (): HTMLElement => {
    const list = document.querySelector('.message-list') ?? document.body;
    const article = document.createElement('article');
    article.className = 'message message-assistant';
    const body = document.createElement('div');
    body.className = 'markdown-body';
    article.append(body);
    list.append(article);
    return body;
  };
  const follow = (): void => {
    const scroller = document.querySelector('.conversation');
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  };
  let text = '';
  let scheduled = false;
  let container: HTMLElement | undefined;
  globals.__naive = {
    start(): void {
      text = '';
      container = host();
    },
    append(delta: string): void {
      text += delta;
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        if (!container) return;
        container.innerHTML = '';
        container.append(globals.DOMPurify.sanitize(globals.marked.parse(text, { async: false }), { RETURN_DOM_FRAGMENT: true }));
        follow();
      });
    },
  };
  let plainPending = '';
  let plainLastRun = Number.NEGATIVE_INFINITY;
  let plainScheduled = false;
  let plainSpacingMs = 0;
  let plainContainer: HTMLElement | undefined;
  const plainRender = (): void => {
    plainScheduled = false;
    plainLastRun = performance.now();
    if (!plainContainer || !plainPending) return;
    const paragraph = document.createElement('p');
    paragraph.textContent = plainPending;
    plainPending = '';
    plainContainer.append(paragraph);
    follow();
  };
  const plainAppend = (delta: string): void => {
    plainPending += delta;
    if (plainScheduled) return;
    plainScheduled = true;
    const wait = plainLastRun + plainSpacingMs - performance.now();
    if (wait > 1) setTimeout(() => requestAnimationFrame(plainRender), wait);
    else requestAnimationFrame(plainRender);
  };
  const plainListener = (event: MessageEvent<{ type?: string; content?: string }>): void => {
    if (event.data?.type === 'streamDelta') plainAppend(event.data.content ?? '');
  };
  globals.__plain = {
    start(spacingMs: number): void {
      plainPending = '';
      plainSpacingMs = spacingMs;
      plainContainer = host();
      window.addEventListener('message', plainListener);
    },
    stop(): void {
      window.removeEventListener('message', plainListener);
    },
  };
  globals.__oneShot = (finalText: string): void => {
    const target = host();
    target.append(globals.DOMPurify.sanitize(globals.marked.parse(finalText, { async: false }), { RETURN_DOM_FRAGMENT: true }));
    follow();
  };
}
