/**
 * The workbench pages open right now, so the root afterEach hook (hooks.ts) can screenshot them
 * when a journey fails. Every test file bundles its own copy of this module, hence globalThis.
 */
import type { Page } from 'playwright-core';

const KEY = Symbol.for('openrouter-chat.ui.openPages');
type Registry = { [KEY]?: Set<Page> };

function registry(): Set<Page> {
  const holder = globalThis as Registry;
  holder[KEY] ??= new Set<Page>();
  return holder[KEY];
}

export function trackPage(page: Page): void {
  registry().add(page);
  page.once('close', () => registry().delete(page));
}

export function openPages(): Page[] {
  return [...registry()].filter((page) => !page.isClosed());
}
