/**
 * Render benchmark (issue 7) for the chat webview, in Debian Chromium, on the real production
 * bundle (`node esbuild.mjs --production`), with host messages shaped exactly like the host's.
 *
 * How "main-thread time" is measured: Chrome DevTools Protocol `Performance.getMetrics` (thread CPU time)
 * `TaskDuration` (all work on the page's main thread: message handling, scripts, style, layout,
 * paint) read before and after each scenario; idle time between frames does not count. Each
 * scenario streams the answer as ~3-token deltas, batched by the host into one message per 16 ms
 * (11 deltas, 2,000 tokens/s at 60 fps) exactly as its DeltaBatcher does, one message per frame.
 * The naive renderer re-renders the whole text on every one of those updates (naiveRenderer.ts). Ratios are taken within one run, side by side; results are medians.
 * `maxTaskMs` comes from the Long Tasks API during a real-time 2,000 tokens/s stream, and
 * `maxFrameWorkMs` from our own per-frame sums (frameInstrumentation.ts).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { HostMessage } from '../../src/shared/protocol';
import { stateMessage, userMessage } from '../../test/webview/fixtures';
import { launchChromium, REPO_ROOT, startWebviewServer, WebviewPage } from '../../test/webview/harness';
import { CHARS_PER_TOKEN, generateAnswer } from './answerGenerator';
import { FRAME_INSTRUMENTATION } from './frameInstrumentation';
import { DEFAULT_MIN_INTERVAL_MS } from '../../src/webview/frameScheduler';
import { baselineLibraryScripts, installBaselines } from './naiveRenderer';
import { renderChartSvg } from './renderChart';
import type { ChartPoint } from './renderChart';

export interface RenderBenchResults {
  /** Ours ÷ naive, 20k tokens. Target <= 0.1. */
  readonly naiveRatio: number;
  /** Ours ÷ one-shot render of the final text, 20k tokens. Reported, no longer a target: no streaming view can avoid most of it (see vsPlainText). */
  readonly vsOneShot: number;
  /** Ours ÷ the plain-text floor (no markdown, same update pace), 20k tokens, per run side by side. Target <= 1.25. */
  readonly vsPlainText: number;
  /** Ours at 40k ÷ ours at 10k tokens. Target <= 5. */
  readonly scaling: number;
  /** Longest main-thread task (Long Tasks API, > 50 ms only; 0 if none) at 2,000 tokens/s. Target <= 50. */
  readonly maxTaskMs: number;
  /** Our own measurement: the most work (message handling + rendering) in any one frame. */
  readonly maxFrameWorkMs: number;
  /** streamEnd posted -> last DOM mutation of the final render. Target <= 50. */
  readonly finalizeMs: number;
  readonly totalsMs: { readonly ours: Readonly<Record<number, number>>; readonly naive: Readonly<Record<number, number>>; readonly oneShot20k: number };
  /** Receiving and dispatching the 20k stream's messages with no rendering at all, ÷ the one-shot render. */
  readonly dispatchFloorVsOneShot: number;
  /** A renderer with no markdown at all (plain text, same update spacing as ours, following the bottom) ÷ the one-shot render: the lowest `vsOneShot` a renderer updating at our pace can reach. */
  readonly plainTextVsOneShot: number;
  /** The same plain-text renderer at other update spacings (ms → ratio): what fewer updates would buy. */
  readonly plainTextVsOneShotBySpacing: Readonly<Record<number, number>>;
  readonly chart: readonly ChartPoint[];
  readonly bundle: { readonly jsBytes: number; readonly cssBytes: number; readonly production: boolean };
  readonly runs: number;
}

export interface RenderBenchOptions {
  readonly runs?: number;
  /** Where to write the chart; `null` to skip. Default docs/render-chart.svg. */
  readonly chartPath?: string | null;
  readonly log?: (line: string) => void;
  /** For quick local iterations: skip the (slow) naive renderer and the real-time stream. */
  readonly oursOnly?: boolean;
}

export const TOKENS_PER_DELTA = 3;
/**
 * The provider's ~3-token deltas reach the webview the way the host sends them: its DeltaBatcher
 * (src/core/chat/deltaBatcher.ts) posts what arrived in each 16 ms, so at 2,000 tokens/s each
 * message carries 11 deltas (33 tokens), one message per frame at 60 fps.
 */
export const DELTAS_PER_MESSAGE = 11;
const MESSAGES_PER_FRAME = 1;
const CHART_SIZES = [2_500, 5_000, 10_000, 20_000];
/** Update spacings (ms) the plain-text floor is measured at; the first is our renderer's. */
const PLAIN_SPACINGS_MS = [DEFAULT_MIN_INTERVAL_MS, 100, 200];
const CODE_BLOCKS_PER_20K = 30;
const CHAT_ID = 'bench-chat';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function answerFor(tokens: number): string {
  return generateAnswer(tokens, Math.round((CODE_BLOCKS_PER_20K * tokens) / 20_000));
}

/** The host's messages for one streamed answer: start, batched ~3-token deltas, end. */
export function hostStream(messageId: string, content: string): { start: HostMessage; deltas: HostMessage[]; end: HostMessage } {
  const size = TOKENS_PER_DELTA * CHARS_PER_TOKEN * DELTAS_PER_MESSAGE;
  const deltas: HostMessage[] = [];
  for (let index = 0; index < content.length; index += size) {
    deltas.push({ type: 'streamDelta', chatId: CHAT_ID, messageId, content: content.slice(index, index + size) });
  }
  return {
    start: { type: 'streamStart', chatId: CHAT_ID, user: userMessage(`${messageId}-q`, 'Explain the module.'), assistant: { id: messageId, role: 'assistant', content: '', status: 'streaming' } },
    deltas,
    end: { type: 'streamEnd', chatId: CHAT_ID, message: { id: messageId, role: 'assistant', content, status: 'done', stats: { model: 'openai/gpt-oss-120b' } } },
  };
}

export class BenchPage {
  private constructor(
    private readonly view: WebviewPage,
    private readonly cdp: CDPSession,
  ) {}

  static async open(view: WebviewPage): Promise<BenchPage> {
    const cdp = await view.page.context().newCDPSession(view.page);
    // Thread CPU time, not wall time: other processes on a busy machine must not inflate the figures.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await view.page.evaluate(installBaselines);
    return new BenchPage(view, cdp);
  }

  get page(): Page {
    return this.view.page;
  }

  async reset(): Promise<void> {
    await this.view.sendAndSettle(stateMessage({ chatId: CHAT_ID }));
  }

  /** Main-thread milliseconds spent while `work` runs in the page. */
  async measure(work: () => Promise<void>): Promise<number> {
    const before = await this.metrics();
    await work();
    const after = await this.metrics();
    const delta = (name: string): number => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
    if (process.env.RENDER_BENCH_VERBOSE) {
      const parts = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'TaskOtherDuration'].map((name) => `${name} ${delta(name).toFixed(0)}`);
      console.log(`    ${parts.join(', ')}`);
    }
    return delta('TaskDuration');
  }

  private async metrics(): Promise<Record<string, number>> {
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
  }
}

/**
 * In the page: deliver pre-loaded messages, `perFrame` per animation frame. `ours` and `plain` get
 * them as message events, as the webview does from the host; `naive` is called directly.
 */
function deliverFrameLocked([perFrame, target, plainSpacingMs = 0]: readonly [number, 'ours' | 'naive' | 'plain', number?]): Promise<void> {
  const globals = window as unknown as {
    __benchMessages: Array<{ content?: string }>;
    __benchEnd: unknown;
    __naive: { start(): void; append(text: string): void };
    __plain: { start(spacingMs: number): void; stop(): void };
  };
  const messages = globals.__benchMessages;
  return new Promise((done) => {
    let next = 0;
    if (target === 'naive') globals.__naive.start();
    if (target === 'plain') globals.__plain.start(plainSpacingMs);
    const settle = (): void => {
      requestAnimationFrame(() =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            if (target === 'plain') globals.__plain.stop();
            done();
          }),
        ),
      );
    };
    const tick = (): void => {
      for (let count = 0; count < perFrame && next < messages.length; count++, next++) {
        const message = messages[next];
        if (target === 'naive') globals.__naive.append(message?.content ?? '');
        else window.postMessage(message, '*');
      }
      if (next < messages.length) requestAnimationFrame(tick);
      else {
        if (target === 'ours') window.postMessage(globals.__benchEnd, '*');
        settle();
      }
    };
    requestAnimationFrame(tick);
  });
}

/** In the page: deliver at `tokensPerSecond` in real time, then measure finalization. */
export function deliverRealTime([deltasPerSecond]: readonly [number]): Promise<{ finalizeMs: number; maxFrameWorkMs: number; longTaskMax: number }> {
  const globals = window as unknown as {
    __benchMessages: unknown[];
    __benchEnd: unknown;
    __frameStats: { reset(): void; finish(): void; maxFrameWork: number; longTaskMax: number };
  };
  const messages = globals.__benchMessages;
  const stats = globals.__frameStats;
  stats.reset();
  return new Promise((done) => {
    const started = performance.now();
    let next = 0;
    const tick = (): void => {
      const due = Math.min(messages.length, Math.floor(((performance.now() - started) / 1000) * deltasPerSecond));
      for (; next < due; next++) window.postMessage(messages[next], '*');
      if (next < messages.length) {
        requestAnimationFrame(tick);
        return;
      }
      const list = document.querySelector('.message-list');
      let lastMutation = 0;
      const observer = new MutationObserver(() => {
        lastMutation = performance.now();
      });
      if (list) observer.observe(list, { childList: true, subtree: true, characterData: true, attributes: true });
      const endPosted = performance.now();
      window.postMessage(globals.__benchEnd, '*');
      setTimeout(() => {
        observer.disconnect();
        stats.finish();
        done({ finalizeMs: Math.max(0, lastMutation - endPosted), maxFrameWorkMs: stats.maxFrameWork, longTaskMax: stats.longTaskMax });
      }, 500);
    };
    requestAnimationFrame(tick);
  });
}

export async function loadStream(bench: BenchPage, messageId: string, content: string, withStart: boolean): Promise<void> {
  const { start, deltas, end } = hostStream(messageId, content);
  await bench.reset();
  if (withStart) await bench.page.evaluate((message) => window.postMessage(message, '*'), start);
  await bench.page.evaluate(([all, last]) => Object.assign(window, { __benchMessages: all, __benchEnd: last }), [deltas, end] as const);
}

async function oursTotal(bench: BenchPage, tokens: number, run: number): Promise<number> {
  await loadStream(bench, `ours-${tokens}-${run}`, answerFor(tokens), true);
  return bench.measure(() => bench.page.evaluate(deliverFrameLocked, [MESSAGES_PER_FRAME, 'ours'] as const));
}

/**
 * The floor any webview renderer pays here: the same deltas posted at the same pace, addressed to
 * no message, so the webview receives and dispatches each one and renders nothing.
 */
async function dispatchFloorTotal(bench: BenchPage, tokens: number, run: number): Promise<number> {
  await loadStream(bench, `floor-${tokens}-${run}`, answerFor(tokens), false);
  await bench.page.evaluate(() => Object.assign(window, { __benchEnd: { type: 'focusInput' } }));
  return bench.measure(() => bench.page.evaluate(deliverFrameLocked, [MESSAGES_PER_FRAME, 'ours'] as const));
}

async function naiveTotal(bench: BenchPage, tokens: number, run: number): Promise<number> {
  await loadStream(bench, `naive-${tokens}-${run}`, answerFor(tokens), false);
  return bench.measure(() => bench.page.evaluate(deliverFrameLocked, [MESSAGES_PER_FRAME, 'naive'] as const));
}

/** The plain-text renderer on the same messages, at the same pace (the webview ignores them: no answer of that id). */
async function plainTotal(bench: BenchPage, tokens: number, run: number, spacingMs: number): Promise<number> {
  await loadStream(bench, `plain-${tokens}-${run}`, answerFor(tokens), false);
  return bench.measure(() => bench.page.evaluate(deliverFrameLocked, [MESSAGES_PER_FRAME, 'plain', spacingMs] as const));
}

async function oneShotTotal(bench: BenchPage, tokens: number): Promise<number> {
  await bench.reset();
  const text = answerFor(tokens);
  return bench.measure(() =>
    bench.page.evaluate(
      (finalText) =>
        new Promise<void>((done) => {
          (window as unknown as { __oneShot(text: string): void }).__oneShot(finalText);
          requestAnimationFrame(() => requestAnimationFrame(() => done()));
        }),
      text,
    ),
  );
}

function bundleInfo(): RenderBenchResults['bundle'] {
  const js = join(REPO_ROOT, 'dist', 'webview.js');
  const css = join(REPO_ROOT, 'dist', 'webview.css');
  // A --production build is minified and carries no source map reference.
  const production = !readFileSync(js, 'utf8').includes('//# sourceMappingURL=');
  return { jsBytes: statSync(js).size, cssBytes: statSync(css).size, production };
}

export async function runRenderBench(options: RenderBenchOptions = {}): Promise<RenderBenchResults> {
  const runs = options.runs ?? 3;
  const log = options.log ?? ((line: string) => console.log(line));
  const bundle = bundleInfo();
  if (!bundle.production) log('render bench: warning: dist/webview.js does not look like a --production build');
  const server = await startWebviewServer();
  const browser = await launchChromium();
  try {
    const view = await WebviewPage.open(browser, server, {
      viewport: { width: 480, height: 800 },
      initScripts: [FRAME_INSTRUMENTATION, ...baselineLibraryScripts(REPO_ROOT)],
    });
    const bench = await BenchPage.open(view);
    const ours: Record<number, number[]> = {};
    const naive: Record<number, number[]> = {};
    const samples = { naiveRatio: [] as number[], vsOneShot: [] as number[], vsPlainText: [] as number[], scaling: [] as number[], oneShot: [] as number[], floor: [] as number[] };
    const plain: Record<number, number[]> = {};
    const realtime = { maxTask: [] as number[], maxFrame: [] as number[], finalize: [] as number[] };
    for (let run = 0; run < runs; run++) {
      for (const tokens of [...CHART_SIZES, 40_000]) (ours[tokens] ??= []).push(await oursTotal(bench, tokens, run));
      if (!options.oursOnly) for (const tokens of CHART_SIZES) (naive[tokens] ??= []).push(await naiveTotal(bench, tokens, run));
      const oneShot = await oneShotTotal(bench, 20_000);
      const at = (series: Record<number, number[]>, tokens: number): number => series[tokens]?.[run] ?? Number.NaN;
      samples.oneShot.push(oneShot);
      samples.floor.push((await dispatchFloorTotal(bench, 20_000, run)) / oneShot);
      for (const spacing of PLAIN_SPACINGS_MS) {
        const plainMs = await plainTotal(bench, 20_000, run, spacing);
        (plain[spacing] ??= []).push(plainMs / oneShot);
        if (spacing === DEFAULT_MIN_INTERVAL_MS) samples.vsPlainText.push(at(ours, 20_000) / plainMs);
      }
      samples.naiveRatio.push(at(ours, 20_000) / at(naive, 20_000));
      samples.vsOneShot.push(at(ours, 20_000) / oneShot);
      samples.scaling.push(at(ours, 40_000) / at(ours, 10_000));
      await loadStream(bench, `realtime-${run}`, answerFor(20_000), true);
      const live = options.oursOnly
        ? { longTaskMax: Number.NaN, maxFrameWorkMs: Number.NaN, finalizeMs: Number.NaN }
        : await bench.page.evaluate(deliverRealTime, [2_000 / (TOKENS_PER_DELTA * DELTAS_PER_MESSAGE)] as const);
      realtime.maxTask.push(live.longTaskMax);
      realtime.maxFrame.push(live.maxFrameWorkMs);
      realtime.finalize.push(live.finalizeMs);
      log(`render bench: run ${run + 1}/${runs}: ours 20k ${at(ours, 20_000).toFixed(0)} ms, naive 20k ${at(naive, 20_000).toFixed(0)} ms, one-shot ${oneShot.toFixed(0)} ms, plain text ×${(plain[DEFAULT_MIN_INTERVAL_MS]?.[run] ?? 0).toFixed(1)} of one-shot, max frame ${live.maxFrameWorkMs.toFixed(1)} ms`);
    }
    const medians = (series: Record<number, number[]>): Record<number, number> =>
      Object.fromEntries(Object.entries(series).map(([tokens, values]) => [Number(tokens), median(values)]));
    const oursMedian = medians(ours);
    const naiveMedian = medians(naive);
    const chart = CHART_SIZES.map((tokens) => ({ tokens, oursMs: oursMedian[tokens] ?? 0, naiveMs: naiveMedian[tokens] ?? 0 }));
    const results: RenderBenchResults = {
      naiveRatio: median(samples.naiveRatio),
      vsOneShot: median(samples.vsOneShot),
      vsPlainText: median(samples.vsPlainText),
      scaling: median(samples.scaling),
      maxTaskMs: median(realtime.maxTask),
      maxFrameWorkMs: median(realtime.maxFrame),
      finalizeMs: median(realtime.finalize),
      totalsMs: { ours: oursMedian, naive: naiveMedian, oneShot20k: median(samples.oneShot) },
      dispatchFloorVsOneShot: median(samples.floor),
      plainTextVsOneShot: median(plain[DEFAULT_MIN_INTERVAL_MS] ?? []),
      plainTextVsOneShotBySpacing: medians(plain),
      chart,
      bundle,
      runs,
    };
    const chartPath = options.chartPath === undefined ? join(REPO_ROOT, 'docs', 'render-chart.svg') : options.chartPath;
    if (chartPath) writeFileSync(chartPath, renderChartSvg(chart, 'Streaming render cost: incremental vs naive (median main-thread ms)'));
    return results;
  } finally {
    await browser.close();
    await server.close();
  }
}
