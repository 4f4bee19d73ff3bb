/**
 * Drives a real VS Code workbench (code-server) in Debian's Chromium for the UI journeys: opens
 * the OpenRouter Chat view, finds its webview frame, and offers the few gestures the journeys
 * share (ask, reload, run a command, open a file, select lines, read notifications).
 * Nothing here knows about the mock server: see `journey.ts` for the usual setup.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { startCodeServer } from '../runners/codeServer';
import type { CodeServer } from '../runners/codeServer';
import { CHROMIUM_ARGS, findChromium, repoRoot } from '../runners/paths';
import { commandTitle } from './commandTitles';
import { activeEditor, editorContextMenu, openFile, selectLines } from './editorGestures';
import { explorerContextMenu, selectInExplorer } from './explorerGestures';
import { extensionSource } from './extensionSource';
import { waitFor } from './polling';
import { problemShown } from './problemsPanel';

export { waitFor };
import { trackPage } from './openPages';

export const VIEW_CONTAINER_LABEL = 'OpenRouter Chat';
const MESSAGE_BOX = 'textarea[aria-label="Message"]';

/** What `--vscode-option enable-smoke-test-driver` adds to the workbench window. */
interface SmokeTestWindow {
  readonly driver: { whenWorkbenchRestored(): Promise<void> };
}

export interface WorkbenchOptions {
  /** Names the run folder; defaults to a timestamp. */
  readonly id?: string;
  /** User settings for this run (merged over the recommended ones). */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Environment for code-server and the extension host, e.g. OPENROUTER_API_KEY. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}


/** Waits until an assistant answer is no longer streaming (the view drops its aria-busy). */
export async function answerFinished(answer: Locator, timeoutMs = 60_000): Promise<void> {
  await waitFor('the answer to finish', async () => ((await answer.getAttribute('aria-busy')) === null ? true : undefined), timeoutMs);
}

export class Workbench {
  private chatFrame: Frame | undefined;

  private constructor(
    readonly server: CodeServer,
    readonly browser: Browser,
    readonly page: Page,
    private readonly url: string,
    /** A second window closes only its page; the first owns the browser and code-server. */
    private readonly ownsServer = true,
  ) {}

  /** Starts code-server with the extension installed and opens the workbench in Chromium. */
  static async open(options: WorkbenchOptions = {}): Promise<Workbench> {
    const executablePath = findChromium();
    const source = await extensionSource();
    const server = await startCodeServer({
      id: options.id ?? `ui-${Date.now()}`,
      ...(options.settings ? { settings: options.settings } : {}),
      ...(options.env ? { env: options.env } : {}),
      ...(source.vsix ? { vsix: source.vsix } : {}),
    });
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      trackPage(page);
      const payload: Array<[string, string]> = source.developmentPath
        ? [['extensionDevelopmentPath', server.remoteUri(source.developmentPath)]]
        : [];
      const url = server.workbenchUrl(payload);
      const workbench = new Workbench(server, browser, page, url);
      await workbench.load();
      return workbench;
    } catch (error) {
      await browser?.close().catch(() => undefined);
      await server.stop();
      throw error;
    }
  }

  /**
   * Another workbench window on the same code-server and folder, as File > New Window gives: its
   * own extension host, the same user data and extension storage.
   */
  async openAnotherWindow(): Promise<Workbench> {
    const page = await this.browser.newPage({ viewport: { width: 1400, height: 900 } });
    trackPage(page);
    const other = new Workbench(this.server, this.browser, page, this.url, false);
    await other.load();
    return other;
  }

  private async load(): Promise<void> {
    // The workbench's own restore signal (below) is what matters; the page's load event alone can
    // take far longer than playwright's default 30 s on a shared, busy machine.
    await this.page.goto(this.url, { waitUntil: 'domcontentloaded', timeout: 180_000 });
    await this.whenRestored();
  }

  /**
   * Waits until the workbench has restored its layout and views (the smoke-test driver's own
   * signal), so the state of the side bar can be read without racing the restore.
   */
  async whenRestored(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.waitForFunction(() => 'driver' in window, undefined, { timeout: 60_000 });
    await this.page.evaluate(() => (window as unknown as SmokeTestWindow).driver.whenWorkbenchRestored());
  }

  /** The activity-bar entry of the chat's view container, found by its aria-label. */
  activityBarEntry(): Locator {
    return this.page.locator(`.activitybar a.action-label[aria-label="${VIEW_CONTAINER_LABEL}"]`).first();
  }

  /** Whether the side bar is visible and shows the chat's view container. */
  async sideBarShowsChat(): Promise<boolean> {
    const sideBar = this.page.locator('.part.sidebar');
    if (!(await sideBar.isVisible())) return false;
    const title = await sideBar.locator('.composite.title').first().innerText().catch(() => '');
    return title.toUpperCase().includes(VIEW_CONTAINER_LABEL.toUpperCase());
  }

  /** Shows the chat view (clicking its activity-bar entry unless it is already shown) and returns its webview frame. */
  async openChat(): Promise<Frame> {
    const entry = this.activityBarEntry();
    await entry.waitFor({ timeout: 60_000 });
    // Clicking the entry of the container that is already shown would hide the side bar.
    if (!(await this.sideBarShowsChat())) await entry.click();
    await waitFor('the side bar to show the chat', async () => ((await this.sideBarShowsChat()) ? true : undefined));
    return this.findChatFrame();
  }

  /**
   * Polls every frame of the page for the one holding the chat's message box (webviews are nested
   * iframes). The side bar's chat wins over an editor tab's: a reload restores the tabs the window
   * had, and the journeys that ask for the chat mean the side bar's. Webviews are overlays placed
   * over their part, not inside it in the DOM, so "in the side bar" is told by position.
   */
  async findChatFrame(timeoutMs = 60_000): Promise<Frame> {
    this.chatFrame = await waitFor('the chat webview frame', async () => {
      const found: Frame[] = [];
      for (const frame of this.page.frames()) {
        if ((await frame.locator(MESSAGE_BOX).count().catch(() => 0)) > 0) found.push(frame);
      }
      for (const frame of found) if (await this.isInSideBar(frame)) return frame;
      // While the side bar shows the chat, its frame is the one meant, even if a restored tab's
      // frame has loaded first: keep polling for it.
      return (await this.sideBarShowsChat()) ? undefined : found[0];
    }, timeoutMs);
    return this.chatFrame;
  }

  /** Whether a webview frame's outermost iframe lies within the visible side bar. */
  private async isInSideBar(frame: Frame): Promise<boolean> {
    let outer = frame;
    while (outer.parentFrame() && outer.parentFrame() !== this.page.mainFrame()) outer = outer.parentFrame() as Frame;
    const iframe = await outer.frameElement().catch(() => undefined);
    const box = await iframe?.boundingBox().catch(() => null);
    const sideBar = await this.page.locator('.part.sidebar').boundingBox().catch(() => null);
    if (!box || !sideBar) return false;
    const centre = box.x + box.width / 2;
    return centre >= sideBar.x && centre <= sideBar.x + sideBar.width;
  }

  /** The chat webview frame found by the last openChat()/findChatFrame(). */
  chat(): Frame {
    if (!this.chatFrame || this.chatFrame.isDetached()) throw new Error('The chat view is not open: call openChat() first');
    return this.chatFrame;
  }

  messageBox(): Locator {
    return this.chat().getByRole('textbox', { name: 'Message', exact: true });
  }

  button(name: string): Locator {
    return this.chat().getByRole('button', { name, exact: true });
  }

  /**
   * One of the chat view's title-bar actions (New chat, History, Select Model, Parameters), drawn
   * by the workbench outside the webview; found by its accessible name (the command's title).
   */
  titleAction(name: string): Locator {
    return this.page.locator('.part.sidebar .composite.title').getByRole('button', { name, exact: true }).first();
  }

  messages(role: 'You' | 'Assistant'): Locator {
    return this.chat().getByRole('log').getByRole('article', { name: role, exact: true });
  }

  lastAssistant(): Locator {
    return this.messages('Assistant').last();
  }

  /** Types a message, sends it, and returns the assistant answer it starts. */
  async ask(text: string): Promise<Locator> {
    const before = await this.messages('Assistant').count();
    await this.messageBox().fill(text);
    await this.button('Send').click();
    await waitFor('the assistant answer to start', async () => ((await this.messages('Assistant').count()) > before ? true : undefined));
    return this.messages('Assistant').nth(before);
  }

  /**
   * Starts recording every text the elements matching `selector` show in the chat frame, so a
   * journey can assert on states that pass quickly (e.g. "Thinking…") without racing a poll.
   * Returns a reader for the distinct texts seen so far, in order.
   */
  async recordTexts(selector: string): Promise<() => Promise<string[]>> {
    const key = `__recorded_${Date.now()}_${Math.random().toString(36).slice(2)}`;
    await this.chat().evaluate(
      ({ selector, key }) => {
        const seen: string[] = [];
        (window as unknown as Record<string, string[]>)[key] = seen;
        const collect = (): void => {
          for (const element of document.querySelectorAll(selector)) {
            const text = element.textContent ?? '';
            if (text !== '' && !seen.includes(text)) seen.push(text);
          }
        };
        new MutationObserver(collect).observe(document.body, { subtree: true, childList: true, characterData: true });
        collect();
      },
      { selector, key },
    );
    const frame = this.chat();
    return () => frame.evaluate((key) => [...((window as unknown as Record<string, string[]>)[key] ?? [])], key);
  }

  /** Reloads the window (browser reload, or the "Developer: Reload Window" command) and re-finds the chat. */
  async reloadWindow(via: 'browser' | 'command' = 'browser'): Promise<Frame> {
    this.chatFrame = undefined;
    if (via === 'command') {
      await Promise.all([this.page.waitForEvent('load', { timeout: 60_000 }), this.runCommand('Developer: Reload Window')]);
    } else {
      await this.page.reload({ timeout: 180_000 });
    }
    await this.whenRestored();
    return this.openChat();
  }

  /** Runs a command by its palette title, e.g. "Developer: Reload Window". */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.getByText(title, { exact: true }) })
      .first();
    await row.click();
  }

  /** Runs one of this extension's commands by id, through the palette title its manifest gives it. */
  async runCommandById(id: string): Promise<void> {
    await this.runCommand(commandTitle(id));
  }

  /** Opens a workspace file by its relative path (Quick Open) and waits for its editor. */
  openFile(relativePath: string): Promise<void> {
    return openFile(this.page, relativePath);
  }

  /** The text area of the focused editor group's editor. */
  activeEditor(): Locator {
    return activeEditor(this.page);
  }

  /** Selects whole lines `first`..`last` (1-based) in the active editor; `last < first` only moves the cursor. */
  selectLines(first: number, last: number): Promise<void> {
    return selectLines(this.page, first, last);
  }

  /** Right-clicks the selection (or the cursor) and clicks through `path`, e.g. ('OpenRouter Chat', 'Explain Selection'). */
  editorContextMenu(...path: string[]): Promise<void> {
    return editorContextMenu(this.page, path);
  }

  /** Shows the Explorer and selects the files at `relativePaths` (click, then Ctrl+click). */
  selectInExplorer(relativePaths: readonly string[]): Promise<void> {
    return selectInExplorer(this.page, relativePaths);
  }

  /** Right-clicks the Explorer row of `relativePath` and runs the entry named `label`. */
  explorerContextMenu(relativePath: string, label: string): Promise<void> {
    return explorerContextMenu(this.page, relativePath, label);
  }

  /** Shows the Problems panel and waits until a row shows `message`; returns the row's text. */
  problemShown(message: string, timeoutMs?: number): Promise<string> {
    return problemShown(this.page, (title) => this.runCommand(title), message, timeoutMs);
  }

  /**
   * Texts of the notifications in the Notification Center. With the smoke-test driver on, toasts
   * are never shown, so this is the only place they can be read.
   */
  async notifications(): Promise<string[]> {
    const center = this.page.locator('.notifications-center');
    if (!(await center.isVisible())) await this.runCommand('Notifications: Show Notifications');
    await center.waitFor();
    return this.page.locator('.notifications-center .notification-list-item-message').allInnerTexts();
  }

  /** Drags the side bar's edge so it is `width` pixels wide (for readable screenshots). */
  async resizeSideBar(width: number): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box) throw new Error('The side bar is not visible');
    const edge = box.x + box.width;
    const middle = box.y + box.height / 2;
    await this.page.mouse.move(edge, middle);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, middle, { steps: 5 });
    await this.page.mouse.up();
    // Off the sash, and wait for its highlight to fade, or a screenshot shows it.
    await this.page.mouse.move(box.x + width + 200, box.y + box.height - 40);
    await this.page.locator('.monaco-sash.hover, .monaco-sash.active').first().waitFor({ state: 'detached' });
  }

  /** Full-page screenshot to `path` (relative paths are resolved from the repository root). */
  async screenshot(path: string): Promise<string> {
    const absolute = path.startsWith('/') ? path : join(repoRoot(), path);
    mkdirSync(dirname(absolute), { recursive: true });
    await this.page.screenshot({ path: absolute });
    return absolute;
  }

  async close(): Promise<void> {
    if (!this.ownsServer) {
      await this.page.close().catch(() => undefined);
      return;
    }
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
  }
}
