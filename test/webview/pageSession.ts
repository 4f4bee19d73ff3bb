/** One Chromium and one harness server per test file, a fresh page per test. */
import type { Browser } from 'playwright-core';
import { launchChromium, startWebviewServer, WebviewPage } from './harness';
import type { OpenOptions, WebviewServer } from './harness';

export interface PageSession {
  /** The page of the running test (opened in `beforeEach`). */
  readonly view: WebviewPage;
  /** Opens another page on the same server (e.g. the view shown again after hiding). */
  open(options?: OpenOptions): Promise<WebviewPage>;
}

export function usePageSession(options: OpenOptions = {}): PageSession {
  let browser: Browser | undefined;
  let server: WebviewServer | undefined;
  let current: WebviewPage | undefined;
  const extra: WebviewPage[] = [];

  before(async () => {
    server = await startWebviewServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    if (!browser || !server) throw new Error('session not started');
    current = await WebviewPage.open(browser, server, options);
  });
  afterEach(async () => {
    await current?.close();
    for (const page of extra.splice(0)) await page.close();
  });

  return {
    get view(): WebviewPage {
      if (!current) throw new Error('no page open');
      return current;
    },
    async open(openOptions?: OpenOptions): Promise<WebviewPage> {
      if (!browser || !server) throw new Error('session not started');
      const page = await WebviewPage.open(browser, server, openOptions);
      extra.push(page);
      return page;
    },
  };
}
