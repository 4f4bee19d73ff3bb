/**
 * Editor gestures for UI journeys, as a user makes them: Quick Open, Go to Line + Shift+Down,
 * right-click menus. Plain functions of the page; `Workbench` offers them as methods.
 */
import type { Locator, Page } from 'playwright-core';
import { waitFor } from './polling';

/** Opens a workspace file by its relative path (Quick Open) and waits for its editor. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor();
  await input.fill(relativePath);
  const fileName = relativePath.split('/').pop() ?? relativePath;
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container [role="tab"][aria-label^="${fileName}"]`).first().waitFor();
  await activeEditor(page).click();
}

/** The text area of the focused editor group's editor. */
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
}

/** Selects whole lines `first`..`last` (1-based) in the active editor with Go to Line + Shift+Down. */
export async function selectLines(page: Page, first: number, last: number): Promise<void> {
  await activeEditor(page).click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor();
  // Go to Line is quick access with the ':' prefix; filling the box replaces the prefix too.
  await input.fill(`:${first}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: `line ${first}` }).first().waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
  // Go to Line leaves the cursor in column 1 (Home would jump to the first non-blank instead).
  for (let line = first; line <= last; line++) await page.keyboard.press('Shift+ArrowDown');
  if (last >= first) await page.locator('.editor-group-container.active .monaco-editor .view-overlays .selected-text').first().waitFor();
}

/**
 * Opens the editor context menu and runs the entry at the end of `path`, e.g. ('OpenRouter Chat',
 * 'Explain Selection'): every label but the last is a submenu to open. The right-click lands on
 * the selection when there is one (a click elsewhere would move the cursor and drop it).
 */
export async function editorContextMenu(page: Page, path: readonly string[]): Promise<void> {
  const box = await selectionOrCursorBox(page);
  await page.mouse.click(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2, { button: 'right' });
  // An open submenu is nested inside its parent's item: match leaf items only, by their own label.
  const entry = (label: string, state = ''): Locator =>
    page.locator(`.context-view .action-item${state}:not(:has(.action-item))`).filter({ has: page.getByText(label, { exact: true }) }).first();
  for (const submenu of path.slice(0, -1)) await entry(submenu).click();
  const target = path[path.length - 1];
  if (target === undefined) throw new Error('editorContextMenu needs at least one label');
  // A click right after a submenu opens can be swallowed by the menu; hovering focuses the entry,
  // and Enter runs the focused one.
  await entry(target).hover();
  await entry(target, '.focused').waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.context-view .monaco-menu').first().waitFor({ state: 'hidden' });
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Where to right-click in the active editor: the first drawn piece of the selection, else the
 * cursor. The selection and cursor layers sit under the text layer, which takes the clicks, so the
 * click aims by coordinates. Both layers are redrawn on animation frames and the cursor blinks
 * (hidden half the time), so the boxes are read in one pass in the page and polled until one shows.
 */
async function selectionOrCursorBox(page: Page, timeoutMs = 10_000): Promise<Box> {
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  const drawnBox = (): Promise<Box | undefined> =>
    editor
      .evaluate((root) => {
        const drawn = (selector: string) =>
          [...root.querySelectorAll(selector)].map((element) => element.getBoundingClientRect()).find((rect) => rect.width > 0 && rect.height > 0);
        const asBox = (rect: DOMRect | undefined) => (rect ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : undefined);
        return asBox(drawn('.view-overlays .selected-text')) ?? asBox(drawn('.cursors-layer .cursor'));
      }, undefined, { timeout: timeoutMs })
      .catch(() => undefined);
  try {
    return await waitFor('a selection or cursor in the active editor', drawnBox, timeoutMs);
  } catch {
    const tab = await page.locator('.tabs-container [role="tab"].active').first().getAttribute('aria-label').catch(() => null);
    throw new Error(`The active editor (tab ${tab ?? 'none'}) shows neither a selection nor a cursor after ${timeoutMs / 1000} s`);
  }
}
