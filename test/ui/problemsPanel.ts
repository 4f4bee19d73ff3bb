/**
 * The Problems panel for UI journeys: shows it and waits until a language service has reported a
 * diagnostic there (a language server can take a while to start on a busy machine).
 */
import type { Page } from 'playwright-core';
import { waitFor } from './polling';

/** Shows the Problems panel and waits until one of its rows shows `message`; returns the row's text. */
export async function problemShown(page: Page, runCommand: (title: string) => Promise<void>, message: string, timeoutMs = 120_000): Promise<string> {
  await runCommand('View: Focus Problems (Errors, Warnings, Infos)');
  // The tree's accessible name counts the problems ("Showing 1 problems"): find it inside the panel.
  const panel = page.locator('.part.panel');
  const rows = panel.getByRole('tree').getByRole('treeitem').filter({ hasText: message });
  try {
    return await waitFor(`the Problems panel to show "${message}"`, async () => ((await rows.count()) > 0 ? rows.first().innerText() : undefined), timeoutMs);
  } catch (error) {
    // Say what the panel did show: an empty panel and another message are different failures.
    const shown = await panel.ariaSnapshot({ timeout: 5_000 }).catch(() => '(no panel)');
    throw new Error(`${error instanceof Error ? error.message : String(error)}; the Problems panel shows: ${JSON.stringify(shown)}`);
  }
}
