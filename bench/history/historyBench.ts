/**
 * The history at 10,000 chats, measured in Node on the real store and session (the extension's
 * open path without the editor around it; the activation ratio itself is measured in code-server,
 * historyActivation.ts):
 * - `openMs`: `ChatSession.init` (index read, newest chat read) until the view state with the whole
 *   history list is built, at 100 and at 10,000 chats, median of several starts;
 * - `firstStartMs`: the same with no index yet (the first start after updating: every file read once);
 * - `searchMs`: `ChatSession.searchChats`, the host side of the search box, median over queries
 *   of one to three words, common and rare; `firstSearchMs`: the first query, which reads the text
 *   of the chats not held in memory (the view asks for it when the search box gets the focus).
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatSession, type ChatSessionHost } from '../../src/core/chat/chatSession';
import { ChatStore } from '../../src/core/chat/chatStore';
import { median, round } from '../stats';
import { seedHistory } from './seedHistory';

export interface HistoryBenchResults {
  readonly openMs: { readonly at100: number; readonly at10k: number };
  readonly firstStartMs: number;
  readonly firstSearchMs: number;
  readonly searchMs: number;
  readonly searchWorstMs: number;
  readonly queries: number;
  readonly chats: number;
}

export const QUERIES = ['parser', 'merge lock', 'kubernetes', 'render frame layout', 'returns value.trim', 'zebra', 'docker python', 'webview host message', 'history', 'await', 'index search disk', 'export function deploy', 'state', 'quokka', 'client server chunk'];

const host: ChatSessionHost = {
  post: () => undefined,
  prepare: async () => ({ kind: 'cancelled' }),
  viewBasics: () => ({ keySource: 'stored', settings: { reasoningDisplay: 'collapsed', model: 'openai/gpt-oss-120b' }, strings: {} }),
  log: () => undefined,
};

async function openOnce(dir: string): Promise<{ ms: number; session: ChatSession }> {
  const started = performance.now();
  const session = new ChatSession(new ChatStore(dir), host);
  await session.init();
  const listed = session.viewState().chats.length;
  const ms = performance.now() - started;
  if (listed === 0) throw new Error('history bench: nothing listed');
  return { ms, session };
}

export async function seededFolder(count: number): Promise<string> {
  const dir = await fs.mkdtemp(join(tmpdir(), `orc-history-${count}-`));
  await seedHistory(dir, count);
  return dir;
}

export async function runHistoryBench(runs = 5, log: (line: string) => void = console.log): Promise<HistoryBenchResults> {
  const small = await seededFolder(100);
  log('history bench: seeding 10,000 chats…');
  const large = await seededFolder(10_000);
  try {
    const times = { at100: [] as number[], at10k: [] as number[] };
    // Interleaved, so the machine's noise falls on both sizes alike.
    for (let run = 0; run < runs; run++) {
      times.at100.push((await openOnce(small)).ms);
      times.at10k.push((await openOnce(large)).ms);
    }
    const { session } = await openOnce(large);
    let started = performance.now();
    await session.searchChats(QUERIES[0] as string);
    const firstSearchMs = performance.now() - started;
    const searches: number[] = [];
    for (const query of QUERIES) {
      started = performance.now();
      await session.searchChats(query);
      searches.push(performance.now() - started);
    }
    await fs.rm(join(large, 'chat-index.json'));
    const firstStartMs = (await openOnce(large)).ms;
    log(`history bench: open 100 ${round(median(times.at100), 1)} ms, 10,000 ${round(median(times.at10k), 1)} ms; first start ${round(firstStartMs, 0)} ms; search first ${round(firstSearchMs, 0)} ms, median ${round(median(searches), 1)} ms`);
    return {
      openMs: { at100: round(median(times.at100), 2), at10k: round(median(times.at10k), 2) },
      firstStartMs: round(firstStartMs, 1),
      firstSearchMs: round(firstSearchMs, 1),
      searchMs: round(median(searches), 2),
      searchWorstMs: round(Math.max(...searches), 2),
      queries: QUERIES.length,
      chats: 10_000,
    };
  } finally {
    await fs.rm(small, { recursive: true, force: true });
    await fs.rm(large, { recursive: true, force: true });
  }
}
