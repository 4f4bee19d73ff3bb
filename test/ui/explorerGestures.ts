/**
 * Explorer gestures for UI journeys, as a user makes them: show the Explorer, select files with a
 * click and Ctrl+clicks, right-click the selection and pick a menu entry. Plain functions of the
 * page; `Workbench` offers them as methods.
 */
import type { Locator, Page } from 'playwright-core';
import { waitFor } from './polling';

/** The Explorer's file tree, by the accessible name the workbench gives it. */
function filesTree(page: Page): Locator {
  return page.getByRole('tree', { name: 'Files Explorer', exact: true });
}

/** One row of the file tree, by the file or folder name it shows. */
function treeItem(page: Page, name: string): Locator {
  return filesTree(page).getByRole('treeitem', { name, exact: true }).first();
}

/**
 * Shows the Explorer, expands the folders on the way, and selects the workspace files at
 * `relativePaths`: a click on the first, Ctrl+click on the others (several files at once).
 */
export async function selectInExplorer(page: Page, relativePaths: readonly string[]): Promise<void> {
  const [first, ...others] = relativePaths;
  if (first === undefined) throw new Error('selectInExplorer needs at least one path');
  await page.keyboard.press('Control+Shift+E');
  await filesTree(page).waitFor({ timeout: 60_000 });
  for (const [index, path] of relativePaths.entries()) {
    await expandFoldersOf(page, path);
    const item = treeItem(page, baseName(path));
    await item.click(index === 0 ? {} : { modifiers: ['Control'] });
  }
  await waitFor(
    `${relativePaths.length} files selected in the Explorer`,
    async () => {
      for (const path of [first, ...others]) {
        if ((await treeItem(page, baseName(path)).getAttribute('aria-selected')) !== 'true') return undefined;
      }
      return true;
    },
    10_000,
  );
}

/**
 * Right-clicks the Explorer row of `relativePath` (inside the selection, so the selection stays)
 * and runs the context-menu entry named `label`.
 */
export async function explorerContextMenu(page: Page, relativePath: string, label: string): Promise<void> {
  await treeItem(page, baseName(relativePath)).click({ button: 'right' });
  const entry = page.getByRole('menuitem', { name: label, exact: true }).first();
  // A click right after the menu opens can be swallowed by it (as in the editor's menu): hovering
  // focuses the entry, and Enter runs the focused one.
  await entry.hover();
  await waitFor(`the menu entry ${label} to take the focus`, async () => ((await entry.evaluate((e) => e === document.activeElement || e.closest('.focused') !== null)) ? true : undefined), 10_000);
  await page.keyboard.press('Enter');
  await entry.waitFor({ state: 'hidden' });
}

async function expandFoldersOf(page: Page, relativePath: string): Promise<void> {
  const folders = relativePath.split('/').slice(0, -1);
  for (const folder of folders) {
    const item = treeItem(page, folder);
    if ((await item.getAttribute('aria-expanded')) !== 'true') await item.click();
    await waitFor(`the folder ${folder} to expand`, async () => ((await item.getAttribute('aria-expanded')) === 'true' ? true : undefined), 10_000);
  }
}

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}
