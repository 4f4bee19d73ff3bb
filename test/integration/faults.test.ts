/**
 * Issue 8's fault matrix, end to end in the real extension host: for each fault the user sees a
 * specific message and the matching action, the partial answer stays, the conversation and the
 * saved history are intact, and the next request succeeds.
 */
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { OpenRouterChatApi } from '../../src/extension/extension';
import type { ErrorAction } from '../../src/shared/protocol';
import type { MockOpenRouter } from '../server/openRouterServer';
import { TEST_API_KEY } from '../support/testKey';
import { ask, extensionApi, resetSettings, setSetting, useLocalServer, useTestKeyFromEnv } from './support';

interface Fault {
  readonly script: string;
  readonly kind: string;
  readonly action?: ErrorAction;
  /** Content arrived before the failure and must be kept. */
  readonly partial?: boolean;
}

const FAULTS: readonly Fault[] = [
  { script: 'http-400', kind: 'badRequest' },
  { script: 'http-401', kind: 'unauthorized', action: 'setApiKey' },
  { script: 'http-402', kind: 'insufficientCredits', action: 'addCredits' },
  { script: 'http-403-moderation', kind: 'moderation' },
  { script: 'http-408', kind: 'timeout', action: 'retry' },
  { script: 'http-429', kind: 'rateLimited', action: 'retry' },
  { script: 'http-502', kind: 'providerDown', action: 'retry' },
  { script: 'http-503', kind: 'noProvider', action: 'retry' },
  { script: 'midstream-error-number', kind: 'midStream', action: 'retry', partial: true },
  { script: 'midstream-error-string', kind: 'midStream', action: 'retry', partial: true },
  { script: 'midstream-native-error', kind: 'midStream', action: 'retry', partial: true },
  { script: 'cut-off', kind: 'streamCut', action: 'retry', partial: true },
  { script: 'stall', kind: 'stalled', action: 'retry', partial: true },
];

describe('Faults: every failure is explained, keeps the partial answer and the chat, and the next request works', function () {
  this.timeout(120_000);
  let api: OpenRouterChatApi;
  let server: MockOpenRouter;
  let survived = 0;
  let tried = 0;
  useTestKeyFromEnv(TEST_API_KEY);

  before(async () => {
    api = await extensionApi();
    server = await useLocalServer();
    await resetSettings();
    // The stall fault waits for the stall timeout; keep it at the shortest allowed.
    await setSetting('requestTimeoutSeconds', 5);
    api.session.newChat();
    const first = await ask(api, '[[mock:echo]] the conversation before any fault');
    assert.equal(first.status, 'done');
  });

  after(async () => {
    console.log(`Faults survived: ${survived}/${tried}`);
    await resetSettings();
    await server.close();
  });

  async function survive(name: string, expectedKind: string, body: () => Promise<void>, check: (fault: Awaited<ReturnType<typeof ask>>) => void) {
    tried++;
    const chat = api.session.activeChat;
    const before = chat.messages.map((m) => m.id);
    await body();
    const failed = chat.messages[chat.messages.length - 1]!;
    const view = api.viewState().chat.messages.find((m) => m.id === failed.id);
    assert.ok(view, `${name}: the failed answer is not in the view`);
    assert.equal(view.status, 'error', `${name}: status`);
    assert.equal(view.error?.kind, expectedKind, `${name}: ${view.error?.message}`);
    assert.ok((view.error?.message.length ?? 0) > 10, `${name}: the message says what happened`);
    check(view);
    // The conversation is intact: every earlier message is still there, in order.
    assert.deepEqual(chat.messages.slice(0, before.length).map((m) => m.id), before, `${name}: earlier messages changed`);
    const onDisk = JSON.parse(await readFile(join(api.storageDir, 'chats', `${chat.id}.json`), 'utf8')) as { chat: { messages: { id: string; content: string }[] } };
    assert.equal(onDisk.chat.messages.length, before.length + 2, `${name}: the saved chat lost messages`);
    assert.equal(onDisk.chat.messages[before.length + 1]?.content, failed.content, `${name}: the saved partial answer differs`);
    // And the next request succeeds.
    const next = await ask(api, `[[mock:echo]] after ${name}`);
    assert.equal(next.status, 'done', `${name}: the next request failed: ${JSON.stringify(next.error)}`);
    survived++;
  }

  for (const fault of FAULTS) {
    it(`${fault.script} -> ${fault.kind}`, async () => {
      let answer: Awaited<ReturnType<typeof ask>> | undefined;
      await survive(
        fault.script,
        fault.kind,
        async () => {
          answer = await ask(api, `[[mock:${fault.script}]] question for ${fault.script}`);
        },
        (view) => {
          if (fault.action) assert.ok(view.error?.actions.includes(fault.action), `${fault.script}: actions ${view.error?.actions.join(',')}`);
          if (fault.partial) assert.ok(view.content.length > 0, `${fault.script}: the partial answer was lost`);
          assert.ok(!JSON.stringify(answer).includes(TEST_API_KEY));
        },
      );
    });
  }

  it('connection refused -> network', async () => {
    const closedPort = await freePort();
    await setSetting('baseUrl', `http://127.0.0.1:${closedPort}/api/v1`);
    try {
      await survive(
        'connection refused',
        'network',
        async () => {
          await ask(api, 'is anyone listening?');
          await setSetting('baseUrl', server.baseUrl);
        },
        (view) => assert.ok(view.error?.actions.includes('retry')),
      );
    } finally {
      await setSetting('baseUrl', server.baseUrl);
    }
  });
});

/** A port that nothing listens on: bind, read the port, close. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
