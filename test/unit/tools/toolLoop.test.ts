/**
 * The tool loop through the chat session, against the real local OpenRouter server: streamed tool
 * calls, approvals, results back as `tool` messages, parallel calls, errors, the round cap, Stop
 * and a reload while a card waits.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ChatSession, type ChatSessionHost } from '../../../src/core/chat/chatSession';
import { ChatStore } from '../../../src/core/chat/chatStore';
import { OpenRouterClient } from '../../../src/core/openrouter/client';
import { buildChatRequest } from '../../../src/core/openrouter/requestBuilder';
import type { ModelInfo } from '../../../src/core/openrouter/types';
import { toolsForRequest, WEB_SEARCH_TOOL } from '../../../src/core/tools/definitions';
import { DENIED_RESULT, STOPPED_RESULT } from '../../../src/core/tools/toolRounds';
import type { HostMessage, ToolCallView } from '../../../src/shared/protocol';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { TEST_API_KEY, waitFor } from '../../support';
import { FolderToolHost } from '../../support/folderToolHost';

const WORKSPACE = resolve(__dirname, '../../../../test/fixtures/workspace');

interface Harness {
  session: ChatSession;
  posted: HostMessage[];
  store: ChatStore;
  tools: FolderToolHost;
  dir: string;
}

interface WireMessage {
  role: string;
  content: string | null;
  tool_calls?: { id: string; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
  reasoning?: string;
  reasoning_details?: unknown[];
}

describe('tool loop (chat session + local server)', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  let models: ModelInfo[];
  before(async () => {
    server = await startOpenRouterServer();
    models = await new OpenRouterClient({ baseUrl: server.baseUrl, getApiKey: () => TEST_API_KEY }).listModels();
  });
  after(async () => server.close());

  async function harness(options: { dir?: string; model?: string } = {}): Promise<Harness> {
    const dir = options.dir ?? (await fs.mkdtemp(join(tmpdir(), 'orc-tools-')));
    const store = new ChatStore(dir);
    const posted: HostMessage[] = [];
    const tools = new FolderToolHost({ name: 'workspace', path: WORKSPACE });
    const client = new OpenRouterClient({ baseUrl: server.baseUrl, getApiKey: () => TEST_API_KEY, stallTimeoutMs: 5000 });
    const modelId = options.model ?? 'openai/gpt-oss-120b';
    const host: ChatSessionHost = {
      post: (m) => posted.push(m),
      prepare: async (turns, _signal, prepareOptions) => {
        const model = models.find((candidate) => candidate.id === modelId);
        const offered = toolsForRequest(model, { workspaceTools: true, webSearch: prepareOptions?.webSearch ?? false });
        return { kind: 'ready', client, request: buildChatRequest(turns, { model: modelId, reasoningEffort: 'medium' }, { ...(offered ? { tools: offered } : {}) }) };
      },
      viewBasics: () => ({ keySource: 'stored', settings: { reasoningDisplay: 'collapsed', model: modelId }, strings: {} }),
      log: () => undefined,
      tools,
    };
    const session = new ChatSession(store, host);
    await session.init();
    return { session, posted, store, tools, dir };
  }

  function cards(posted: HostMessage[]): ToolCallView[] {
    return posted.filter((m): m is Extract<HostMessage, { type: 'toolCall' }> => m.type === 'toolCall').map((m) => m.call);
  }

  function latestCard(posted: HostMessage[], callId: string): ToolCallView | undefined {
    return cards(posted).filter((card) => card.id === callId).pop();
  }

  function chatRequests(from: number): { messages: WireMessage[]; tools?: unknown[] }[] {
    return server.requests.slice(from).filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.body as { messages: WireMessage[]; tools?: unknown[] });
  }

  async function allowWhenAsked(h: Harness, callId: string, allow = true): Promise<void> {
    await waitFor(() => latestCard(h.posted, callId)?.status === 'pending', 5000, `card ${callId} pending`);
    h.session.toolDecision(callId, allow);
  }

  it('assembles a streamed call, asks, runs it when allowed and sends the file back as a tool message', async () => {
    const h = await harness();
    const before = server.requests.length;
    const answer = h.session.send('[[mock:tool-loop]] what does math.ts export?');
    await allowWhenAsked(h, 'call_1_1');
    const outcome = await answer;
    assert.ok(outcome);
    assert.equal(outcome.message.status, 'done');
    const card = latestCard(h.posted, 'call_1_1');
    assert.equal(card?.description, 'Read src/math.ts');
    assert.equal(card?.status, 'done');

    const [first, second] = chatRequests(before);
    assert.ok(first && second, 'two requests: the question, then the tool result');
    assert.ok(first.tools && second.tools && first.tools.length === second.tools.length, 'tools are sent on every request');
    const math = await fs.readFile(join(WORKSPACE, 'src/math.ts'), 'utf8');
    const assistantTurn = second.messages.find((m) => m.role === 'assistant');
    const toolTurn = second.messages.find((m) => m.role === 'tool');
    assert.deepEqual(assistantTurn?.tool_calls?.map((c) => [c.id, c.function.name, c.function.arguments]), [['call_1_1', 'read_file', '{"path":"src/math.ts"}']]);
    assert.equal(assistantTurn?.reasoning, 'Round 1: I need to look at the workspace.');
    assert.deepEqual(assistantTurn?.reasoning_details, [
      { type: 'reasoning.text', text: 'Round 1: I need to look at the workspace.', format: 'unknown', index: 0 },
      { type: 'reasoning.encrypted', data: 'enc-1', id: 'rs_1', format: 'openai-responses-v1', index: 1 },
    ], 'reasoning_details go back exactly as received');
    assert.deepEqual(toolTurn, { role: 'tool', tool_call_id: 'call_1_1', content: math });
    assert.match(outcome.message.content, /Tool results seen: 1/);

    // The whole loop is in the history: the next question sends it again, in order.
    const next = server.requests.length;
    await h.session.send('[[mock:echo]] thanks');
    const [third] = chatRequests(next);
    assert.deepEqual(third?.messages.map((m) => m.role), ['user', 'assistant', 'tool', 'assistant', 'user']);
  });

  it('runs parallel calls, each with its own card, and returns the results in call order', async () => {
    const h = await harness();
    const before = server.requests.length;
    const answer = h.session.send('[[mock:tool-loop parallel=2 args2={"path":"README.md"}]] read both');
    await allowWhenAsked(h, 'call_1_2');
    await allowWhenAsked(h, 'call_1_1');
    const outcome = await answer;
    assert.equal(outcome?.message.status, 'done');
    const second = chatRequests(before)[1];
    assert.deepEqual(second?.messages.filter((m) => m.role === 'tool').map((m) => m.tool_call_id), ['call_1_1', 'call_1_2']);
    assert.equal(latestCard(h.posted, 'call_1_2')?.description, 'Read README.md');
  });

  it('sends a tool error back to the model and goes on', async () => {
    const h = await harness();
    h.tools.toolSettings = { ...h.tools.toolSettings, autoApproveReadOnly: true };
    const before = server.requests.length;
    const outcome = await h.session.send('[[mock:tool-loop args={"path":"src/missing.ts"}]] read it');
    assert.equal(outcome?.message.status, 'done');
    assert.equal(latestCard(h.posted, 'call_1_1')?.status, 'error');
    const tool = chatRequests(before)[1]?.messages.find((m) => m.role === 'tool');
    assert.match(tool?.content ?? '', /^Error: Cannot read src\/missing\.ts: ENOENT/);
  });

  it('returns "The user denied this." for a denied call, without running it', async () => {
    const h = await harness();
    const before = server.requests.length;
    const answer = h.session.send('[[mock:tool-loop]] read it');
    await allowWhenAsked(h, 'call_1_1', false);
    await answer;
    assert.equal(h.tools.ran.length, 0);
    assert.equal(latestCard(h.posted, 'call_1_1')?.status, 'denied');
    assert.equal(chatRequests(before)[1]?.messages.find((m) => m.role === 'tool')?.content, DENIED_RESULT);
  });

  it('refuses a path outside the workspace without a card and tells the model why', async () => {
    const h = await harness();
    const before = server.requests.length;
    await h.session.send('[[mock:tool-loop args={"path":"../../package.json"}]] read it');
    assert.equal(cards(h.posted).length, 0, 'no card for a refused call');
    assert.equal(h.tools.ran.length, 0);
    assert.match(chatRequests(before)[1]?.messages.find((m) => m.role === 'tool')?.content ?? '', /^Refused: .*outside the workspace/);
  });

  it('auto-approves read-only tools when set, but still asks for secret-looking files', async () => {
    const h = await harness();
    h.tools.toolSettings = { ...h.tools.toolSettings, autoApproveReadOnly: true };
    await h.session.send('[[mock:tool-loop]] read it');
    assert.ok(!cards(h.posted).some((card) => card.status === 'pending'), 'no approval asked');
    const secret = h.session.send('[[mock:tool-loop args={"path":".env.local"}]] read the env');
    await allowWhenAsked(h, 'call_1_1', false);
    await secret;
  });

  it('stops at the round cap with Continue, and Continue resumes the same answer', async () => {
    const h = await harness();
    h.tools.toolSettings = { autoApproveReadOnly: true, maxRounds: 2, secretPatterns: [] };
    const before = server.requests.length;
    const capped = await h.session.send('[[mock:tool-loop rounds=3]] keep reading');
    assert.equal(chatRequests(before).length, 2, 'no request after the cap');
    assert.equal(capped?.message.toolCapReached, true);
    const end = h.posted.filter((m) => m.type === 'streamEnd').pop();
    assert.ok(end?.type === 'streamEnd' && end.message.toolCapReached === true && end.message.tools?.length === 2);

    const resumed = await h.session.continueTools();
    assert.equal(resumed?.message.id, capped?.message.id, 'the same answer continues');
    assert.equal(resumed?.message.status, 'done');
    assert.equal(resumed?.message.toolCapReached, undefined);
    assert.match(resumed?.message.content ?? '', /Tool results seen: 3/);
    assert.equal(h.session.activeChat.messages.length, 2);
  });

  it('Stop during a pending approval ends the answer, the card and the wait; the next request answers the call', async () => {
    const h = await harness();
    const answer = h.session.send('[[mock:tool-loop]] read it');
    await waitFor(() => latestCard(h.posted, 'call_1_1')?.status === 'pending');
    h.session.stop();
    const outcome = await answer;
    assert.equal(outcome?.message.status, 'stopped');
    assert.equal(latestCard(h.posted, 'call_1_1')?.status, 'stopped');
    assert.equal(h.tools.ran.length, 0);
    h.session.toolDecision('call_1_1', true); // a late click does nothing
    const before = server.requests.length;
    await h.session.send('[[mock:echo]] never mind');
    const messages = chatRequests(before)[0]?.messages ?? [];
    assert.deepEqual(messages.map((m) => m.role), ['user', 'assistant', 'tool', 'user']);
    assert.equal(messages[2]?.content, STOPPED_RESULT);
  });

  it('Stop while a tool runs aborts the tool', async () => {
    const h = await harness();
    h.tools.toolSettings = { ...h.tools.toolSettings, autoApproveReadOnly: true };
    let aborted = false;
    h.tools.onRun = (_request, signal) =>
      new Promise((resolveRun) => {
        signal.addEventListener('abort', () => {
          aborted = true;
          resolveRun();
        });
      });
    const answer = h.session.send('[[mock:tool-loop]] read it');
    await waitFor(() => latestCard(h.posted, 'call_1_1')?.status === 'running');
    h.session.stop();
    assert.equal((await answer)?.message.status, 'stopped');
    assert.ok(aborted);
  });

  it('opening another chat and coming back keeps a waiting card waiting', async () => {
    const h = await harness();
    const answer = h.session.send('[[mock:tool-loop]] read it');
    await waitFor(() => latestCard(h.posted, 'call_1_1')?.status === 'pending');
    const chatId = h.session.activeChat.id;
    h.session.newChat();
    await h.session.openChat(chatId);
    assert.equal(h.session.viewState().chat.messages[1]?.tools?.[0]?.status, 'pending');
    h.session.toolDecision('call_1_1', true);
    assert.equal((await answer)?.message.status, 'done');
  });

  it('a reload while a card waits shows the call stopped, and the loop stays in the history', async () => {
    const first = await harness();
    void first.session.send('[[mock:tool-loop]] read it');
    await waitFor(() => latestCard(first.posted, 'call_1_1')?.status === 'pending');
    await first.store.flush();
    const reloaded = await harness({ dir: first.dir });
    const message = reloaded.session.activeChat.messages[1];
    assert.equal(message?.status, 'stopped');
    assert.equal(message?.toolRounds?.[0]?.calls[0]?.status, 'stopped');
    const state = reloaded.session.viewState();
    assert.equal(state.chat.messages[1]?.tools?.[0]?.status, 'stopped');
    first.session.stop();
    await first.session.idle();
  });

  it('a model without tools chats without them; web search adds the server tool and keeps the citations', async () => {
    const noTools = await harness({ model: 'openai/gpt-oss-20b:free' });
    let before = server.requests.length;
    await noTools.session.send('[[mock:echo]] hi');
    assert.equal(chatRequests(before)[0]?.tools, undefined);

    const h = await harness();
    before = server.requests.length;
    const outcome = await h.session.send('[[mock:web-search]] what is new?', { webSearch: true });
    const request = chatRequests(before)[0];
    assert.deepEqual(request?.tools?.at(-1), WEB_SEARCH_TOOL);
    assert.deepEqual(outcome?.message.citations, [
      { url: 'https://example.com/vscode-api', title: 'VS Code API' },
      { url: 'https://example.org/openrouter-tools', title: 'OpenRouter server tools' },
    ]);
    const end = h.posted.filter((m) => m.type === 'streamEnd').pop();
    assert.ok(end?.type === 'streamEnd' && end.message.citations?.length === 2);
  });
});
