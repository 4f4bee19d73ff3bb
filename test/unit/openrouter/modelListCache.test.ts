/**
 * The one model-list cache: OpenRouterService's (the client fetches on every call). It is shared
 * by the picker, the status bar, the cost guard and the context meter, per base URL.
 */
import * as assert from 'node:assert/strict';
import { readChatConfig, type ChatConfig } from '../../../src/core/settings';
import type { ApiKeyManager } from '../../../src/extension/apiKeyManager';
import type { Log } from '../../../src/extension/log';
import { OpenRouterService } from '../../../src/extension/openRouterService';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { TEST_API_KEY } from '../../support';

function configFor(baseUrl: string): ChatConfig {
  const result = readChatConfig((key) => (key === 'baseUrl' ? baseUrl : undefined));
  assert.ok(result.ok, JSON.stringify(result));
  return result.config;
}

describe('model list cache (OpenRouterService)', () => {
  let server: MockOpenRouter;
  let warnings: string[];
  let service: OpenRouterService;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(() => server.close());
  beforeEach(() => {
    warnings = [];
    const keys = { current: () => TEST_API_KEY } as unknown as ApiKeyManager;
    const log = { info: () => undefined, warn: (_component: string, line: string) => warnings.push(line) } as unknown as Log;
    service = new OpenRouterService(keys, log);
  });

  const fetches = (path: string): number => server.requests.filter((r) => r.path === path).length;

  it('fetches once for every caller, and again on refresh', async () => {
    const config = configFor(server.baseUrl);
    const before = fetches('/api/v1/models');
    const [a, b] = await Promise.all([service.listModels(config), service.listModels(config)]);
    assert.equal(a, b);
    assert.equal((await service.modelInfo(config, 'openai/gpt-oss-120b'))?.id, 'openai/gpt-oss-120b');
    assert.equal(fetches('/api/v1/models') - before, 1);
    await service.listModels(config, true);
    assert.equal(fetches('/api/v1/models') - before, 2);
  });

  it('fetches again when the base URL setting changes', async () => {
    const other = await startOpenRouterServer();
    try {
      const before = fetches('/api/v1/models');
      await service.listModels(configFor(server.baseUrl));
      await service.listModels(configFor(other.baseUrl));
      assert.equal(other.requests.filter((r) => r.path === '/api/v1/models').length, 1);
      await service.listModels(configFor(server.baseUrl));
      assert.equal(fetches('/api/v1/models') - before, 2, 'the cache holds the list of the URL in the settings');
    } finally {
      await other.close();
    }
  });

  it('does not keep a failed fetch', async () => {
    // The local server answers 404 outside /api/v1: a base URL it does not serve.
    const broken = configFor(`${server.baseUrl.replace(/\/api\/v1\/?$/, '')}/elsewhere/v1`);
    const before = fetches('/elsewhere/v1/models');
    await assert.rejects(service.listModels(broken));
    assert.equal(await service.modelInfo(broken), undefined);
    assert.equal(fetches('/elsewhere/v1/models') - before, 2, 'the second caller fetched again');
    assert.equal(warnings.length, 1);
  });
});
