/**
 * Issue 8, large input: a 5 MB selection, a 1,000-line file of one-character lines, a file of
 * very long lines and a binary file are each sent, trimmed or refused with a clear message, fast.
 * Timings are printed as figures and bounded only loosely (shared, noisy machines).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MockOpenRouter } from '../server/openRouterServer';
import { TEST_API_KEY } from '../support/testKey';
import { closeAllEditors, extensionApi, resetSettings, restoreWindow, stubWindow, useLocalServer, withEnv } from './support';

interface Outcome {
  readonly ms: number;
  readonly sent: boolean;
  readonly message: string;
}

describe('Large input', function () {
  this.timeout(120_000);
  let server: MockOpenRouter;
  const figures: string[] = [];

  before(async () => {
    await extensionApi();
    server = await useLocalServer();
  });
  afterEach(() => restoreWindow());
  after(async () => {
    console.log(`Large input: ${figures.join('; ')}`);
    await closeAllEditors();
    await resetSettings();
    await server.close();
  });

  /** Opens `content` selected whole, runs Explain with every prompt declined, and times it. */
  async function explain(content: string, language: string): Promise<Outcome> {
    const document = await vscode.workspace.openTextDocument({ content, language });
    const editor = await vscode.window.showTextDocument(document);
    const last = document.lineAt(document.lineCount - 1);
    editor.selection = new vscode.Selection(0, 0, last.lineNumber, last.text.length);
    const messages: string[] = [];
    for (const method of ['showWarningMessage', 'showErrorMessage', 'showInformationMessage'] as const) {
      stubWindow(method, async (...args: unknown[]) => {
        messages.push(String(args[0]));
        return undefined;
      });
    }
    const before = server.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
    server.enqueue('echo');
    const started = Date.now();
    await withEnv('OPENROUTER_API_KEY', TEST_API_KEY, () => Promise.resolve(vscode.commands.executeCommand('openrouterChat.explainSelection')));
    const ms = Date.now() - started;
    const sent = server.requests.filter((r) => r.path.endsWith('/chat/completions')).length > before;
    if (!sent) await fetch(`${server.baseUrl.replace(/\/api\/v1$/, '')}/__control/reset`, { method: 'POST' }).catch(() => undefined);
    return { ms, sent, message: messages.join(' | ') };
  }

  it('a 5 MB selection is refused with the numbers and an offer to trim', async () => {
    const line = 'const value = compute(index) + offset; // a line of code\n';
    const outcome = await explain(line.repeat(Math.ceil((5 * 1024 * 1024) / line.length)), 'typescript');
    figures.push(`5 MB selection ${outcome.ms} ms`);
    assert.equal(outcome.sent, false);
    assert.match(outcome.message, /The selection is about [\d,]+ tokens/);
    assert.ok(outcome.ms < 10_000, `${outcome.ms} ms`);
  });

  it('a 1,000-line file of one-character lines is sent at once', async () => {
    const outcome = await explain('x\n'.repeat(1000), 'plaintext');
    figures.push(`1,000 one-character lines ${outcome.ms} ms (answered)`);
    assert.equal(outcome.sent, true, outcome.message);
    assert.ok(outcome.ms < 10_000, `${outcome.ms} ms`);
  });

  it('a file of very long lines is refused with a clear message', async () => {
    const outcome = await explain(`${'y'.repeat(1_500_000)}\n`.repeat(3), 'plaintext');
    figures.push(`3 lines of 1.5 MB ${outcome.ms} ms`);
    assert.equal(outcome.sent, false);
    assert.match(outcome.message, /tokens/);
    assert.ok(outcome.ms < 10_000, `${outcome.ms} ms`);
  });

  it('a binary file is refused with a message', async () => {
    const outcome = await explain('\u0089PNG\r\n\u001a\n\0\0\0\rIHDR\0\0\0\u0010', 'plaintext');
    figures.push(`binary ${outcome.ms} ms`);
    assert.equal(outcome.sent, false);
    assert.match(outcome.message, /binary/i);
  });
});
