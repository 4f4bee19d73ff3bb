import * as assert from 'node:assert/strict';
import { estimateTokens, estimateWorstCaseCostUsd } from '../../../src/core/openrouter/pricing';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { clientFor, expectOpenRouterError } from '../../support/openRouterTestKit';

describe('OpenRouter models, key and pricing', () => {
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(() => server.close());

  it('maps GET /models to ModelInfo, without sending the key', async () => {
    const { client } = clientFor(server);
    const models = await client.listModels();
    const byId = new Map(models.map((m) => [m.id, m]));
    const gptOss = byId.get('openai/gpt-oss-120b');
    assert.deepEqual(gptOss && { ...gptOss, description: undefined }, {
      id: 'openai/gpt-oss-120b', name: 'OpenAI: gpt-oss-120b', contextLength: 131072, maxCompletionTokens: 131072,
      promptPricePerToken: 0.00000005, completionPricePerToken: 0.00000025,
      supportedParameters: [
        'frequency_penalty', 'include_reasoning', 'logit_bias', 'logprobs', 'max_tokens', 'presence_penalty', 'reasoning', 'response_format',
        'seed', 'stop', 'temperature', 'tool_choice', 'tools', 'top_logprobs', 'top_p',
      ],
      supportsReasoning: true, reasoningMandatory: true, reasoningEfforts: ['low', 'medium', 'high'], defaultReasoningEffort: 'medium',
      description: undefined, inputModalities: ['text'],
    });
    const mistral = byId.get('mistralai/mistral-small-3.2-24b-instruct');
    assert.equal(mistral?.supportsReasoning, false);
    assert.equal(mistral?.maxCompletionTokens, undefined);
    assert.deepEqual(mistral?.inputModalities, ['image', 'text']);
    const free = byId.get('openai/gpt-oss-20b:free');
    assert.equal(free?.promptPricePerToken, 0);
    const claude = byId.get('anthropic/claude-sonnet-4.5');
    assert.equal(claude?.supportsReasoning, true);
    assert.equal(claude?.reasoningMandatory, false);
    assert.equal(claude?.reasoningEfforts, undefined, 'null supported_efforts = no allow-list');
    assert.equal(claude?.completionPricePerToken, 0.000015);
    const request = server.requests.at(-1);
    assert.equal(request?.path, '/api/v1/models');
    assert.equal(request?.headers['authorization'], undefined);
  });

  it('fetches the list on every call: the one cache is the service\'s (modelListCache.test.ts)', async () => {
    const { client } = clientFor(server);
    const count = (): number => server.requests.filter((r) => r.path === '/api/v1/models').length;
    const before = count();
    await client.listModels();
    await client.listModels();
    assert.equal(count() - before, 2);
  });

  it('reads the key info, and reports a wrong key as unauthorized', async () => {
    const { client } = clientFor(server);
    assert.deepEqual(await client.getKeyInfo(), { label: 'Mock key', limit: 10, limitRemaining: 7.5, usage: 2.5, usageDaily: 0.5, usageMonthly: 2.5, isFreeTier: false, expiresAt: null });
    const error = await expectOpenRouterError(() => client.getKeyInfo('sk-or-v1-not-the-right-key'));
    assert.equal(error.kind, 'unauthorized');
    assert.equal(error.action, 'setApiKey');
    assert.equal(server.requests.at(-1)?.headers['authorization'], 'Bearer sk-or-v1-not-the-right-key');
  });

  it('estimates tokens conservatively and the worst-case cost', () => {
    assert.equal(estimateTokens(''), 0);
    assert.equal(estimateTokens('abcd'), 2);
    assert.equal(estimateTokens('a'.repeat(3000)), 1000);
    const cost = estimateWorstCaseCostUsd(
      { id: 'x', name: 'x', contextLength: 1, promptPricePerToken: 0.000003, completionPricePerToken: 0.000015, requestPrice: 0.001, supportedParameters: [], supportsReasoning: false, reasoningMandatory: false },
      1000, 2000,
    );
    assert.ok(Math.abs(cost - (0.003 + 0.03 + 0.001)) < 1e-12);
  });
});
