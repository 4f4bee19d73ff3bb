/**
 * Sampling parameters, routing, fallbacks, session and caching, sent for real to the local server
 * (which refuses any body the official `@openrouter/sdk` schema refuses) and read back from what
 * it received.
 */
import * as assert from 'node:assert/strict';
import { buildChatRequest, chooseReasoningEffort, effortChoices, requestParameterFields, type ChatSettings } from '../../../src/core/openrouter/requestBuilder';
import type { RoutingPreferences, SamplingParameters } from '../../../src/core/openrouter/requestParameters';
import type { ModelInfo } from '../../../src/core/openrouter/types';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { clientFor } from '../../support/openRouterTestKit';

const EVERY_PARAMETER: Required<SamplingParameters> = {
  temperature: 0.7,
  topP: 0.9,
  frequencyPenalty: 0.5,
  presencePenalty: -0.5,
  seed: 42,
  stop: ['END', '\n\nUser:'],
  logitBias: { '50256': -100, '200': 5 },
  logprobs: true,
  topLogprobs: 5,
  maxTokens: 512,
};

const EVERY_PARAMETER_ON_THE_WIRE = {
  temperature: 0.7,
  top_p: 0.9,
  frequency_penalty: 0.5,
  presence_penalty: -0.5,
  seed: 42,
  stop: ['END', '\n\nUser:'],
  logit_bias: { '50256': -100, '200': 5 },
  logprobs: true,
  top_logprobs: 5,
  max_tokens: 512,
};

const EVERY_ROUTING_PREFERENCE: RoutingPreferences = {
  order: ['cerebras', 'groq'],
  only: ['cerebras', 'groq', 'fireworks'],
  ignore: ['deepinfra'],
  allowFallbacks: false,
  dataCollection: 'deny',
  zdr: true,
  quantizations: ['fp8', 'bf16'],
  sort: 'throughput',
  maxPrice: { prompt: 1, completion: 2.5 },
  fallbackModels: ['openai/gpt-oss-20b:free', 'mistralai/mistral-small-3.2-24b-instruct'],
};

describe('request parameters and routing, over HTTP', function () {
  this.timeout(10_000);
  let server: MockOpenRouter;
  let models: Map<string, ModelInfo>;
  before(async () => {
    server = await startOpenRouterServer();
    models = new Map((await clientFor(server).client.listModels()).map((m) => [m.id, m]));
  });
  after(() => server.close());

  function model(id: string): ModelInfo {
    const found = models.get(id);
    assert.ok(found, `${id} is in the /models fixture`);
    return found;
  }

  /** Sends the request and returns the body the server received. */
  async function sent(settings: ChatSettings, modelInfo?: ModelInfo, sessionId?: string): Promise<Record<string, unknown>> {
    const request = buildChatRequest([{ role: 'user', content: 'Hi' }], settings, { ...(modelInfo ? { model: modelInfo } : {}), ...(sessionId ? { sessionId } : {}) });
    await clientFor(server).client.complete(request);
    const last = server.requests.at(-1);
    assert.equal(last?.script, 'default', `the server answered; schema problems: ${last?.schemaProblems?.join('; ') ?? 'none'}`);
    return last?.body as Record<string, unknown>;
  }

  it('sends every parameter of the model page when it is set and the model supports it', async () => {
    const body = await sent({ model: 'openai/gpt-oss-120b', reasoningEffort: 'medium', ...EVERY_PARAMETER }, model('openai/gpt-oss-120b'));
    for (const [name, value] of Object.entries(EVERY_PARAMETER_ON_THE_WIRE)) assert.deepEqual(body[name], value, name);
  });

  it('sends none of them when none is set (and no provider, models, logprobs:false or empty stop)', async () => {
    const body = await sent({ model: 'openai/gpt-oss-120b', reasoningEffort: 'medium', stop: [], logitBias: {}, logprobs: false, topLogprobs: 3, routing: {} }, model('openai/gpt-oss-120b'));
    assert.deepEqual(Object.keys(body).sort(), ['messages', 'model', 'reasoning', 'stream']);
  });

  it('leaves out what the model does not list in supported_parameters, and names it', async () => {
    const mistral = model('mistralai/mistral-small-3.2-24b-instruct');
    const settings: ChatSettings = { model: mistral.id, reasoningEffort: 'medium', ...EVERY_PARAMETER };
    const body = await sent(settings, mistral);
    for (const name of ['temperature', 'top_p', 'seed', 'stop', 'max_tokens']) assert.ok(name in body, `${name} is supported and sent`);
    for (const name of ['frequency_penalty', 'presence_penalty', 'logit_bias', 'logprobs', 'top_logprobs']) assert.ok(!(name in body), `${name} is not sent`);
    assert.deepEqual(requestParameterFields(settings, { model: mistral }).unsupported, ['frequency_penalty', 'presence_penalty', 'logit_bias', 'logprobs', 'top_logprobs']);
  });

  it('with provider.require_parameters, sends them anyway and asks OpenRouter for providers that support them', async () => {
    const mistral = model('mistralai/mistral-small-3.2-24b-instruct');
    const settings: ChatSettings = { model: mistral.id, reasoningEffort: 'medium', ...EVERY_PARAMETER, routing: { requireParameters: true } };
    const body = await sent(settings, mistral);
    for (const [name, value] of Object.entries(EVERY_PARAMETER_ON_THE_WIRE)) assert.deepEqual(body[name], value, name);
    assert.deepEqual(body['provider'], { require_parameters: true });
    assert.deepEqual(requestParameterFields(settings, { model: mistral }).unsupported, []);
  });

  it('without the model entry (the list failed to load), sends what is set: there is nothing to check against', async () => {
    const body = await sent({ model: 'openai/gpt-oss-120b', reasoningEffort: 'medium', ...EVERY_PARAMETER });
    for (const [name, value] of Object.entries(EVERY_PARAMETER_ON_THE_WIRE)) assert.deepEqual(body[name], value, name);
  });

  it('serializes the provider object and the fallback models as OpenRouter documents them', async () => {
    const body = await sent({ model: 'openai/gpt-oss-120b', reasoningEffort: 'medium', routing: { ...EVERY_ROUTING_PREFERENCE, requireParameters: true } }, model('openai/gpt-oss-120b'));
    assert.deepEqual(body['provider'], {
      order: ['cerebras', 'groq'],
      only: ['cerebras', 'groq', 'fireworks'],
      ignore: ['deepinfra'],
      allow_fallbacks: false,
      require_parameters: true,
      data_collection: 'deny',
      zdr: true,
      quantizations: ['fp8', 'bf16'],
      sort: 'throughput',
      max_price: { prompt: '1', completion: '2.5' },
    });
    assert.deepEqual(body['models'], ['openai/gpt-oss-20b:free', 'mistralai/mistral-small-3.2-24b-instruct']);
  });

  it('keeps providerSort as the shorthand for provider.sort, and never lists the chosen model among its fallbacks', async () => {
    const body = await sent({ model: 'openai/gpt-oss-120b', reasoningEffort: 'medium', providerSort: 'price', routing: { fallbackModels: ['openai/gpt-oss-120b', 'openai/gpt-oss-20b:free'] } });
    assert.deepEqual(body['provider'], { sort: 'price' });
    assert.deepEqual(body['models'], ['openai/gpt-oss-20b:free']);
  });

  it('sends the session id it is given, and cache_control only to Anthropic models', async () => {
    const gptOss = await sent({ model: 'openai/gpt-oss-120b', reasoningEffort: 'medium' }, model('openai/gpt-oss-120b'), 'chat-1');
    assert.equal(gptOss['session_id'], 'chat-1');
    assert.equal(gptOss['cache_control'], undefined);
    const claude = await sent({ model: 'anthropic/claude-sonnet-4.5', reasoningEffort: 'medium' }, model('anthropic/claude-sonnet-4.5'), 'chat-2');
    assert.equal(claude['session_id'], 'chat-2');
    assert.deepEqual(claude['cache_control'], { type: 'ephemeral' });
  });

  it('sends the attribution headers: HTTP-Referer, X-OpenRouter-Title and the older X-Title', async () => {
    await sent({ model: 'openai/gpt-oss-120b', reasoningEffort: 'medium' });
    const headers = server.requests.at(-1)?.headers ?? {};
    assert.match(headers['http-referer'] ?? '', /^https:\/\//);
    assert.equal(headers['x-openrouter-title'], 'OpenRouter Chat');
    assert.equal(headers['x-title'], 'OpenRouter Chat');
  });
});

describe('reasoning effort, from the model entry of /models', function () {
  let server: MockOpenRouter;
  let models: Map<string, ModelInfo>;
  before(async () => {
    server = await startOpenRouterServer();
    models = new Map((await clientFor(server).client.listModels()).map((m) => [m.id, m]));
  });
  after(() => server.close());

  it('offers the efforts each model lists, lowest first, and never none when reasoning is mandatory', () => {
    assert.deepEqual(effortChoices(models.get('openai/gpt-5.1')!), ['none', 'minimal', 'low', 'medium', 'high', 'xhigh']);
    assert.deepEqual(effortChoices(models.get('openai/gpt-oss-120b')!), ['low', 'medium', 'high']);
    assert.deepEqual(effortChoices(models.get('anthropic/claude-sonnet-4.5')!), ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'], 'no allow-list: every effort');
    assert.deepEqual(effortChoices(models.get('mistralai/mistral-small-3.2-24b-instruct')!), [], 'no reasoning');
  });

  it('snaps the wanted effort to one the model accepts; a mandatory reasoner is never sent none', () => {
    const gptOss = models.get('openai/gpt-oss-120b')!;
    assert.equal(chooseReasoningEffort(gptOss.id, 'none', gptOss), 'low');
    assert.equal(chooseReasoningEffort(gptOss.id, 'max', gptOss), 'high');
    assert.equal(chooseReasoningEffort(gptOss.id, 'minimal', gptOss), 'low');
    const gpt5 = models.get('openai/gpt-5.1')!;
    assert.equal(chooseReasoningEffort(gpt5.id, 'xhigh', gpt5), 'xhigh');
    assert.equal(chooseReasoningEffort(gpt5.id, 'none', gpt5), 'none', 'optional reasoning can be turned off');
    assert.equal(chooseReasoningEffort(gpt5.id, 'max', gpt5), 'xhigh');
    assert.equal(chooseReasoningEffort('openai/gpt-oss-120b', 'none'), undefined, 'unknown entry: no reasoning parameter rather than a 400');
    assert.equal(chooseReasoningEffort('openai/gpt-oss-120b', 'xhigh'), 'high', 'unknown entry: the classic efforts');
  });

  it('sends xhigh and none where the model takes them, in bodies the SDK schema accepts', async () => {
    const gpt5 = models.get('openai/gpt-5.1')!;
    for (const effort of ['xhigh', 'none', 'minimal'] as const) {
      await clientFor(server).client.complete(buildChatRequest([{ role: 'user', content: 'Hi' }], { model: gpt5.id, reasoningEffort: effort }, { model: gpt5 }));
      assert.deepEqual((server.requests.at(-1)?.body as Record<string, unknown>)['reasoning'], { effort });
    }
  });
});
