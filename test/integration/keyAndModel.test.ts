/** Issue 6: key storage and checking, env fallback, model picker, reasoning effort, settings, cost guard. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpenRouterChatApi } from '../../src/extension/extension';
import type { MockOpenRouter } from '../server/openRouterServer';
import { TEST_API_KEY } from '../support/testKey';
import { ask, extensionApi, resetSettings, restoreWindow, setSetting, stubWindow, until, useLocalServer, withEnv } from './support';

const OTHER_KEY = 'sk-or-v1-wrong-1111111111111111111111111111111111111111111111111111111111111111';

interface RecordedBody {
  model?: string;
  reasoning?: { effort?: string };
  temperature?: number;
  messages?: { role: string; content: string }[];
}

function lastChatBody(server: MockOpenRouter): RecordedBody {
  const chats = server.requests.filter((r) => r.path.endsWith('/chat/completions'));
  assert.ok(chats.length > 0, 'no chat request reached the server');
  return chats[chats.length - 1]!.body as RecordedBody;
}

function chatRequestCount(server: MockOpenRouter): number {
  return server.requests.filter((r) => r.path.endsWith('/chat/completions')).length;
}

describe('API key, model and settings', function () {
  this.timeout(60_000);
  let api: OpenRouterChatApi;
  let server: MockOpenRouter;

  before(async () => {
    api = await extensionApi();
    server = await useLocalServer();
  });
  beforeEach(async () => {
    await vscode.commands.executeCommand('openrouterChat.clearApiKey');
    await resetSettings();
  });
  afterEach(() => restoreWindow());
  after(async () => {
    await vscode.commands.executeCommand('openrouterChat.clearApiKey');
    await resetSettings();
    await server.close();
  });

  it('checks a key against /key, shows label and credit, and stores it', async () => {
    stubWindow('showInputBox', async () => TEST_API_KEY);
    const infos = stubWindow('showInformationMessage', async () => undefined);
    await withEnv('OPENROUTER_API_KEY', undefined, async () => {
      const stored = await vscode.commands.executeCommand('openrouterChat.setApiKey');
      assert.equal(stored, true);
      assert.equal(api.viewState().keySource, 'stored');
    });
    assert.ok(server.requests.some((r) => r.path.endsWith('/key')), 'the key was not checked');
    const shown = String(infos[0]?.[0] ?? '');
    assert.match(shown, /works/);
    assert.ok(!shown.includes(TEST_API_KEY));
  });

  it('does not store an invalid key unless the user insists', async () => {
    stubWindow('showInputBox', async () => OTHER_KEY);
    const warnings = stubWindow('showWarningMessage', async () => undefined);
    await withEnv('OPENROUTER_API_KEY', undefined, async () => {
      assert.equal(await vscode.commands.executeCommand('openrouterChat.setApiKey'), false);
      assert.equal(api.viewState().keySource, 'none');
      assert.match(String(warnings[0]?.[0]), /rejected/);
      assert.ok(!String(warnings[0]?.[0]).includes(OTHER_KEY));

      stubWindow('showWarningMessage', async () => 'Store Anyway');
      assert.equal(await vscode.commands.executeCommand('openrouterChat.setApiKey'), true);
      assert.equal(api.viewState().keySource, 'stored');
    });
  });

  it('falls back to OPENROUTER_API_KEY, and a stored key wins over it', async () => {
    await withEnv('OPENROUTER_API_KEY', TEST_API_KEY, async () => {
      assert.equal(api.viewState().keySource, 'env');
      const answer = await ask(api, '[[mock:echo]] hello from env');
      assert.equal(answer.status, 'done', JSON.stringify(answer.error));
    });
    // Stored valid key + a wrong env key: the stored one must be used (else the server says 401).
    stubWindow('showInputBox', async () => TEST_API_KEY);
    stubWindow('showInformationMessage', async () => undefined);
    await withEnv('OPENROUTER_API_KEY', OTHER_KEY, async () => {
      await vscode.commands.executeCommand('openrouterChat.setApiKey');
      assert.equal(api.viewState().keySource, 'stored');
      const answer = await ask(api, '[[mock:echo]] hello stored');
      assert.equal(answer.status, 'done', JSON.stringify(answer.error));
    });
  });

  it('clears the key; with no key at all nothing is sent and the answer says how to set one', async () => {
    await withEnv('OPENROUTER_API_KEY', undefined, async () => {
      assert.equal(api.viewState().keySource, 'none');
      const before = chatRequestCount(server);
      const answer = await ask(api, 'anyone there?');
      assert.equal(answer.status, 'error');
      assert.equal(answer.error?.kind, 'noApiKey');
      assert.deepEqual(answer.error?.actions, ['setApiKey']);
      assert.equal(chatRequestCount(server), before, 'a request was sent without a key');
    });
  });

  it('lists the server\'s models with prices and context, and the chosen model is used next', async () => {
    let picker: vscode.QuickPick<vscode.QuickPickItem & { modelId: string }> | undefined;
    const realCreate = (vscode.window as unknown as { createQuickPick: typeof vscode.window.createQuickPick }).createQuickPick.bind(vscode.window);
    stubWindow('createQuickPick', () => {
      picker = realCreate() as typeof picker;
      return picker;
    });
    const chosen = vscode.commands.executeCommand<string | undefined>('openrouterChat.selectModel');
    await until('the model list', () => (picker && !picker.busy && picker.items.length > 0 ? true : undefined));
    const items = picker!.items;
    const oss = items.find((i) => i.modelId === 'openai/gpt-oss-120b');
    assert.ok(oss, 'gpt-oss-120b is listed');
    assert.match(oss.label, /\$\(check\)/, 'the current model is marked');
    assert.match(oss.detail ?? '', /131,072 context/);
    assert.match(oss.detail ?? '', /per 1M tokens/);
    assert.match(oss.detail ?? '', /reasoning/);
    const other = items.find((i) => i.modelId !== 'openai/gpt-oss-120b' && !/reasoning/.test(i.detail ?? ''));
    assert.ok(other, 'a model without reasoning is listed');
    // Filter the list down to the one model, as a user typing its id would, then accept it.
    picker!.value = other.modelId;
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await chosen, other.modelId);
    assert.equal(vscode.workspace.getConfiguration('openrouterChat').get('model'), other.modelId);

    await withEnv('OPENROUTER_API_KEY', TEST_API_KEY, async () => {
      await ask(api, '[[mock:echo]] which model?');
      const body = lastChatBody(server);
      assert.equal(body.model, other.modelId);
      assert.equal(body.reasoning, undefined, 'no reasoning parameter for a model without reasoning');
    });
  });

  it('sends the reasoning effort to a reasoning model', async () => {
    await setSetting('reasoningEffort', 'high');
    await withEnv('OPENROUTER_API_KEY', TEST_API_KEY, async () => {
      await ask(api, '[[mock:echo]] think hard');
      const body = lastChatBody(server);
      assert.equal(body.model, 'openai/gpt-oss-120b');
      assert.deepEqual(body.reasoning, { effort: 'high' });
    });
  });

  it('refuses to send with an invalid setting and names it', async () => {
    await setSetting('temperature', -1);
    const errors = stubWindow('showErrorMessage', async () => undefined);
    await withEnv('OPENROUTER_API_KEY', TEST_API_KEY, async () => {
      const before = chatRequestCount(server);
      const answer = await ask(api, 'hot or cold?');
      assert.equal(answer.status, 'error');
      assert.equal(answer.error?.kind, 'invalidSetting');
      assert.match(answer.error?.message ?? '', /openrouterChat\.temperature/);
      assert.match(String(errors[0]?.[0]), /openrouterChat\.temperature/);
      assert.equal(chatRequestCount(server), before);
    });
  });

  it('asks before a request above the cost limit and sends only when confirmed', async () => {
    await setSetting('model', 'anthropic/claude-sonnet-4.5');
    await setSetting('maxCostPerRequest', 0.000001);
    await withEnv('OPENROUTER_API_KEY', TEST_API_KEY, async () => {
      const warnings = stubWindow('showWarningMessage', async () => undefined);
      const before = chatRequestCount(server);
      const declined = await ask(api, '[[mock:echo]] expensive question');
      assert.equal(declined.status, 'stopped');
      assert.equal(chatRequestCount(server), before, 'sent although the user declined');
      assert.match(String(warnings[0]?.[0]), /could cost up to \$/);
      assert.match(String(warnings[0]?.[0]), /maxCostPerRequest/);

      stubWindow('showWarningMessage', async () => 'Send anyway');
      const confirmed = await ask(api, '[[mock:echo]] expensive question again');
      assert.equal(confirmed.status, 'done', JSON.stringify(confirmed.error));
      assert.equal(chatRequestCount(server), before + 1);
    });
  });
});
