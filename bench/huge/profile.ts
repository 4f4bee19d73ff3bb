/** Scratch: CPU profile of the 1 MB stream (dev build for names). node out/bench/huge/profile.js */
import { writeFileSync } from 'node:fs';
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
  writeFileSync('/tmp/hf-huge.cpuprofile', JSON.stringify(profile));
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
  await browser.close();
  await server.close();
}
void main();
