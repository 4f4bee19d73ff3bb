/**
 * A German VS Code: the host embeds the translations in the document (renderWebviewHtml), so
 * the view is German from its first paint. Before the fix the UI was built in English and only
 * `ViewState.strings` (which arrives later) carried the translations, so the header, composer,
 * history panel and ARIA labels stayed English. Nothing is sent to the page before the checks.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { webviewTranslations } from './harness';
import { usePageSession } from './pageSession';

const GERMAN = webviewTranslations('de');

/** Every text node, aria-label, placeholder and title in the document, hidden parts included. */
function allLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.getElementById('app')!, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      if (node instanceof Text) {
        const text = node.data.trim();
        if (text) found.push(text);
      } else if (node instanceof Element) {
        for (const name of ['aria-label', 'placeholder', 'title']) {
          const value = node.getAttribute(name)?.trim();
          if (value) found.push(value);
        }
      }
    }
    return found;
  });
}

describe('webview: German UI strings from the first paint', () => {
  const session = usePageSession({ locale: 'de' });

  it('the German strings are there to test with', () => {
    assert.equal(GERMAN['New chat'], 'Neuer Chat');
    assert.ok(Object.keys(GERMAN).length > 100);
  });

  it('builds the header, composer and ARIA labels in German before any host message', async () => {
    const { view } = session;
    const page = view.page;
    assert.deepEqual(await view.posted(), [{ type: 'ready' }], 'the host has not answered yet');
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');

    // New chat, History and Parameters are the view's title actions (VS Code translates those from
    // package.nls.de.json); the webview's own buttons are the composer's.
    for (const name of ['Senden', 'Kontext hinzufügen', 'Modell']) {
      assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, `button ${name}`);
    }
    const input = page.getByRole('textbox', { name: 'Nachricht', exact: true });
    assert.equal(await input.getAttribute('placeholder'), GERMAN['Ask about your code (Enter to send, Shift+Enter for a new line)']);
    assert.equal(await page.getByRole('log', { name: 'Unterhaltung' }).count(), 1, 'the conversation log is labelled in German');

    const english = (await allLabels(page)).filter((text) => text in GERMAN);
    assert.deepEqual(english, [], 'no English UI string is left in the document');
    assert.deepEqual(await view.cspViolations(), [], 'the data block breaks no CSP rule');
  });

  it('opens the history panel in German when its title action asks, with no state sent', async () => {
    const { view } = session;
    const page = view.page;
    await view.sendAndSettle({ type: 'togglePanel', panel: 'history' });
    const panel = page.getByRole('region', { name: 'Chatverlauf' });
    assert.equal(await panel.isVisible(), true);
    assert.equal(await panel.getByRole('heading', { name: 'Chatverlauf' }).count(), 1);
    assert.equal(await panel.getByRole('searchbox', { name: 'Chats durchsuchen' }).getAttribute('placeholder'), 'Chats durchsuchen');
    assert.equal(await panel.getByRole('button', { name: 'Alle Chats löschen' }).count(), 1);
    assert.deepEqual(await view.posted(), [{ type: 'ready' }], 'the view asked the host for nothing');
  });
});
