import { OpenRouterClient, type OpenRouterClientOptions } from '../../src/core/openrouter/client';
import { OpenRouterError } from '../../src/core/openrouter/errors';
import type { StreamEvent } from '../../src/core/openrouter/types';
import type { MockOpenRouter } from '../server/openRouterServer';
import { TEST_API_KEY } from './index';

/** A client pointed at the local server with the test key; `lines` collects its log output. */
export function clientFor(
  server: MockOpenRouter,
  options: Partial<OpenRouterClientOptions> = {},
): { client: OpenRouterClient; lines: string[] } {
  const lines: string[] = [];
  const client = new OpenRouterClient({
    baseUrl: server.baseUrl,
    getApiKey: () => TEST_API_KEY,
    retry: { baseDelayMs: 20, maxDelayMs: 100 },
    log: (line) => lines.push(line),
    ...options,
  });
  return { client, lines };
}

/** A chat request whose last user message carries an optional `[[mock:…]]` marker. */
export function chatRequest(text = 'Hello', model = 'openai/gpt-oss-120b'): { model: string; messages: { role: 'user'; content: string }[] } {
  return { model, messages: [{ role: 'user', content: text }] };
}

/** Drains `stream()`; returns the events (without 'start') and the error it ended with, if any. */
export async function collect(iterable: AsyncIterable<StreamEvent>): Promise<{ events: StreamEvent[]; error?: OpenRouterError }> {
  const events: StreamEvent[] = [];
  try {
    for await (const event of iterable) if (event.type !== 'start') events.push(event);
    return { events };
  } catch (error) {
    if (error instanceof OpenRouterError) return { events, error };
    throw error;
  }
}

/** Runs `action` and returns the OpenRouterError it rejects with; fails when it resolves. */
export async function expectOpenRouterError(action: () => Promise<unknown>): Promise<OpenRouterError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof OpenRouterError) return error;
    throw error;
  }
  throw new Error('expected an OpenRouterError, but the call succeeded');
}
