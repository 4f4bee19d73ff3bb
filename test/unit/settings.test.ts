import * as assert from 'node:assert/strict';
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

  const bad: [string, Record<string, unknown>, string][] = [
    ['negative temperature', { temperature: -1 }, 'openrouterChat.temperature'],
    ['temperature above 2', { temperature: 3 }, 'openrouterChat.temperature'],
    ['malformed URL', { baseUrl: 'not a url' }, 'openrouterChat.baseUrl'],
    ['non-http URL', { baseUrl: 'ftp://example.com' }, 'openrouterChat.baseUrl'],
    ['credentials in the URL', { baseUrl: 'https://user:secret@example.com/api' }, 'openrouterChat.baseUrl'],
    ['fractional max tokens', { maxTokens: 1.5 }, 'openrouterChat.maxTokens'],
    ['zero max tokens', { maxTokens: 0 }, 'openrouterChat.maxTokens'],
    ['unknown effort', { reasoningEffort: 'none' }, 'openrouterChat.reasoningEffort'],
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
