/**
 * CPU profile of the 1 MB answer streamed (hugeBench.ts), printing the functions with the most self
 * time: how the causes in docs/BENCHMARKS.md were found. Build with `node esbuild.mjs` (not
 * --production, which drops the names) and `node esbuild.mjs --tests`, then `node out/bench/huge/profile.js`.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAnswer } from '../render/answerGenerator';
import { FRAME_INSTRUMENTATION } from '../render/frameInstrumentation';
import { baselineLibraryScripts } from '../render/naiveRenderer';
import { BenchPage, deliverRealTime, DELTAS_PER_MESSAGE, loadStream, TOKENS_PER_DELTA } from '../render/renderBench';
import { launchChromium, REPO_ROOT, startWebviewServer, WebviewPage } from '../../test/webview/harness';

async function main(): Promise<void> {
  const content = generateAnswer(250_000, 375);
  const server = await startWebviewServer();
  const browser = await launchChromium();
  const view = await WebviewPage.open(browser, server, { viewport: { width: 480, height: 800 }, initScripts: [FRAME_INSTRUMENTATION, ...baselineLibraryScripts(REPO_ROOT)] });
  const bench = await BenchPage.open(view);
  await loadStream(bench, 'huge-p', content, true);
  const cdp = await view.page.context().newCDPSession(view.page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const live = await bench.page.evaluate(deliverRealTime, [10_000 / (TOKENS_PER_DELTA * DELTAS_PER_MESSAGE)] as const);
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(join(tmpdir(), 'huge.cpuprofile'), JSON.stringify(profile));
  console.log(JSON.stringify(live));
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map<number, number>();
  for (const s of profile.samples ?? []) counts.set(s, (counts.get(s) ?? 0) + 1);
  for (const [id, c] of counts) {
    const n = byId.get(id);
    if (!n) continue;
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + c);
  }
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v}\t${k}`).join('\n'));
  // The longest stretch of samples with no idle in between (a long task, or back-to-back ones), and what ran in it.
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const nameOf = (id: number): string => {
    const n = byId.get(id);
    return n ? `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}` : '?';
  };
  let best = { from: 0, to: 0, ms: 0 };
  let from = 0;
  let ms = 0;
  for (let i = 0; i < samples.length; i++) {
    if (nameOf(samples[i] as number).startsWith('(idle)')) {
      from = i + 1;
      ms = 0;
      continue;
    }
    ms += (deltas[i] ?? 0) / 1000;
    if (ms > best.ms) best = { from, to: i, ms };
  }
  const inStretch = new Map<string, number>();
  for (let i = best.from; i <= best.to; i++) inStretch.set(nameOf(samples[i] as number), (inStretch.get(nameOf(samples[i] as number)) ?? 0) + (deltas[i] ?? 0) / 1000);
  console.log(`longest busy stretch ${best.ms.toFixed(1)} ms:`);
  console.log([...inStretch].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${v.toFixed(1)} ms\t${k}`).join('\n'));
  // Its stack: the parents of the sample with the most time in it.
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const mid = samples[Math.floor((best.from + best.to) / 2)] as number;
  const stack: string[] = [];
  for (let id: number | undefined = mid; id !== undefined; id = parentOf.get(id)) stack.push(nameOf(id));
  console.log('a stack in it:\n  ' + stack.join('\n  '));
  await browser.close();
  await server.close();
}
void main();
