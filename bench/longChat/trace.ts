/**
 * Where the long chat's time goes: `node out/bench/longChat/trace.js [open|scroll] [small]` (after
 * building) opens the 1,000-message chat (`small`: the 100) the way the bench does
 * (longChatBench.ts), on a page that opened it once already, and records Chromium's timeline (CDP
 * tracing) and a CPU profile of the opening or of the scroll to the top, then prints
 * the longest main-thread tasks, each with its self time by trace event, and the hottest functions.
 * A tool for finding long tasks; it measures nothing the bench reports.
 */
import type { CDPSession } from 'playwright-core';
import { stateMessage } from '../../test/webview/fixtures';
import { launchChromium, startWebviewServer, WebviewPage } from '../../test/webview/harness';
import { FRAME_INSTRUMENTATION } from '../render/frameInstrumentation';
import { deliverAndWait, HOST_BRIDGE, OBSERVER_TIMING, scrollToTop } from './longChatBench';
import { generateLongChat } from './longChatGenerator';
import { storeChats } from './storedChat';
import type { WebviewMessage } from '../../src/shared/protocol';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly tid: number;
  readonly pid: number;
  readonly args?: { readonly name?: string };
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
}

async function recordTrace(cdp: CDPSession, run: () => Promise<unknown>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,blink', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await done;
  printProfile(profile as { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] });
  return events;
}

function printProfile(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let index = 0; index < samples.length; index++) {
    const frame = byId.get(samples[index] ?? -1)?.callFrame;
    if (!frame) continue;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber}:${frame.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[index + 1] ?? 0) / 1000);
  }
  console.log('hottest functions (self ms):');
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${key}`);
}

/** The renderer's main thread: where its RunTask events with the most time are. */
function longTasks(events: readonly TraceEvent[], minMs: number): void {
  const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
  const onMain = events.filter((event) => event.ph === 'X' && main && event.tid === main.tid && event.pid === main.pid).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks = onMain.filter((event) => event.name === 'ThreadControllerImpl::RunTask' || event.name === 'RunTask');
  const long = tasks.filter((task) => (task.dur ?? 0) / 1000 >= minMs);
  console.log(`${tasks.length} tasks, ${long.length} of ${minMs} ms or more; longest: ${Math.max(0, ...tasks.map((task) => (task.dur ?? 0) / 1000)).toFixed(1)} ms`);
  for (const task of long.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 8)) {
    const end = task.ts + (task.dur ?? 0);
    const inside = onMain.filter((event) => event !== task && event.ts >= task.ts && event.ts + (event.dur ?? 0) <= end);
    // Self time: an event's duration less its children's.
    const self = new Map<string, number>();
    const stack: Array<{ event: TraceEvent; children: number }> = [];
    const close = (until: number): void => {
      while (stack.length && (stack[stack.length - 1] as { event: TraceEvent }).event.ts + ((stack[stack.length - 1] as { event: TraceEvent }).event.dur ?? 0) <= until) {
        const top = stack.pop() as { event: TraceEvent; children: number };
        self.set(top.event.name, (self.get(top.event.name) ?? 0) + ((top.event.dur ?? 0) - top.children) / 1000);
        const parent = stack[stack.length - 1];
        if (parent) parent.children += top.event.dur ?? 0;
      }
    };
    for (const event of inside) {
      close(event.ts);
      stack.push({ event, children: 0 });
    }
    close(Number.POSITIVE_INFINITY);
    const parts = [...self].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, ms]) => `${name} ${ms.toFixed(1)}`);
    console.log(`  task ${((task.dur ?? 0) / 1000).toFixed(1)} ms: ${parts.join(', ')}`);
  }
}

async function main(): Promise<void> {
  const what = process.argv[2] === 'open' ? 'open' : 'scroll';
  // An experiment: `nosticky` turns off sticky questions, to see what they cost.
  const extra = process.argv.includes('nosticky') ? ["document.addEventListener('DOMContentLoaded', () => { const sheet = new CSSStyleSheet(); sheet.replaceSync('.message-user { position: static !important; }'); document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; });"] : [];
  // `small` traces the 100-message chat (its last 50 turns) instead, for comparison.
  const chatId = process.argv.includes('small') ? 'long-chat-100' : 'long-chat-1000';
  const stored = await storeChats([generateLongChat(500, 'long-chat-1000'), generateLongChat(50, 'long-chat-100', 450)]);
  const server = await startWebviewServer();
  const browser = await launchChromium();
  try {
    const view = await WebviewPage.open(browser, server, { viewport: { width: 480, height: 800 }, initScripts: [FRAME_INSTRUMENTATION, OBSERVER_TIMING, HOST_BRIDGE, ...extra] });
    // The chat kept open, as in the bench, to answer the view's requests for earlier pages.
    const live = await stored.keepOpen(chatId);
    await view.page.exposeFunction('__hostShowEarlier', (request: Extract<WebviewMessage, { type: 'showEarlier' }>) => live.showEarlier(request));
    const cdp = await view.page.context().newCDPSession(view.page);
    // Opened once before, as in the bench: the page's code is warm when it is traced.
    const state = live.state;
    await view.page.evaluate((message) => Object.assign(window, { __longChatState: message }), state);
    await view.page.evaluate(deliverAndWait);
    await view.sendAndSettle(stateMessage({ chatId: 'empty' }));
    await view.page.evaluate((message) => Object.assign(window, { __longChatState: message }), state);
    if (what === 'open') {
      longTasks(await recordTrace(cdp, () => view.page.evaluate(deliverAndWait)), 16);
    } else {
      await view.page.evaluate(deliverAndWait);
      let result: unknown;
      longTasks(await recordTrace(cdp, async () => (result = await view.page.evaluate(scrollToTop))), 30);
      console.log(JSON.stringify(result));
    }
    await live.close();
  } finally {
    await browser.close();
    await server.close();
    await stored.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
