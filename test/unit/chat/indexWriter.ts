/**
 * A second window for the index test: a process of its own that saves 40 chats, adds 40 messages
 * to a shared chat and deletes some of its chats, all through its own ChatStore.
 * Usage: node indexWriter.js <storageDir> <name> <sharedChatId>
 */
import { createChat, createMessage } from '../../../src/core/chat/chat';
import { ChatStore } from '../../../src/core/chat/chatStore';

async function main(): Promise<void> {
  const [dir, name, sharedId] = process.argv.slice(2) as [string, string, string];
  const store = new ChatStore(dir);
  const shared = await store.load(sharedId);
  if (!shared) throw new Error('the shared chat is missing');
  const work: Array<Promise<void>> = [];
  for (let i = 0; i < 40; i++) {
    const chat = createChat(1000 + i);
    chat.title = `${name} ${i}`;
    chat.messages.push(createMessage('user', `question ${name} ${i}`));
    work.push(store.save(chat));
    shared.messages.push(createMessage('user', `${name} ${i}`, {}, 5000 + i));
    shared.updatedAt = 5000 + i;
    work.push(store.save(shared));
    if (i % 10 === 9) {
      await Promise.all(work);
      await store.delete(chat.id);
    }
  }
  await Promise.all(work);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
