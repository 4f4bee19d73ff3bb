/**
 * One "window" of the store bench (storeBench.ts), run as its own process: a real ChatSession over
 * the shared storage folder asks `count` questions in one chat, each answered by a short stream from
 * the local server, and reads the chat's file between questions as the file watcher would make it.
 * Usage: node storeWriter.js <storageDir> <chatId> <baseUrl> <name> <count>
 */
import { ChatSession } from '../../src/core/chat/chatSession';
import { ChatStore } from '../../src/core/chat/chatStore';
import { OpenRouterClient } from '../../src/core/openrouter/client';
import { buildChatRequest } from '../../src/core/openrouter/requestBuilder';
import { TEST_API_KEY } from '../../test/support/testKey';

async function main(): Promise<void> {
  const [dir, chatId, baseUrl, name, countText] = process.argv.slice(2);
  if (!dir || !chatId || !baseUrl || !name || !countText) throw new Error('usage: storeWriter <dir> <chatId> <baseUrl> <name> <count>');
  const client = new OpenRouterClient({ baseUrl, getApiKey: () => TEST_API_KEY });
  const session = new ChatSession(new ChatStore(dir), {
    post: () => undefined,
    prepare: async (turns) => ({ kind: 'ready', client, request: buildChatRequest(turns, { model: 'openai/gpt-oss-120b', reasoningEffort: 'low' }) }),
    viewBasics: () => ({ keySource: 'stored', settings: { reasoningDisplay: 'collapsed', model: 'openai/gpt-oss-120b' }, strings: {} }),
    log: () => undefined,
  });
  await session.init();
  await session.openChat(chatId);
  const count = Number(countText);
  for (let i = 0; i < count; i++) {
    const outcome = await session.send(`[[mock:slow-drip count=3 delayMs=2]] ${name} ${i}`);
    if (outcome?.message.status !== 'done') throw new Error(`${name} ${i}: answer ended ${String(outcome?.message.status)}`);
    if (i % 5 === 4) await session.chatChangedOnDisk(chatId);
  }
  await session.dispose();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  },
);
