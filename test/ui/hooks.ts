/**
 * Mocha root hooks for the UI tier (loaded through `require` in test/.mocharc.ui.cjs): when a
 * journey fails, every open workbench page is saved to test-results/<test title>.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from 'mocha';
import { repoRoot } from '../runners/paths';
import { openPages } from './openPages';

/** A file name that is safe on every file system and still recognisable. */
function fileNameFor(title: string): string {
  return title.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'test';
}

export const mochaHooks = {
  async afterEach(this: Context): Promise<void> {
    const test = this.currentTest;
    if (!test || test.state !== 'failed') return;
    const dir = join(repoRoot(), 'test-results');
    mkdirSync(dir, { recursive: true });
    const pages = openPages();
    for (const [index, page] of pages.entries()) {
      const suffix = pages.length > 1 ? `-${index + 1}` : '';
      const path = join(dir, `${fileNameFor(test.fullTitle())}${suffix}.png`);
      try {
        await page.screenshot({ path, timeout: 10_000 });
        console.log(`      screenshot: ${path}`);
      } catch (error: unknown) {
        console.log(`      (no screenshot: ${error instanceof Error ? error.message : String(error)})`);
      }
    }
  },
};
