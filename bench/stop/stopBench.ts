/**
 * Stop latency: from `abort()` (what the Stop button calls) to the local server seeing the
 * client's socket closed. Both ends live in this process, so one clock measures both.
 */
import { performance } from 'node:perf_hooks';
import { OpenRouterClient } from '../../src/core/openrouter/client';
import { startOpenRouterServer } from '../../test/server/openRouterServer';
import { TEST_API_KEY } from '../../test/support/testKey';
import { median, round } from '../stats';

export interface StopBenchResults {
  readonly latencyMs: number;
  readonly maxMs: number;
  readonly runs: number;
}

export async function runStopBench(runs = 15): Promise<StopBenchResults> {
  const server = await startOpenRouterServer();
  const client = new OpenRouterClient({ baseUrl: server.baseUrl, getApiKey: () => TEST_API_KEY });
  const latencies: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const abort = new AbortController();
      let started!: () => void;
      const firstContent = new Promise<void>((resolve) => (started = resolve));
      const answer = client
        .complete(
          { model: 'openai/gpt-oss-120b', messages: [{ role: 'user', content: '[[mock:slow-drip count=1000 delayMs=20]] go' }] },
          { signal: abort.signal, onEvent: (e) => e.type === 'content' && started() },
        )
        .catch(() => undefined);
      await firstContent;
      const closed = server.waitForClose(server.closedConnections(), 5000);
      const pressedAt = performance.now();
      abort.abort();
      await closed;
      latencies.push(performance.now() - pressedAt);
      await answer;
    }
  } finally {
    await server.close();
  }
  return { latencyMs: round(median(latencies), 2), maxMs: round(Math.max(...latencies), 2), runs };
}
