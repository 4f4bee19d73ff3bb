/**
 * Stop works while the request is still being prepared (the model list loading, the cost
 * question open): the answer ends as stopped at once, without waiting for preparing to finish.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatSession, type PrepareResult } from '../../../src/core/chat/chatSession';
import { ChatStore } from '../../../src/core/chat/chatStore';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { waitFor } from '../../support';
import { hostFor } from './sessionHarness';

describe('chat session: Stop while the request is prepared', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => server.close());

  it('ends the answer as stopped, tells the preparer, and sends nothing', async () => {
    const { host, posted } = hostFor(server);
    const ready = host.prepare;
    let release: (() => void) | undefined;
    let seenSignal: AbortSignal | undefined;
    // Preparing hangs, as on a slow /models or an open cost dialog, until the test releases it.
    host.prepare = async (turns, signal): Promise<PrepareResult> => {
      seenSignal = signal;
      await new Promise<void>((resolve) => (release = resolve));
      return ready(turns, signal);
    };
    const session = new ChatSession(new ChatStore(await fs.mkdtemp(join(tmpdir(), 'orc-prepare-'))), host);
    await session.init();
    const requestsBefore = server.requests.length;

    const answer = session.send('[[mock:echo]] hello');
    await waitFor(() => seenSignal !== undefined);
    session.stop();
    const outcome = await answer;

    assert.equal(outcome?.message.status, 'stopped');
    assert.equal(seenSignal?.aborted, true, 'the preparer is told');
    assert.equal(session.busy, false, 'a new question can be asked');
    assert.ok(posted.some((m) => m.type === 'streamEnd' && m.message.status === 'stopped'));
    assert.equal(server.requests.length, requestsBefore, 'nothing was sent');
    release?.();
  });
});
