/**
 * The store under concurrency (issue 19): two processes, each a window with a real ChatSession,
 * add 200 messages each (100 questions and their streamed answers) to the same chat at the same
 * time. Every write is a read-merge-write under the chat's lock file (chatStore.ts, fileLock.ts);
 * afterwards the file must hold all 400 messages plus the seed, and no file may have been set
 * aside as corrupt.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChat, createMessage } from '../../src/core/chat/chat';
import { ChatStore } from '../../src/core/chat/chatStore';
import { repoRoot } from '../../test/runners/paths';
import { startOpenRouterServer } from '../../test/server/openRouterServer';

export interface StoreBenchResults {
  /** Messages the two windows added that are not in the file afterwards. */
  readonly lost: number;
  /** Chat files set aside as unreadable. */
  readonly corrupt: number;
  /** Messages each window added. */
  readonly messagesPerWindow: number;
  readonly ms: number;
}

function runWindow(script: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`window ${args[3]} exited with ${String(code)}`))));
  });
}

export async function runStoreBench(questionsPerWindow = 100): Promise<StoreBenchResults> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'orc-store-bench-'));
  const server = await startOpenRouterServer();
  try {
    const chat = createChat();
    chat.title = 'Shared by two windows';
    chat.messages.push(createMessage('user', 'seed question'), createMessage('assistant', 'seed answer', { status: 'done' }));
    await new ChatStore(dir).save(chat);
    // From the repository root: this file is bundled into out/bench/run.js and into tests, so its
    // own __dirname is not where the writer was compiled.
    const script = join(repoRoot(), 'out', 'bench', 'store', 'storeWriter.js');
    const started = Date.now();
    await Promise.all(['A', 'B'].map((name) => runWindow(script, [dir, chat.id, server.baseUrl, name, String(questionsPerWindow)])));
    const ms = Date.now() - started;
    const saved = await new ChatStore(dir).load(chat.id);
    const messages = saved?.messages ?? [];
    // Each question is unique by its text; answers are counted (each window's answer follows its
    // own question in time, but the other window's turns may land in between).
    let lost = 0;
    for (const name of ['A', 'B']) {
      for (let i = 0; i < questionsPerWindow; i++) {
        if (!messages.some((m) => m.role === 'user' && m.content.endsWith(` ${name} ${i}`))) lost += 1;
      }
    }
    const answers = messages.filter((m) => m.role === 'assistant' && m.status === 'done').length - 1; // minus the seed
    lost += Math.max(0, 2 * questionsPerWindow - answers);
    const corruptDir = join(dir, 'chats', 'corrupt');
    const corrupt = (await fs.readdir(corruptDir).catch(() => [] as string[])).length;
    return { lost, corrupt, messagesPerWindow: questionsPerWindow * 2, ms };
  } finally {
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
