/** A chat session wired to the local OpenRouter-compatible server and a fresh store folder. */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatSession, type ChatSessionHost } from '../../../src/core/chat/chatSession';
import { ChatStore } from '../../../src/core/chat/chatStore';
import { OpenRouterClient, type OpenRouterClientOptions } from '../../../src/core/openrouter/client';
import { buildChatRequest } from '../../../src/core/openrouter/requestBuilder';
import type { HostMessage } from '../../../src/shared/protocol';
import type { MockOpenRouter } from '../../server/openRouterServer';
import { TEST_API_KEY } from '../../support';

export interface Harness {
  session: ChatSession;
  posted: HostMessage[];
  store: ChatStore;
  dir: string;
}

/** A host that records what the session posts and prepares requests for the local server. */
export function hostFor(server: MockOpenRouter, clientOptions: Partial<OpenRouterClientOptions> = {}): { host: ChatSessionHost; posted: HostMessage[] } {
  const posted: HostMessage[] = [];
  const client = new OpenRouterClient({ baseUrl: server.baseUrl, getApiKey: () => TEST_API_KEY, stallTimeoutMs: 5000, ...clientOptions });
  const host: ChatSessionHost = {
    post: (m) => posted.push(m),
    prepare: async (turns) => ({ kind: 'ready', client, request: buildChatRequest(turns, { model: 'openai/gpt-oss-120b', reasoningEffort: 'medium' }) }),
    viewBasics: () => ({ keySource: 'stored', settings: { reasoningDisplay: 'collapsed', model: 'openai/gpt-oss-120b' }, strings: {} }),
    log: () => undefined,
  };
  return { host, posted };
}

export async function harness(server: MockOpenRouter, dir?: string): Promise<Harness> {
  const storageDir = dir ?? (await fs.mkdtemp(join(tmpdir(), 'orc-session-')));
  const store = new ChatStore(storageDir);
  const { host, posted } = hostFor(server);
  const session = new ChatSession(store, host);
  await session.init();
  return { session, posted, store, dir: storageDir };
}

export function streamedText(posted: HostMessage[], messageId: string, field: 'content' | 'reasoning'): string {
  return posted
    .filter((m): m is Extract<HostMessage, { type: 'streamDelta' }> => m.type === 'streamDelta' && m.messageId === messageId)
    .map((m) => m[field] ?? '')
    .join('');
}

