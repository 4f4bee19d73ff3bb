/**
 * The webview test tier's harness: the real production document (`renderWebviewHtml`, same CSP)
 * and the real bundle from `dist/`, served from 127.0.0.1, shown in Debian's Chromium.
 * `acquireVsCodeApi` is faked the way VS Code provides it; host messages arrive as `message`
 * events on the window, as in VS Code. Build first (`node esbuild.mjs`); this file builds nothing.
 *
 * Every request the page makes to anything but this server is counted and aborted, so a test can
 * prove nothing left the page and no test ever reaches the network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { renderWebviewHtml } from '../../src/core/view/webviewHtml';
import type { HostMessage, WebviewMessage } from '../../src/shared/protocol';
import { WEBVIEW_STRINGS } from '../../src/shared/webviewStrings';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The repository root: the nearest folder above the compiled file that has a package.json. */
function findRepoRoot(start: string): string {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'package.json'))) return dir;
  throw new Error(`No package.json above ${start}`);
}

export const REPO_ROOT = findRepoRoot(__dirname);
const DIST = join(REPO_ROOT, 'dist');
const CONTENT_TYPES: Readonly<Record<string, string>> = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf' };

/** A UI language the page can be served in besides English: its strings come from its bundle. */
export type TestLocale = 'de';

/**
 * The webview strings of `l10n/bundle.l10n.<locale>.json`, picked the way the host's
 * webviewStrings() picks them: only strings the webview uses, only where they differ.
 */
export function webviewTranslations(locale: TestLocale): Record<string, string> {
  const bundle = JSON.parse(readFileSync(join(REPO_ROOT, 'l10n', `bundle.l10n.${locale}.json`), 'utf8')) as Record<string, string>;
  const strings: Record<string, string> = {};
  for (const english of WEBVIEW_STRINGS) {
    const translated = bundle[english];
    if (translated !== undefined && translated !== english) strings[english] = translated;
  }
  return strings;
}

export interface WebviewServer {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves the webview document at `/` and the bundle at `/dist/*`, nothing else. `/?locale=de`
 * serves the document with that locale's translations embedded, as the host does in a German
 * VS Code.
 */
export async function startWebviewServer(): Promise<WebviewServer> {
  let origin = '';
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (path === '/') {
      const locale = url.searchParams.get('locale') === 'de' ? 'de' : undefined;
      const html = renderWebviewHtml({
        cspSource: origin,
        scriptUri: `${origin}/dist/webview.js`,
        styleUri: `${origin}/dist/webview.css`,
        ...(locale ? { lang: locale, strings: webviewTranslations(locale) } : {}),
      });
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const file = /^\/dist\/([\w.-]+)$/.exec(path)?.[1];
    const extension = file?.slice(file.lastIndexOf('.')) ?? '';
    if (!file || !CONTENT_TYPES[extension]) {
      response.writeHead(404).end();
      return;
    }
    readFile(join(DIST, file)).then(
      (body) => response.writeHead(200, { 'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** What the fake VS Code API and the CSP listener record inside the page. */
interface PageRecorder {
  posted: WebviewMessage[];
  state: unknown;
  cspViolations: Array<{ directive: string; blockedUri: string }>;
}

declare global {
  interface Window {
    __recorder: PageRecorder;
  }
}

/** Installed before any page script: VS Code's `acquireVsCodeApi`, once per page, with state. */
function installFakeVsCodeApi(savedState: unknown): void {
  const recorder: PageRecorder = { posted: [], state: savedState ?? undefined, cspViolations: [] };
  Object.defineProperty(window, '__recorder', { value: recorder });
  let acquired = false;
  Object.defineProperty(window, 'acquireVsCodeApi', {
    value: () => {
      if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
      acquired = true;
      return {
        postMessage: (message: unknown) => recorder.posted.push(JSON.parse(JSON.stringify(message)) as WebviewMessage),
        getState: () => recorder.state,
        setState: (state: unknown) => {
          recorder.state = JSON.parse(JSON.stringify(state)) as unknown;
        },
      };
    },
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    recorder.cspViolations.push({ directive: event.violatedDirective, blockedUri: event.blockedURI });
  });
}

export interface OpenOptions {
  /** What `getState()` returns at startup (a view that was hidden and is shown again). */
  readonly savedState?: unknown;
  readonly viewport?: { width: number; height: number };
  /** Scripts evaluated before the page's own (CDP-injected, so the page's CSP does not apply). */
  readonly initScripts?: readonly string[];
  /** Serve the document in this language (its translations embedded, as the host does). */
  readonly locale?: TestLocale;
}

export class WebviewPage {
  /** Requests to anything but the harness server (all aborted). */
  readonly outboundRequests: string[] = [];

  private constructor(
    readonly page: Page,
    readonly origin: string,
  ) {}

  static async open(browser: Browser, server: WebviewServer, options: OpenOptions = {}): Promise<WebviewPage> {
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 420, height: 700 } });
    const view = new WebviewPage(page, server.origin);
    page.on('request', (request) => {
      const url = request.url();
      if (/^(?:https?|wss?|ftp):/i.test(url) && !url.startsWith(`${server.origin}/`)) view.outboundRequests.push(url);
    });
    await page.route('**/*', (route) => (route.request().url().startsWith(`${server.origin}/`) ? route.continue() : route.abort()));
    await page.addInitScript(installFakeVsCodeApi, options.savedState ?? null);
    for (const content of options.initScripts ?? []) await page.addInitScript({ content });
    await page.goto(`${server.origin}/${options.locale ? `?locale=${options.locale}` : ''}`);
    await page.waitForFunction(() => window.__recorder.posted.some((message) => message.type === 'ready'));
    return view;
  }

  /** Delivers a host message the way VS Code does: a `message` event on the window. */
  async send(...messages: HostMessage[]): Promise<void> {
    await this.page.evaluate((batch) => {
      for (const message of batch) window.postMessage(message, '*');
    }, messages);
  }

  /**
   * Waits until every message sent so far was handled and two frames were drawn (the view
   * renders stream deltas at most once per frame).
   */
  async settle(): Promise<void> {
    await this.page.evaluate(
      () =>
        new Promise<void>((done) => {
          const token = `settle-${Math.random()}`;
          const onMessage = (event: MessageEvent<unknown>): void => {
            if (event.data !== token) return;
            window.removeEventListener('message', onMessage);
            // Past the renderer's update spacing (50 ms, frameScheduler.ts), then two frames.
            setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => done())), 80);
          };
          window.addEventListener('message', onMessage);
          window.postMessage(token, '*');
        }),
    );
  }

  async sendAndSettle(...messages: HostMessage[]): Promise<void> {
    await this.send(...messages);
    await this.settle();
  }

  posted(): Promise<WebviewMessage[]> {
    return this.page.evaluate(() => window.__recorder.posted);
  }

  async postedOfType<T extends WebviewMessage['type']>(type: T): Promise<Array<Extract<WebviewMessage, { type: T }>>> {
    const all = await this.posted();
    return all.filter((message): message is Extract<WebviewMessage, { type: T }> => message.type === type);
  }

  async clearPosted(): Promise<void> {
    await this.page.evaluate(() => {
      window.__recorder.posted.length = 0;
    });
  }

  savedState(): Promise<unknown> {
    return this.page.evaluate(() => window.__recorder.state);
  }

  cspViolations(): Promise<Array<{ directive: string; blockedUri: string }>> {
    return this.page.evaluate(() => window.__recorder.cspViolations);
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
