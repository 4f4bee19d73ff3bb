import * as assert from 'node:assert/strict';
import { backoffDelayMs, DEFAULT_RETRY_POLICY } from '../../../src/core/openrouter/retry';
import { parseRetryAfter } from '../../../src/core/openrouter/httpErrors';
import { DEFAULT_ANSWER } from '../../server/answerContent';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { waitFor } from '../../support/index';
import { chatRequest, clientFor, expectOpenRouterError } from '../../support/openRouterTestKit';

describe('OpenRouter client retries and cancellation', () => {
  let server: MockOpenRouter;
  beforeEach(async () => {
    server = await startOpenRouterServer();
  });
  afterEach(() => server.close());

  const chatRequestsMade = (): number => server.requests.filter((r) => r.path.endsWith('/chat/completions')).length;

  it('retries a 429 after its Retry-After and then answers once', async () => {
    server.enqueue('http-429');
    server.enqueue('default');
    const { client, lines } = clientFor(server);
    const started = Date.now();
    const turn = await client.complete(chatRequest());
    const waited = Date.now() - started;
    assert.equal(turn.content, DEFAULT_ANSWER.join(''));
    assert.deepEqual(server.requests.map((r) => r.script), ['http-429', 'default']);
    assert.ok(waited >= 900 && waited < 5000, `waited ${waited} ms for Retry-After: 1`);
    assert.ok(lines.some((line) => /attempt 1\/3 failed \(rateLimited 429\)/.test(line)));
  });

  for (const script of ['http-408', 'http-500', 'http-502', 'http-503 retryAfter=0']) {
    it(`retries ${script} and succeeds on the next try`, async () => {
      server.enqueue(script);
      const turn = await clientFor(server).client.complete(chatRequest());
      assert.equal(turn.content, DEFAULT_ANSWER.join(''));
      assert.equal(chatRequestsMade(), 2);
    });
  }

  it('gives up after three tries in all', async () => {
    const error = await expectOpenRouterError(() => clientFor(server).client.complete(chatRequest('[[mock:http-500]]')));
    assert.equal(error.kind, 'serverError');
    assert.equal(chatRequestsMade(), 3);
  });

  it('honours retry.maxTries', async () => {
    await expectOpenRouterError(() => clientFor(server, { retry: { maxTries: 2, baseDelayMs: 1 } }).client.complete(chatRequest('[[mock:http-502]]')));
    assert.equal(chatRequestsMade(), 2);
  });

  for (const script of ['http-400', 'http-401', 'http-402', 'http-403-moderation', 'http-413']) {
    it(`does not retry ${script}`, async () => {
      await expectOpenRouterError(() => clientFor(server).client.complete(chatRequest(`[[mock:${script}]]`)));
      assert.equal(chatRequestsMade(), 1);
    });
  }

  it('does not retry once the answer has started (mid-stream error, cut-off)', async () => {
    for (const script of ['midstream-error-number', 'cut-off']) {
      const before = chatRequestsMade();
      await expectOpenRouterError(() => clientFor(server).client.complete(chatRequest(`[[mock:${script}]]`)));
      assert.equal(chatRequestsMade() - before, 1, script);
    }
  });

  it('does not wait minutes: a long Retry-After is reported, not retried', async () => {
    const error = await expectOpenRouterError(() => clientFor(server).client.complete(chatRequest('[[mock:http-429 retryAfter=120]]')));
    assert.equal(error.retryAfterMs, 120_000);
    assert.equal(chatRequestsMade(), 1);
  });

  it('stops at once when aborted during the backoff wait', async () => {
    server.enqueue('http-429 retryAfter=5');
    const controller = new AbortController();
    const { client } = clientFor(server);
    const pending = expectOpenRouterError(() => client.complete(chatRequest(), { signal: controller.signal }));
    await waitFor(() => chatRequestsMade() === 1, 5000, 'the first request');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const abortedAt = Date.now();
    controller.abort();
    const error = await pending;
    assert.equal(error.kind, 'aborted');
    // Half the backoff: a loaded machine may be slow, but never as slow as waiting the backoff out.
    assert.ok(Date.now() - abortedAt < 2500, 'rejected right away, not after the 5 s backoff');
    assert.equal(chatRequestsMade(), 1);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await expectOpenRouterError(() => clientFor(server).client.complete(chatRequest(), { signal: controller.signal }));
    assert.equal(error.kind, 'aborted');
    assert.equal(chatRequestsMade(), 0);
  });

  it('closes the socket promptly on abort mid-stream and keeps the partial answer', async () => {
    const controller = new AbortController();
    const { client } = clientFor(server);
    let words = 0;
    let closing: Promise<number> | undefined;
    const error = await expectOpenRouterError(() =>
      client.complete(chatRequest('[[mock:slow-drip count=200 delayMs=30]]'), {
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === 'content' && ++words === 3) {
            closing = server.waitForClose(server.closedConnections(), 5000);
            controller.abort();
          }
        },
      }),
    );
    assert.equal(error.kind, 'aborted');
    assert.equal(error.partial?.content, 'word1 word2 word3 ');
    assert.ok(closing);
    const closedAfterMs = await closing;
    assert.ok(closedAfterMs < 1000, `server saw the socket close after ${closedAfterMs} ms`);
  });

  it('closes the socket when a stream() consumer stops iterating', async () => {
    const { client } = clientFor(server);
    const closedBefore = server.closedConnections();
    for await (const event of client.stream(chatRequest('[[mock:slow-drip count=200 delayMs=30]]'))) {
      if (event.type === 'content') break;
    }
    const closedAfterMs = await server.waitForClose(closedBefore, 5000);
    assert.ok(closedAfterMs < 1000);
  });

  it('retries a refused connection, then reports it', async () => {
    const port = Number(new URL(server.baseUrl).port);
    await server.close();
    const { client, lines } = clientFor(server, { baseUrl: `http://127.0.0.1:${port}/api/v1`, retry: { maxTries: 3, baseDelayMs: 10 } });
    const error = await expectOpenRouterError(() => client.complete(chatRequest()));
    assert.equal(error.kind, 'network');
    assert.equal(lines.filter((line) => /failed \(network\); retrying/.test(line)).length, 2);
    server = await startOpenRouterServer();
  });
});

describe('backoff and Retry-After', () => {
  it('uses full jitter under an exponential cap', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    assert.equal(backoffDelayMs(1, policy, undefined, () => 0.999), 99);
    assert.equal(backoffDelayMs(3, policy, undefined, () => 0.999), 399);
    assert.equal(backoffDelayMs(9, policy, undefined, () => 0.999), 999);
    assert.equal(backoffDelayMs(3, policy, undefined, () => 0), 0);
  });

  it('never retries sooner than Retry-After', () => {
    assert.equal(backoffDelayMs(1, DEFAULT_RETRY_POLICY, 1000, () => 0.5), 1000);
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    assert.equal(parseRetryAfter('2', now), 2000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2026 07:28:05 GMT', now), 5000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });
});
