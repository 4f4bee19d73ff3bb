/**
 * Shared helpers for integration tests that run inside the real extension host: the extension's
 * test API, a local OpenRouter-compatible server, settings, and stand-ins for modal UI.
 */
import * as assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import type { OpenRouterChatApi } from '../../src/extension/extension';
import type { AttachmentView, HostMessage, MessageView } from '../../src/shared/protocol';
import { startOpenRouterServer, type MockOpenRouter } from '../server/openRouterServer';

export const EXTENSION_ID = 'openrouter-chat.openrouter-chat';

export async function extensionApi(): Promise<OpenRouterChatApi> {
  const extension = vscode.extensions.getExtension<OpenRouterChatApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  return extension.activate();
}

export function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('openrouterChat');
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await settings().update(key, value, vscode.ConfigurationTarget.Global);
}

/** Every setting a test may change, back to its default. */
export async function resetSettings(): Promise<void> {
  for (const key of ['model', 'reasoningEffort', 'reasoningDisplay', 'temperature', 'maxTokens', 'systemPrompt', 'providerSort', 'requestTimeoutSeconds', 'maxCostPerRequest', 'useWorkspaceInstructions']) {
    await setSetting(key, undefined);
  }
}

/**
 * Every line any local server printed during the suite, for the secret scan at the end. Kept on
 * globalThis because each test file is bundled on its own, each with its own copy of this module.
 */
const globalLog = globalThis as { __openRouterServerLog?: string[] };
export const serverLogLines: string[] = (globalLog.__openRouterServerLog ??= []);

/** A local server, with the extension pointed at it. Call `close()` in `after`. */
export async function useLocalServer(): Promise<MockOpenRouter> {
  const server = await startOpenRouterServer({ log: (line) => serverLogLines.push(line) });
  await setSetting('baseUrl', server.baseUrl);
  return server;
}

type WindowMethod = 'showInputBox' | 'showWarningMessage' | 'showErrorMessage' | 'showInformationMessage' | 'createQuickPick' | 'showQuickPick';

/**
 * Replaces a `vscode.window` method for one test (the extension shares this API object), and
 * records the calls. `restoreWindow()` puts every original back.
 */
const originals = new Map<WindowMethod, unknown>();
export function stubWindow<T extends WindowMethod>(method: T, implementation: (...args: unknown[]) => unknown): unknown[][] {
  const calls: unknown[][] = [];
  const target = vscode.window as unknown as Record<string, unknown>;
  if (!originals.has(method)) originals.set(method, target[method]);
  target[method] = (...args: unknown[]) => {
    calls.push(args);
    return implementation(...args);
  };
  return calls;
}

export function restoreWindow(): void {
  const target = vscode.window as unknown as Record<string, unknown>;
  for (const [method, original] of originals) target[method] = original;
  originals.clear();
}

/** Sends a question through the chat session and returns the final assistant message as the view saw it. */
export async function ask(api: OpenRouterChatApi, text: string): Promise<MessageView> {
  let final: MessageView | undefined;
  const listener = api.onDidPost((message) => {
    if (message.type === 'streamEnd') final = message.message;
  });
  try {
    await api.session.send(text);
  } finally {
    listener.dispose();
  }
  assert.ok(final, 'the view was never told that the answer ended');
  return final;
}

export function withEnv<T>(name: string, value: string | undefined, body: () => Promise<T>): Promise<T> {
  const previous = process.env[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  return body().finally(() => {
    if (previous === undefined) delete process.env[name];
    else process.env[name] = previous;
  });
}

/** Polls `probe` until it gives a value (not undefined), or fails after `timeoutMs`. */
export async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Closes every editor. Unsaved ones are reverted first, so no save dialog can block the suite;
 * the proposals Apply shows are virtual and left to the close.
 */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.uri.scheme === 'openrouter-proposal') continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Registers hooks in the calling `describe` that put the test key in OPENROUTER_API_KEY (where the
 * extension looks when no key is stored) for the whole block, and restore what was there after.
 */
export function useTestKeyFromEnv(key: string): void {
  let previous: string | undefined;
  before(() => {
    previous = process.env.OPENROUTER_API_KEY;
    process.env.OPENROUTER_API_KEY = key;
  });
  after(() => {
    if (previous === undefined) delete process.env.OPENROUTER_API_KEY;
    else process.env.OPENROUTER_API_KEY = previous;
  });
}

/**
 * Waits until a line of the extension's log (the "OpenRouter Chat" output channel, as written
 * under this window's log folder) matches `pattern`, and returns it.
 */
export async function waitForLogLine(api: OpenRouterChatApi, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const windowLogs = resolve(api.logUri.fsPath, '..', '..');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const name of await readdir(windowLogs, { recursive: true }).catch(() => [] as string[])) {
      if (!name.endsWith('OpenRouter Chat.log')) continue;
      const text = await readFile(join(windowLogs, name), 'utf8').catch(() => '');
      const line = text.split('\n').find((l) => pattern.test(l));
      if (line) return line;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for a log line matching ${pattern}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The attachments of the last context draft the host posted to the view, if any. */
export function lastDraft(posted: readonly HostMessage[]): readonly AttachmentView[] | undefined {
  for (let i = posted.length - 1; i >= 0; i--) {
    const message = posted[i];
    if (message?.type === 'contextDraft') return message.attachments;
  }
  return undefined;
}

/** The last user message (as text) of the last chat request the local server received. */
export function lastUserContent(server: MockOpenRouter): string {
  const body = server.lastChatRequest()?.body as { messages: Array<{ role: string; content: string }> };
  const users = body.messages.filter((m) => m.role === 'user');
  return users[users.length - 1]?.content ?? '';
}

/** What a chat suite talks to: the extension's test API and the local server it is pointed at. */
export interface ChatSuite {
  readonly api: OpenRouterChatApi;
  readonly server: MockOpenRouter;
}

export interface FreshChatOptions {
  /** Also empty the composer's context draft before each test (the context suites). */
  readonly emptyDraft?: boolean;
}

/**
 * Registers the hooks the chat suites shared: the test key in OPENROUTER_API_KEY for the block; a
 * local server (the extension pointed at it) and the extension, handed to `ready`; before each
 * test, a new chat once any answer from the last test has ended; after the block, the settings
 * back to their defaults and the server closed. Call it first in the `describe`, so the suite's
 * own `before` hooks find the extension and the server.
 */
export function freshChatEachTest(key: string, ready: (suite: ChatSuite) => void, options: FreshChatOptions = {}): void {
  let suite: ChatSuite | undefined;
  useTestKeyFromEnv(key);
  before(async () => {
    const server = await useLocalServer();
    suite = { api: await extensionApi(), server };
    ready(suite);
  });
  beforeEach(async () => {
    assert.ok(suite, 'the suite has started');
    await suite.api.session.idle();
    suite.api.session.newChat();
    if (options.emptyDraft) suite.api.context.draft.take();
  });
  after(async () => {
    await resetSettings();
    await suite?.server.close();
  });
}
