/**
 * Issue 8: hostile model output. Every vector of the corpus is streamed through the real
 * renderer (streamStart / streamDelta / streamEnd) as an answer and as reasoning, then poked:
 * every element is hovered, focused and clicked. Nothing may run and nothing may leave the page.
 */
import * as assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { stateMessage, streamAnswer, userMessage } from './fixtures';
import { launchChromium, startWebviewServer, WebviewPage } from './harness';
import type { WebviewServer } from './harness';
import { XSS_CORPUS } from './xssCorpus';

const FORBIDDEN_ELEMENTS = 'script, style, iframe, frame, object, embed, form, svg, math, link, meta, base, template, noscript, video, audio, source, button:not(.code-action)';

/** Inside the page: what a sanitized answer must never contain. */
function findUnsafeMarkup([selector, forbidden]: readonly [string, string]): string[] {
  const problems: string[] = [];
  for (const root of Array.from(document.querySelectorAll(selector))) {
    for (const element of Array.from(root.querySelectorAll('*'))) {
      if (element.matches(forbidden)) problems.push(`element <${element.localName}>`);
      for (const attribute of Array.from(element.attributes)) {
        if (/^on/i.test(attribute.name) || attribute.name === 'style' || attribute.name === 'srcset') problems.push(`attribute ${attribute.name}`);
      }
      const href = element.getAttribute('href');
      if (href !== null && !/^(?:https?:|mailto:|#|[^:]*$)/i.test(href)) problems.push(`href ${href}`);
      const src = element.getAttribute('src');
      if (src !== null && !src.startsWith('data:image/')) problems.push(`src ${src}`);
    }
  }
  return problems;
}

/** Inside the page: hover, focus and click everything in the answers and reasoning. */
function pokeEverything(selector: string): void {
  for (const root of Array.from(document.querySelectorAll(selector))) {
    for (const element of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
      for (const type of ['mouseover', 'mouseenter', 'focus', 'animationstart']) element.dispatchEvent(new Event(type, { bubbles: true }));
      element.focus();
      element.click();
    }
  }
}

describe('webview: hostile output (issue 8)', () => {
  let browser: Browser;
  let server: WebviewServer;
  let view: WebviewPage;
  const executed: number[] = [];

  before(async () => {
    server = await startWebviewServer();
    browser = await launchChromium();
    view = await WebviewPage.open(browser, server);
    await view.page.exposeFunction('__xss', (id: number) => executed.push(id));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const vector of XSS_CORPUS) {
    it(`#${vector.id} ${vector.name}`, async () => {
      const executedBefore = executed.length;
      const outboundBefore = view.outboundRequests.length;
      const text = `Benign before ${vector.id}.\n\n${vector.markdown}\n\nBenign after ${vector.id}.`;
      await view.sendAndSettle(stateMessage());
      await streamAnswer(view, { messageId: `answer-${vector.id}`, user: userMessage(`u-${vector.id}`, 'q'), content: text, chunkSize: 5, deltasPerBatch: 20 });
      await streamAnswer(view, { messageId: `reasoning-${vector.id}`, user: userMessage(`u2-${vector.id}`, 'q'), reasoning: text, content: 'Fine.', chunkSize: 5, deltasPerBatch: 20 });
      // Open the reasoning so its content is live and rendered too.
      await view.page.evaluate(() => document.querySelectorAll('details').forEach((details) => ((details as HTMLDetailsElement).open = true)));
      const scope = '.markdown-body, .reasoning-text';
      await view.page.evaluate(pokeEverything, scope);
      await view.settle();
      const answerText = await view.page.locator(`[data-message-id="answer-${vector.id}"] .markdown-body`).innerText();
      assert.match(answerText, new RegExp(`Benign before ${vector.id}\\.[\\s\\S]*Benign after ${vector.id}\\.`), 'the surrounding text stays readable');
      assert.match(await view.page.locator('.reasoning-text').innerText(), new RegExp(`Benign after ${vector.id}\\.`));
      assert.deepEqual(await view.page.evaluate(findUnsafeMarkup, [scope, FORBIDDEN_ELEMENTS] as const), []);
      assert.deepEqual(executed.slice(executedBefore), [], 'no script ran');
      assert.deepEqual(view.outboundRequests.slice(outboundBefore), [], 'nothing left the page');
      assert.equal(view.page.url(), `${view.origin}/`, 'the view never navigated');
    });
  }

  it('prints the corpus figure: nothing executed, nothing sent out', async () => {
    // Give late effects (image errors, frame loads, refresh timers) time to show up.
    await view.page.waitForTimeout(1000);
    const violations = await view.cspViolations();
    const blocked = violations.length;
    if (process.env.XSS_VERBOSE) console.log(violations);
    console.log(`      XSS: executed scripts = ${executed.length}, outbound requests = ${view.outboundRequests.length}, CSP violations blocked = ${blocked} (vectors: ${XSS_CORPUS.length})`);
    assert.ok(XSS_CORPUS.length >= 60);
    assert.deepEqual(executed, []);
    assert.deepEqual(view.outboundRequests, []);
    assert.equal(view.page.url(), `${view.origin}/`);
  });
});
