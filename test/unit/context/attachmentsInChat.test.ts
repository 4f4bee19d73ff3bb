/**
 * Attachments travel with their question: stored in the chat, shown as chips (never their content),
 * and sent again on regenerate and on edit-and-resend, against the real local server.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatSession, type ChatSessionHost } from '../../../src/core/chat/chatSession';
import { ChatStore, parseChat } from '../../../src/core/chat/chatStore';
import { createAttachment } from '../../../src/core/context/attachment';
import { CONTEXT_HEADING } from '../../../src/core/context/renderContext';
import { OpenRouterClient } from '../../../src/core/openrouter/client';
import { buildChatRequest } from '../../../src/core/openrouter/requestBuilder';
import type { HostMessage } from '../../../src/shared/protocol';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { TEST_API_KEY } from '../../support';

const mathFile = () =>
  createAttachment({ kind: 'file', name: 'math.ts', path: 'src/math.ts', uri: 'file:///w/src/math.ts', language: 'ts', content: 'export function add(a: number, b: number) { return a + b; }\n' });

describe('attachments in a chat', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  let session: ChatSession;
  let store: ChatStore;
  let posted: HostMessage[];

  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => server.close());
  beforeEach(async () => {
    store = new ChatStore(await fs.mkdtemp(join(tmpdir(), 'orc-context-')));
    posted = [];
    const client = new OpenRouterClient({ baseUrl: server.baseUrl, getApiKey: () => TEST_API_KEY, stallTimeoutMs: 5000 });
    const host: ChatSessionHost = {
      post: (m) => posted.push(m),
      prepare: async (turns) => ({ kind: 'ready', client, request: buildChatRequest(turns, { model: 'openai/gpt-oss-120b', reasoningEffort: 'low' }) }),
      viewBasics: () => ({ keySource: 'stored', settings: { reasoningDisplay: 'collapsed', model: 'openai/gpt-oss-120b' }, strings: {} }),
      log: () => undefined,
    };
    session = new ChatSession(store, host);
    await session.init();
  });

  /** The user messages of the last request the server received. */
  function lastUserContents(): string[] {
    const chats = server.requests.filter((r) => r.path.endsWith('/chat/completions'));
    const body = chats[chats.length - 1]?.body as { messages: Array<{ role: string; content: string }> };
    return body.messages.filter((m) => m.role === 'user').map((m) => m.content);
  }

  it('sends the attachment with its question, stores it, and shows a chip without the content', async () => {
    const file = mathFile();
    await session.send('What does add do?', { attachments: [file] });
    const [content] = lastUserContents();
    assert.ok(content?.startsWith(CONTEXT_HEADING), 'the context is marked as such');
    assert.ok(content?.includes('File: src/math.ts\n```ts\nexport function add'));
    assert.ok(content?.endsWith('What does add do?'));
    const start = posted.find((m): m is Extract<HostMessage, { type: 'streamStart' }> => m.type === 'streamStart');
    assert.deepEqual(start?.user?.attachments?.map((a) => [a.name, a.path, a.kind]), [['math.ts', 'src/math.ts', 'file']]);
    assert.equal(JSON.stringify(start?.user).includes('return a + b'), false, 'the view never gets the content');
    const saved = await store.load(session.activeChat.id);
    assert.equal(saved?.messages[0]?.attachments?.[0]?.content, file.content);
    assert.equal(session.activeChat.title, 'What does add do?');
  });

  it('sends the same context again on regenerate and on edit-and-resend', async () => {
    await session.send('Explain', { attachments: [mathFile()] });
    const first = lastUserContents()[0];
    await session.regenerate();
    assert.deepEqual(lastUserContents(), [first]);
    const question = session.activeChat.messages[0];
    assert.ok(question);
    await session.editAndResend(question.id, 'Explain briefly');
    const [edited] = lastUserContents();
    assert.ok(edited?.includes('File: src/math.ts'));
    assert.ok(edited?.endsWith('Explain briefly'));
  });

  it('later questions keep the earlier context in the conversation', async () => {
    await session.send('Explain', { attachments: [mathFile()] });
    await session.send('And subtract?');
    const contents = lastUserContents();
    assert.equal(contents.length, 2);
    assert.ok(contents[0]?.includes('File: src/math.ts'));
    assert.equal(contents[1], 'And subtract?');
  });

  it('a chat file with a malformed attachment is refused by the store, a good one round-trips', () => {
    const message = { id: 'm', role: 'user', content: 'q', createdAt: 1, attachments: [mathFile()] };
    const file = (messages: unknown[]) => JSON.stringify({ version: 1, chat: { id: 'c', title: 't', createdAt: 1, updatedAt: 1, messages } });
    const good = parseChat(file([message]));
    assert.equal(typeof good, 'object');
    const bad = parseChat(file([{ ...message, attachments: [{ id: 'x', kind: 'file', name: 'a', content: 7 }] }]));
    assert.equal(bad, 'message 0 is malformed');
    const badKind = parseChat(file([{ ...message, attachments: [{ ...mathFile(), kind: 'image' }] }]));
    assert.equal(badKind, 'message 0 is malformed');
  });
});
