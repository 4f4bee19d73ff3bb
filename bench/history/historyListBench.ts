/**
 * The history list drawn in the real webview bundle (Chromium, as the render bench): the panel is
 * open and the host posts the list of 10,000 chats (`chatList`, as after every save); measured is
 * the main-thread time (CDP thread CPU time, TaskDuration) from receiving it until two frames
 * later, which takes in receiving and handling the message, building the rows, style, layout and
 * paint. The lists are handed to the page beforehand: Playwright's own copying of 10,000 objects
 * into the page took a second and is no part of the product.
 * Median of several posts, each a fresh list (the panel redraws only a changed list).
 */
import type { ChatSummary, HostMessage } from '../../src/shared/protocol';
import { FRAME_INSTRUMENTATION } from '../render/frameInstrumentation';
import { baselineLibraryScripts } from '../render/naiveRenderer';
import { BenchPage } from '../render/renderBench';
import { stateMessage } from '../../test/webview/fixtures';
import { launchChromium, REPO_ROOT, startWebviewServer, WebviewPage } from '../../test/webview/harness';
import { median, round } from '../stats';
import { benchChat } from './seedHistory';

export interface HistoryListResults {
  /** 10,000 chats: `chatList` received → list drawn, median main-thread ms. Target <= 50. */
  readonly listMs: number;
  /** The same with 100 chats, for scale. */
  readonly list100Ms: number;
  /** Rows in the DOM after drawing 10,000 chats. */
  readonly rowsDrawn: number;
  readonly runs: number;
}

function summaries(count: number, now: number, round: number): ChatSummary[] {
  return Array.from({ length: count }, (_, i) => {
    const chat = benchChat(i, now);
    // A changed title each round: a new list, as the host sends after a save.
    return { id: chat.id, title: i === 0 ? `${chat.title} ${round}` : chat.title, updatedAt: chat.updatedAt, messageCount: chat.messages.length };
  });
}

/** In the page: posts a list loaded beforehand (so handing it to the page is not measured). */
function postAndSettle([size, run]: readonly [string, number]): Promise<void> {
  const lists = (window as unknown as { __benchLists: Record<string, HostMessage[]> }).__benchLists;
  return new Promise((done) => {
    window.postMessage(lists[size]?.[run], '*');
    requestAnimationFrame(() => requestAnimationFrame(() => done()));
  });
}

export async function runHistoryListBench(runs = 9): Promise<HistoryListResults> {
  const now = Date.now();
  const lists = { at10k: Array.from({ length: runs }, (_, r) => summaries(10_000, now, r)), at100: Array.from({ length: runs }, (_, r) => summaries(100, now, r)) };
  const server = await startWebviewServer();
  const browser = await launchChromium();
  try {
    const view = await WebviewPage.open(browser, server, { viewport: { width: 480, height: 800 }, initScripts: [FRAME_INSTRUMENTATION, ...baselineLibraryScripts(REPO_ROOT)] });
    const bench = await BenchPage.open(view);
    await view.sendAndSettle(stateMessage({ chats: lists.at100[0] }));
    await view.sendAndSettle({ type: 'togglePanel', panel: 'history' });
    const times = { at10k: [] as number[], at100: [] as number[] };
    const messages = Object.fromEntries(Object.entries(lists).map(([size, all]) => [size, all.map((chats): HostMessage => ({ type: 'chatList', chats }))]));
    await view.page.evaluate((loaded) => Object.assign(window, { __benchLists: loaded }), messages);
    for (let run = 0; run < runs; run++) {
      for (const size of ['at100', 'at10k'] as const) times[size].push(await bench.measure(() => bench.page.evaluate(postAndSettle, [size, run] as const)));
    }
    const rowsDrawn = await view.page.locator('#history-panel li').count();
    return { listMs: round(median(times.at10k), 2), list100Ms: round(median(times.at100), 2), rowsDrawn, runs };
  } finally {
    await browser.close();
    await server.close();
  }
}
