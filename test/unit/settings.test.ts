import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readChatConfig } from '../../src/core/settings';

const reader = (values: Record<string, unknown>) => (key: string) => values[key];

describe('settings', () => {
  it('gives the defaults for an empty configuration', () => {
    const result = readChatConfig(reader({}));
    assert.ok(result.ok);
    assert.equal(result.config.baseUrl, 'https://openrouter.ai/api/v1');
    assert.equal(result.config.model, 'openai/gpt-oss-120b');
    assert.equal(result.config.reasoningEffort, 'medium');
    assert.equal(result.config.reasoningDisplay, 'collapsed');
    assert.equal(result.config.stallTimeoutMs, 60_000);
    assert.equal(result.config.temperature, undefined);
    assert.equal(result.config.providerSort, undefined);
    assert.equal(result.config.maxCostPerRequest, undefined);
  });

  it('accepts valid values and trims the trailing slash of the base URL', () => {
    const result = readChatConfig(
      reader({ baseUrl: 'http://127.0.0.1:9999/api/v1/', temperature: 0.3, maxTokens: 500, providerSort: 'price', requestTimeoutSeconds: 10, maxCostPerRequest: 0.05 }),
    );
    assert.ok(result.ok);
    assert.equal(result.config.baseUrl, 'http://127.0.0.1:9999/api/v1');
    assert.equal(result.config.temperature, 0.3);
    assert.equal(result.config.maxTokens, 500);
    assert.equal(result.config.providerSort, 'price');
    assert.equal(result.config.stallTimeoutMs, 10_000);
    assert.equal(result.config.maxCostPerRequest, 0.05);
  });

  it('reads every parameter of the model page and every routing preference', () => {
    const result = readChatConfig(
      reader({
        temperature: 0.5, topP: 0.9, frequencyPenalty: -1, presencePenalty: 1, seed: 3, stop: ['END'], logitBias: { '50256': -100 }, logprobs: true, topLogprobs: 20, maxTokens: 100,
        reasoningEffort: 'xhigh',
        'provider.order': [' groq '], 'provider.only': ['groq', 'cerebras'], 'provider.ignore': ['deepinfra'], 'provider.allowFallbacks': false, 'provider.requireParameters': true,
        'provider.dataCollection': 'deny', 'provider.zdr': true, 'provider.quantizations': ['fp8'], 'provider.maxPrice': { prompt: 1, completion: 2 },
        fallbackModels: ['openai/gpt-oss-20b:free'],
      }),
    );
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.equal(result.config.reasoningEffort, 'xhigh');
    assert.deepEqual(result.config.parameters, {
      temperature: 0.5, topP: 0.9, frequencyPenalty: -1, presencePenalty: 1, seed: 3, topLogprobs: 20, maxTokens: 100, stop: ['END'], logitBias: { '50256': -100 }, logprobs: true,
    });
    assert.deepEqual(result.config.routing, {
      order: ['groq'], only: ['groq', 'cerebras'], ignore: ['deepinfra'], allowFallbacks: false, requireParameters: true, dataCollection: 'deny', zdr: true,
      quantizations: ['fp8'], maxPrice: { prompt: 1, completion: 2 }, fallbackModels: ['openai/gpt-oss-20b:free'],
    });
  });

  it("takes the manifest's defaults as nothing set", () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default?: unknown; scope?: string }> } };
    };
    const properties = manifest.contributes.configuration.properties;
    const defaults = Object.fromEntries(Object.entries(properties).map(([id, p]) => [id.replace(/^openrouterChat\./, ''), p.default]));
    const result = readChatConfig(reader(defaults));
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.deepEqual(result.config.parameters, {});
    assert.deepEqual(result.config.routing, {});
    // Where prompts go and what is spent: never from a workspace's settings.
    for (const id of ['provider.order', 'provider.only', 'provider.ignore', 'provider.allowFallbacks', 'provider.dataCollection', 'provider.zdr', 'provider.quantizations', 'provider.maxPrice', 'fallbackModels']) {
      assert.equal(properties[`openrouterChat.${id}`]?.scope, 'application', id);
    }
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['negative temperature', { temperature: -1 }, 'openrouterChat.temperature'],
    ['temperature above 2', { temperature: 3 }, 'openrouterChat.temperature'],
    ['malformed URL', { baseUrl: 'not a url' }, 'openrouterChat.baseUrl'],
    ['non-http URL', { baseUrl: 'ftp://example.com' }, 'openrouterChat.baseUrl'],
    ['credentials in the URL', { baseUrl: 'https://user:secret@example.com/api' }, 'openrouterChat.baseUrl'],
    ['fractional max tokens', { maxTokens: 1.5 }, 'openrouterChat.maxTokens'],
    ['zero max tokens', { maxTokens: 0 }, 'openrouterChat.maxTokens'],
    ['unknown effort', { reasoningEffort: 'extreme' }, 'openrouterChat.reasoningEffort'],
    ['top_p above 1', { topP: 1.5 }, 'openrouterChat.topP'],
    ['frequency penalty below -2', { frequencyPenalty: -3 }, 'openrouterChat.frequencyPenalty'],
    ['presence penalty above 2', { presencePenalty: 2.5 }, 'openrouterChat.presencePenalty'],
    ['fractional seed', { seed: 1.5 }, 'openrouterChat.seed'],
    ['five stop sequences', { stop: ['a', 'b', 'c', 'd', 'e'] }, 'openrouterChat.stop'],
    ['a stop that is not text', { stop: [1] }, 'openrouterChat.stop'],
    ['a logit bias above 100', { logitBias: { '50256': 101 } }, 'openrouterChat.logitBias'],
    ['a logit bias key that is not a token id', { logitBias: { hello: 1 } }, 'openrouterChat.logitBias'],
    ['top logprobs above 20', { topLogprobs: 21 }, 'openrouterChat.topLogprobs'],
    ['logprobs as text', { logprobs: 'yes' }, 'openrouterChat.logprobs'],
    ['unknown data collection', { 'provider.dataCollection': 'maybe' }, 'openrouterChat.provider.dataCollection'],
    ['unknown quantization', { 'provider.quantizations': ['fp7'] }, 'openrouterChat.provider.quantizations'],
    ['a negative max price', { 'provider.maxPrice': { prompt: -1 } }, 'openrouterChat.provider.maxPrice'],
    ['a max price for images', { 'provider.maxPrice': { image: 1 } }, 'openrouterChat.provider.maxPrice'],
    ['a provider order that is not a list', { 'provider.order': 'groq' }, 'openrouterChat.provider.order'],
    ['a fallback model with spaces', { fallbackModels: ['gpt oss'] }, 'openrouterChat.fallbackModels'],
    ['unknown display', { reasoningDisplay: 'sometimes' }, 'openrouterChat.reasoningDisplay'],
    ['unknown provider sort', { providerSort: 'random' }, 'openrouterChat.providerSort'],
    ['tiny timeout', { requestTimeoutSeconds: 1 }, 'openrouterChat.requestTimeoutSeconds'],
    ['negative cost limit', { maxCostPerRequest: -0.5 }, 'openrouterChat.maxCostPerRequest'],
    ['model with spaces', { model: 'gpt oss' }, 'openrouterChat.model'],
    ['text temperature', { temperature: 'hot' }, 'openrouterChat.temperature'],
  ];
  for (const [name, values, setting] of bad) {
    it(`names the setting for ${name}`, () => {
      const result = readChatConfig(reader(values));
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.problems[0]?.setting, setting);
      assert.ok(result.problems[0]?.message.startsWith(setting), result.problems[0]?.message);
    });
  }

  it('never echoes credentials from a bad base URL', () => {
    const result = readChatConfig(reader({ baseUrl: 'https://user:sk-or-v1-abc@example.com' }));
    assert.equal(result.ok, false);
    if (!result.ok) assert.ok(!result.problems[0]?.message.includes('sk-or-v1-abc'));
  });
});
