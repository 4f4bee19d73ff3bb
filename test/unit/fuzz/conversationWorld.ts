/**
 * The system under test for the conversation fuzz: real `ChatSession`s over a real `ChatStore`
 * folder, talking to the real local OpenRouter-compatible server. One or two windows share the
 * folder; a restart replaces a window's session with a new one over the same folder, as a window
 * reload does. What the user should be able to rely on is kept in a `ConversationModel` and
 * checked after every step (see conversationInvariants.ts).
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatSession } from '../../../src/core/chat/chatSession';
import { ChatStore } from '../../../src/core/chat/chatStore';
import type { Chat } from '../../../src/core/chat/chat';
import { buildCodeActionPrompt } from '../../../src/core/codeActions/promptTemplates';
import type { HostMessage } from '../../../src/shared/protocol';
import type { MockOpenRouter } from '../../server/openRouterServer';
import { hostFor } from '../chat/sessionHarness';
import { questionText, type Action, type Pause } from './conversationActions';
import { ConversationModel } from './conversationModel';
import { StreamingView } from './streamingView';
import type { CodeOrigin } from '../../../src/core/codeActions/codeOrigin';

/** Actions taken while an answer was running, by kind, over the whole run (for the figures). */
export const midStream = new Map<Action['kind'], number>();

/** A stall must be noticed quickly here; the slow drip pauses well below it. */
const STALL_TIMEOUT_MS = 400;

export class Window {
  session!: ChatSession;
  store!: ChatStore;
  posted: HostMessage[] = [];
  /** What this window's webview would show of the running answer (see StreamingView). */
  view = new StreamingView();
  /** Promises of the actions started in this window (answers, deletions, reloads of the list). */
  pending: Promise<unknown>[] = [];
  /** Set when the session was disposed by a restart: it must not start anything afterwards. */
  retired: ChatSession[] = [];
  private retiredPosts: { session: ChatSession; posted: HostMessage[]; at: number }[] = [];

  constructor(
    readonly index: number,
    private readonly server: MockOpenRouter,
    private readonly dir: string,
    private readonly model: ConversationModel,
  ) {}

  async open(): Promise<void> {
    const { host, posted } = hostFor(this.server, { stallTimeoutMs: STALL_TIMEOUT_MS, retry: { maxTries: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    const post = host.post;
    host.post = (message) => {
      post(message);
      this.model.observe(this.index, message);
      this.view.observe(message);
    };
    this.posted = posted;
    this.view = new StreamingView();
    this.store = new ChatStore(this.dir);
    this.session = new ChatSession(this.store, host);
    this.pending = [];
    await this.session.init();
  }

  /** A window reload: the extension is deactivated (which stops and saves), then activated again. */
  async restart(): Promise<void> {
    const old = this.session;
    await old.dispose();
    await Promise.allSettled(this.pending);
    this.retiredPosts.push({ session: old, posted: this.posted, at: this.posted.length });
    await this.open();
  }

  /** Answers a session started after it was disposed (none may). */
  startsAfterRetirement(): number {
    return this.retiredPosts.reduce((count, r) => count + r.posted.slice(r.at).filter((m) => m.type === 'streamStart').length, 0);
  }

  /** Every chat this window holds: the history and the open chat. */
  chats(): Chat[] {
    const state = this.session.viewState();
    const ids = new Set([...state.chats.map((c) => c.id), this.session.activeChat.id]);
    return [...ids].map((id) => this.session.chatById(id)).filter((chat): chat is Chat => chat !== undefined);
  }

  async settle(): Promise<void> {
    // Answers end, then their queued followers (each a pending promise of its own), then writes.
    for (let round = 0; round < 10 && this.pending.length > 0; round++) {
      const now = this.pending;
      this.pending = [];
      await Promise.allSettled(now);
      await this.session.idle();
    }
    await this.store.flush();
  }
}

export class ConversationWorld {
  readonly model = new ConversationModel();
  readonly windows: Window[] = [];
  private serial = 0;

  private constructor(readonly dir: string) {}

  static async open(server: MockOpenRouter, windowCount: number): Promise<ConversationWorld> {
    const dir = await fs.mkdtemp(join(tmpdir(), 'orc-fuzz-'));
    const world = new ConversationWorld(dir);
    for (let i = 0; i < windowCount; i++) {
      const window = new Window(i, server, dir, world.model);
      await window.open();
      world.windows.push(window);
    }
    return world;
  }

  async close(): Promise<void> {
    for (const window of this.windows) {
      await window.session.dispose();
      await Promise.allSettled(window.pending);
    }
    await fs.rm(this.dir, { recursive: true, force: true });
  }

  /** Settles every window, then lets each read what the others wrote (their file watchers). */
  async settle(): Promise<void> {
    for (const window of this.windows) await window.settle();
    for (const window of this.windows) await window.session.refreshList();
    for (const window of this.windows) await window.settle();
  }

  /** Runs one action, and waits as long as its `pause` says before the next. */
  async run(action: Action): Promise<void> {
    // Which interleavings the generator reached: actions taken while an answer was running.
    if (this.windows.some((w) => w.session.busy)) midStream.set(action.kind, (midStream.get(action.kind) ?? 0) + 1);
    if (action.kind === 'settle') return this.settle();
    const window = this.windows[action.window] ?? this.windows[0]!;
    const session = window.session;
    switch (action.kind) {
      case 'send': {
        const text = questionText(action.fault, ++this.serial);
        return this.track(window, session.send(text, action.queue ? { queueIfBusy: true } : {}), action.pause);
      }
      case 'codeAction': {
        const { prompt, label } = buildCodeActionPrompt({
          kind: 'refactor',
          path: 'src/math.ts',
          languageId: 'typescript',
          startLine: 1,
          endLine: 3,
          code: `// ${questionText(action.fault, ++this.serial)}\nexport const add = (a: number, b: number) => a + b;\n`,
        });
        const origin = codeOrigin(this.serial);
        this.model.origins.set(origin.text, origin);
        return this.track(window, session.send(prompt, { label, queueIfBusy: true, origin }), action.pause);
      }
      case 'stop':
        session.stop();
        return;
      case 'newChat':
        session.newChat();
        return;
      case 'openChat': {
        const list = session.viewState().chats;
        const chat = list[action.pick % Math.max(1, list.length)];
        if (chat) await session.openChat(chat.id);
        return;
      }
      case 'deleteChat': {
        const list = session.viewState().chats;
        const chat = list[action.pick % Math.max(1, list.length)];
        if (!chat) return;
        this.model.deleted(chat.id);
        return this.track(window, session.deleteChat(chat.id), 'ended');
      }
      case 'regenerate': {
        const last = session.activeChat.messages.at(-1);
        if (last?.role !== 'assistant') return;
        const expectation = this.model.expectReplacement(window, last.id);
        const started = session.regenerate(last.id);
        expectation.check();
        return this.track(window, started, action.pause);
      }
      case 'retryOlder': {
        // Retry under an earlier answer (a stored error keeps its button): it must change nothing.
        const answers = session.activeChat.messages.filter((m) => m.role === 'assistant').slice(0, -1);
        const older = answers[action.pick % Math.max(1, answers.length)];
        if (!older) return;
        const expectation = this.model.expectReplacement(window, older.id);
        const started = session.regenerate(older.id);
        expectation.check();
        return this.track(window, started, 'none');
      }
      case 'editResend': {
        const users = session.activeChat.messages.filter((m) => m.role === 'user');
        const user = users[action.pick % Math.max(1, users.length)];
        if (!user) return;
        const text = questionText(action.fault, ++this.serial);
        const expectation = this.model.expectEdit(window, user.id, text);
        const started = session.editAndResend(user.id, text);
        expectation.check();
        return this.track(window, started, action.pause);
      }
      case 'restart':
        return window.restart();
      case 'sync':
        return window.session.refreshList();
      case 'reshow':
        session.postState();
        return;
      case 'compact': {
        const expectation = this.model.expectCompaction(window);
        const started = session.compact();
        expectation.check();
        return this.track(window, started.then((outcome) => expectation.ended(outcome?.message)), action.pause);
      }
    }
  }

  private async track(window: Window, started: Promise<unknown>, pause: Pause): Promise<void> {
    window.pending.push(started);
    if (pause === 'ended') {
      await started;
      return;
    }
    if (pause === 'started' || pause === 'midway') {
      // Until the answer has shown something (or ended): the next action lands mid-stream.
      const from = window.posted.length;
      await untilPosted(window, from, (m) => m.type === 'streamDelta' || m.type === 'streamEnd', started);
      // 'midway': a few milliseconds later, while the host may be holding text back to batch it.
      if (pause === 'midway') await new Promise((resolve) => setTimeout(resolve, 7));
      return;
    }
    // 'none': the next action comes in the same moment, before anything has streamed.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Resolves once the window posts a message matching `test` after index `from`, or `orWhen` settles. */
function untilPosted(window: Window, from: number, test: (m: HostMessage) => boolean, orWhen: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    let over = false;
    void orWhen.then(
      () => (over = true),
      () => (over = true),
    );
    const poll = (): void => {
      if (over || window.posted.slice(from).some(test)) resolve();
      else setTimeout(poll, 2);
    };
    poll();
  });
}

/** A compact picture of the windows, the files and the model, for a failure's message. */
export async function describeWorld(world: ConversationWorld): Promise<string> {
  const short = (id: string): string => id.slice(0, 6);
  const chat = (c: Chat): string =>
    `${short(c.id)}[${c.messages.map((m) => `${m.role[0]}:${short(m.id)}:${m.status ?? '-'}:${m.content.replace(/\[\[mock:[^\]]*\]\]\s*/, '').slice(0, 24)}`).join(' | ')}]`;
  const lines: string[] = [];
  for (const window of world.windows) lines.push(`window ${window.index} (open ${short(window.session.activeChat.id)}): ${window.chats().map(chat).join('  ')}`);
  const { chats } = await new ChatStore(world.dir).loadAll();
  lines.push(`disk: ${chats.map((c) => `${chat(c)}${c.removedMessageIds?.length ? ` removed ${c.removedMessageIds.map(short).join(',')}` : ''}`).join('  ')}`);
  lines.push(`model: ${[...world.model.chats].map(([id, qs]) => `${short(id)}: ${qs.map((q) => `${short(q.id)}(w${q.window})`).join(', ')}`).join('  ')}`);
  return lines.join('\n');
}

/** Where a code action's code came from: unique per action, so its answer's origin can be checked. */
function codeOrigin(serial: number): CodeOrigin {
  const text = `export const add${serial} = (a: number, b: number) => a + b;`;
  return { uri: 'file:///workspace/src/math.ts', start: serial * 100, end: serial * 100 + text.length, startLine: 1, endLine: 1, version: serial, text };
}
