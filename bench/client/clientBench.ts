/**
 * Client overhead: a 200,000-chunk stream from the local server consumed through our client,
 * against a bare loop (fetch + eventsource-parser + JSON.parse, nothing else) on the same stream.
 * The two are interleaved run by run so the machine's noise hits both alike; the figure is the
 * ratio of their medians.
 */
import { performance } from 'node:perf_hooks';
import { OpenRouterClient } from '../../src/core/openrouter/client';
import { loadSseParser } from '../../src/core/openrouter/sseParser';
import { startOpenRouterServer } from '../../test/server/openRouterServer';
import { TEST_API_KEY } from '../../test/support/testKey';
import { median, round } from '../stats';

export interface ClientBenchResults {
  readonly overheadRatio: number;
  readonly chunksPerSec: number;
  readonly oursMs: number;
  readonly baselineMs: number;
  readonly chunks: number;
  readonly runs: number;
}

const BODY = (chunks: number) => ({
  model: 'openai/gpt-oss-120b',
  stream: true,
  messages: [{ role: 'user', content: `[[mock:bulk chunks=${chunks}]] go` }],
});

/** The bare baseline: what any client must do at minimum. Returns the content length seen. */
async function bareLoop(baseUrl: string, chunks: number): Promise<number> {
  const createParser = await loadSseParser();
  const response = await fetch(`${baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TEST_API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(BODY(chunks)),
  });
  let length = 0;
  const parser = createParser({
    onEvent: (event) => {
      if (event.data === '[DONE]') return;
      const chunk = JSON.parse(event.data) as { choices?: { delta?: { content?: string } }[] };
      length += chunk.choices?.[0]?.delta?.content?.length ?? 0;
    },
  });
  const decoder = new TextDecoder();
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  return length;
}

export async function runClientBench(chunks = 200_000, runs = 5): Promise<ClientBenchResults> {
  const server = await startOpenRouterServer();
  try {
    const client = new OpenRouterClient({ baseUrl: server.baseUrl, getApiKey: () => TEST_API_KEY });
    const ours = async () => {
      let length = 0;
      await client.complete({ model: 'openai/gpt-oss-120b', messages: BODY(chunks).messages as never }, { onEvent: (e) => {
        if (e.type === 'content') length += e.text.length;
      } });
      return length;
    };
    // Warm both paths once (JIT, module loading, connection pool) before measuring.
    const expected = await bareLoop(server.baseUrl, chunks);
    const got = await ours();
    if (got !== expected) throw new Error(`client bench: our client saw ${got} characters, the baseline ${expected}`);
    const oursTimes: number[] = [];
    const baseTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first so neither always runs on a warmer or calmer machine.
      const order = i % 2 === 0 ? ['base', 'ours'] : ['ours', 'base'];
      for (const which of order) {
        const start = performance.now();
        if (which === 'base') await bareLoop(server.baseUrl, chunks);
        else await ours();
        (which === 'base' ? baseTimes : oursTimes).push(performance.now() - start);
      }
    }
    const oursMs = median(oursTimes);
    const baselineMs = median(baseTimes);
    return {
      overheadRatio: round(oursMs / baselineMs, 3),
      chunksPerSec: Math.round(chunks / (oursMs / 1000)),
      oursMs: round(oursMs, 1),
      baselineMs: round(baselineMs, 1),
      chunks,
      runs,
    };
  } finally {
    await server.close();
  }
}
