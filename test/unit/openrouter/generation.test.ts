/**
 * `GET /generation?id=`: how its record is read (native counts, bring-your-own-key cost), and how
 * the client asks for it against the local server (404 while it is not recorded yet).
 */
import * as assert from 'node:assert/strict';
import { GENERATION_TRIES, mapGeneration } from '../../../src/core/openrouter/generation';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { chatRequest, clientFor } from '../../support/openRouterTestKit';
import { OpenRouterClient } from '../../../src/core/openrouter/client';
import { TEST_API_KEY } from '../../support';

describe('generation figures', function () {
  this.timeout(20_000);

  it('reads native token counts first, the normalised ones otherwise', () => {
    const native = mapGeneration({ data: { tokens_prompt: 10, tokens_completion: 20, native_tokens_prompt: 12, native_tokens_completion: 25, native_tokens_reasoning: 7, native_tokens_cached: 3, total_cost: 0.001, provider_name: 'Groq', model: 'm' } });
    assert.deepEqual(native, { usage: { promptTokens: 12, completionTokens: 25, totalTokens: 37, reasoningTokens: 7, cachedTokens: 3, costUsd: 0.001 }, model: 'm', provider: 'Groq' });
    const normalised = mapGeneration({ data: { tokens_prompt: 10, tokens_completion: 20, total_cost: 0.002 } });
    assert.deepEqual(normalised?.usage, { promptTokens: 10, completionTokens: 20, totalTokens: 30, costUsd: 0.002 });
  });

  it('takes the upstream cost of a bring-your-own-key generation, never the sum', () => {
    const byok = mapGeneration({ data: { native_tokens_prompt: 1, native_tokens_completion: 1, total_cost: 0.0001, is_byok: true, upstream_inference_cost: 0.02 } });
    assert.equal(byok?.usage.costUsd, 0.02);
    assert.equal(byok?.usage.isByok, true);
  });

  it('reads nothing from an answer without figures', () => {
    assert.equal(mapGeneration({ data: { id: 'gen-1' } }), undefined);
    assert.equal(mapGeneration({ error: { code: 404 } }), undefined);
    assert.equal(mapGeneration('nope'), undefined);
  });

  describe('against the local server', () => {
    let server: MockOpenRouter;
    before(async () => {
      server = await startOpenRouterServer();
    });
    after(async () => server.close());

    const fastClient = (): OpenRouterClient => new OpenRouterClient({ baseUrl: server.baseUrl, getApiKey: () => TEST_API_KEY, retry: { baseDelayMs: 5, maxDelayMs: 20 } });
    const lookups = (id: string): string[] => server.requests.filter((r) => r.path === `/api/v1/generation?id=${id}`).map((r) => r.script);

    it('asks through the 404s of a record not there yet and returns the stream usage', async () => {
      const turn = await clientFor(server).client.complete(chatRequest('[[mock:default generationLag=4]] hi'));
      const report = await fastClient().billedGeneration(turn.generationId ?? '');
      assert.deepEqual(report?.usage, turn.usage);
      assert.equal(report?.provider, 'Cerebras');
      const asked = lookups(turn.generationId ?? '');
      assert.deepEqual(asked.slice(-5), ['generation-not-found', 'generation-not-found', 'generation-not-found', 'generation-not-found', 'generation']);
    });

    it(`gives up after ${GENERATION_TRIES} lookups of a record that never comes`, async () => {
      const turn = await clientFor(server).client.complete(chatRequest('[[mock:default generationLag=100]] hi'));
      assert.equal(await fastClient().billedGeneration(turn.generationId ?? ''), undefined);
      assert.equal(lookups(turn.generationId ?? '').length, GENERATION_TRIES);
    });

    it('asks once when the key is refused (it will not get better)', async () => {
      const turn = await clientFor(server).client.complete(chatRequest('hi'));
      const wrongKey = new OpenRouterClient({ baseUrl: server.baseUrl, getApiKey: () => 'sk-or-v1-other', retry: { baseDelayMs: 5, maxDelayMs: 20 } });
      const before = server.requests.length;
      assert.equal(await wrongKey.billedGeneration(turn.generationId ?? ''), undefined);
      assert.deepEqual(server.requests.slice(before).map((r) => r.script), ['unauthorized']);
    });

    it('stops asking when the signal fires', async () => {
      const turn = await clientFor(server).client.complete(chatRequest('[[mock:default generationLag=100]] hi'));
      const slow = new OpenRouterClient({ baseUrl: server.baseUrl, getApiKey: () => TEST_API_KEY, retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 } });
      const stop = new AbortController();
      server.onRequest((request) => {
        if (request.path.includes(`id=${turn.generationId}`)) stop.abort();
      });
      assert.equal(await slow.billedGeneration(turn.generationId ?? '', { signal: stop.signal }), undefined);
      assert.equal(lookups(turn.generationId ?? '').length, 1);
    });
  });
});
