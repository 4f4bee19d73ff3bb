import * as assert from 'node:assert/strict';
import { isLoopbackHostname, keyTransportProblem } from '../../../src/core/trust/keyTransport';
import { readChatConfig } from '../../../src/core/settings';
import { OpenRouterClient } from '../../../src/core/openrouter/client';
import { OpenRouterError } from '../../../src/core/openrouter/errors';
import { startOpenRouterServer } from '../../server/openRouterServer';
import { TEST_API_KEY } from '../../support/testKey';

describe('key transport: where the API key may travel', () => {
  const allowed = [
    'https://openrouter.ai/api/v1',
    'https://proxy.example.com:8443/v1',
    'http://127.0.0.1:8080/api/v1',
    'http://127.1/api',
    'http://127.255.255.254/api',
    'http://localhost:3000/api/v1',
    'http://LOCALHOST/api',
    'http://[::1]:9000/api/v1',
    'http://2130706433/api', // 127.0.0.1 written as one number, normalized by the URL parser
  ];
  for (const href of allowed) {
    it(`allows ${href}`, () => assert.equal(keyTransportProblem(new URL(href)), undefined));
  }

  const refused = [
    'http://openrouter.ai/api/v1',
    'http://10.0.0.5:8080/api',
    'http://192.168.1.1/api',
    'http://128.0.0.1/api',
    'http://[::2]/api',
    'http://[::ffff:7f00:1]/api',
    'http://localhost.evil.example/api',
    'http://127.0.0.1.evil.example/api',
    'ftp://127.0.0.1/api',
  ];
  for (const href of refused) {
    it(`refuses ${href}`, () => assert.ok(keyTransportProblem(new URL(href))));
  }

  it('treats only loopback names as loopback', () => {
    assert.equal(isLoopbackHostname('127.0.0.1'), true);
    assert.equal(isLoopbackHostname('[::1]'), true);
    assert.equal(isLoopbackHostname('127.0.0.256'), false);
    assert.equal(isLoopbackHostname('example.com'), false);
  });

  it('makes an http base URL to another machine a settings problem that names openrouterChat.baseUrl', () => {
    const result = readChatConfig((key) => (key === 'baseUrl' ? 'http://openrouter.ai/api/v1' : undefined));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.problems[0]?.setting, 'openrouterChat.baseUrl');
    assert.match(result.problems[0]?.message ?? '', /^openrouterChat\.baseUrl: .*unencrypted.*openrouter\.ai/);
  });

  it('the client itself refuses such a URL before any request, for the key check too', async () => {
    const client = new OpenRouterClient({ baseUrl: 'http://openrouter.example.test/api/v1', getApiKey: () => TEST_API_KEY });
    for (const call of [() => client.getKeyInfo(TEST_API_KEY), () => client.listModels(), () => client.complete({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })]) {
      await assert.rejects(call(), (error: unknown) => {
        assert.ok(error instanceof OpenRouterError);
        assert.match(error.userMessage, /unencrypted.*Nothing was sent/);
        assert.ok(!error.userMessage.includes(TEST_API_KEY));
        return true;
      });
    }
  });

  it('a loopback http server still gets the key check', async () => {
    const server = await startOpenRouterServer();
    try {
      const client = new OpenRouterClient({ baseUrl: server.baseUrl, getApiKey: () => TEST_API_KEY });
      await client.getKeyInfo(TEST_API_KEY);
      assert.ok(server.requests.some((r) => r.path.endsWith('/key')));
    } finally {
      await server.close();
    }
  });
});
