/**
 * One answer of 1 MB (about 250,000 tokens) streamed into the real webview bundle in Chromium
 * (issue 19), the way the render bench streams its 20,000 tokens (renderBench.ts): the host's
 * batched deltas in real time, the Long Tasks API for the longest task, and a MutationObserver for
 * the time from `streamEnd` to the last change of the final render.
 *
 * The pace is 10,000 tokens/s, five times the render bench's: at 2,000 a run would take two
 * minutes. A faster pace is the harder case here: each render catches up on more text.
 */
import { generateAnswer } from '../render/answerGenerator';
import { FRAME_INSTRUMENTATION } from '../render/frameInstrumentation';
import { baselineLibraryScripts } from '../render/naiveRenderer';
import { BenchPage, deliverRealTime, DELTAS_PER_MESSAGE, loadStream, median, TOKENS_PER_DELTA } from '../render/renderBench';
import { launchChromium, REPO_ROOT, startWebviewServer, WebviewPage } from '../../test/webview/harness';

export interface HugeBenchResults {
  /** Longest main-thread task (Long Tasks API: only tasks over 50 ms count; 0 if none). Target <= 50. */
  readonly maxTaskMs: number;
  /** Our own per-frame sums (message handling + rendering), for how far below 50 ms a frame stays. */
  readonly maxFrameWorkMs: number;
  /** streamEnd posted -> last DOM mutation of the final render. Target <= 100. */
  readonly finalizeMs: number;
  readonly chars: number;
  readonly tokensPerSecond: number;
  readonly runs: number;
}

export const HUGE_TOKENS = 250_000;
const TOKENS_PER_SECOND = 10_000;

export async function runHugeBench(runs = 3, log: (line: string) => void = console.log): Promise<HugeBenchResults> {
  // Code blocks at the render bench's density (30 per 20,000 tokens).
  const content = generateAnswer(HUGE_TOKENS, Math.round((30 * HUGE_TOKENS) / 20_000));
  const server = await startWebviewServer();
  const browser = await launchChromium();
  try {
    const view = await WebviewPage.open(browser, server, { viewport: { width: 480, height: 800 }, initScripts: [FRAME_INSTRUMENTATION, ...baselineLibraryScripts(REPO_ROOT)] });
    const bench = await BenchPage.open(view);
    const samples = { maxTask: [] as number[], maxFrame: [] as number[], finalize: [] as number[] };
    for (let run = 0; run < runs; run++) {
      await loadStream(bench, `huge-${run}`, content, true);
      const live = await bench.page.evaluate(deliverRealTime, [TOKENS_PER_SECOND / (TOKENS_PER_DELTA * DELTAS_PER_MESSAGE)] as const);
      samples.maxTask.push(live.longTaskMax);
      samples.maxFrame.push(live.maxFrameWorkMs);
      samples.finalize.push(live.finalizeMs);
      log(`huge bench: run ${run + 1}/${runs}: longest task ${live.longTaskMax.toFixed(1)} ms, max frame ${live.maxFrameWorkMs.toFixed(1)} ms, finalize ${live.finalizeMs.toFixed(1)} ms`);
    }
    return {
      maxTaskMs: median(samples.maxTask),
      maxFrameWorkMs: median(samples.maxFrame),
      finalizeMs: median(samples.finalize),
      chars: content.length,
      tokensPerSecond: TOKENS_PER_SECOND,
      runs,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
