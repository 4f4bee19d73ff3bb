/**
 * Issue 13: no repository, settings file or webview message can take the key, the money or the
 * files. A workspace cannot redirect the key or switch the cost guard off, plain http goes only to
 * this machine, the host checks what the webview posts, the instructions file is announced and can
 * be refused, and a picked model is not silently overruled.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpenRouterChatApi } from '../../src/extension/extension';
import type { HostMessage } from '../../src/shared/protocol';
import { codeBlocks } from '../../src/core/codeActions/codeFence';
import { startOpenRouterServer, type MockOpenRouter } from '../server/openRouterServer';
import { TEST_API_KEY } from '../support/testKey';
import {
  ask,
  closeAllEditors,
  extensionApi,
  resetSettings,
  restoreWindow,
  serverLogLines,
  setSetting,
  settings,
  stubWindow,
  until,
  useLocalServer,
  useTestKeyFromEnv,
  waitForLogLine,
  withEnv,
} from './support';

function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace open');
  return folder.uri;
}

async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

async function remove(uri: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined);
}

function chatRequests(server: MockOpenRouter) {
  return server.requests.filter((r) => r.path.endsWith('/chat/completions'));
}

describe('Trust boundaries', function () {
  this.timeout(60_000);
  let api: OpenRouterChatApi;
  let server: MockOpenRouter;
  let workspaceSettings: vscode.Uri;

  before(async () => {
    api = await extensionApi();
    server = await useLocalServer();
    workspaceSettings = vscode.Uri.joinPath(workspaceFolder(), '.vscode', 'settings.json');
  });
  afterEach(async () => {
    restoreWindow();
    await remove(workspaceSettings);
    await resetSettings();
  });
  after(async () => {
    await resetSettings();
    await setSetting('useWorkspaceInstructions', undefined);
    await server.close();
  });

  describe('a workspace cannot set where the key goes or what may be spent', () => {
    let second: MockOpenRouter;
    before(async () => {
      second = await startOpenRouterServer({ log: (line) => serverLogLines.push(line) });
    });
    after(() => second.close());

    it('ignores a workspace baseUrl pointing at a second server (no request reaches it, not even the key check) and says so once', async () => {
      const warnings = stubWindow('showWarningMessage', async () => undefined);
      stubWindow('showInformationMessage', async () => undefined);
      stubWindow('showInputBox', async () => TEST_API_KEY);
      await writeText(workspaceSettings, `{\n  // committed by someone else\n  "openrouterChat.baseUrl": "${second.baseUrl}",\n}\n`);
      // Either the editor applied the value (the hole this closes) or the extension reported it.
      await until('the workspace value to be applied or reported', () =>
        settings().inspect('baseUrl')?.workspaceValue !== undefined || warnings.some((w) => String(w[0]).includes('openrouterChat.baseUrl')) ? true : undefined,
      );

      const before = chatRequests(server).length;
      const answer = await withEnv('OPENROUTER_API_KEY', TEST_API_KEY, () => ask(api, '[[mock:echo]] where does my key go?'));
      assert.equal(answer.status, 'done', JSON.stringify(answer.error));
      await vscode.commands.executeCommand('openrouterChat.setApiKey');
      await vscode.commands.executeCommand('openrouterChat.clearApiKey');

      assert.deepEqual(second.requests.map((r) => r.path), [], 'the workspace server received requests');
      assert.equal(chatRequests(server).length, before + 1, 'the user-settings server answered');
      const notice = warnings.map((w) => String(w[0])).filter((text) => text.includes('openrouterChat.baseUrl'));
      assert.equal(notice.length, 1, `reported once: ${JSON.stringify(notice)}`);
      assert.match(notice[0]!, /\.vscode\/settings\.json.*where your API key is sent/);
      await waitForLogLine(api, /ignored openrouterChat\.baseUrl from .*\.vscode\/settings\.json/);
    });

    it('ignores a workspace maxCostPerRequest that would switch the cost guard off', async () => {
      const warnings = stubWindow('showWarningMessage', async () => undefined);
      await setSetting('maxCostPerRequest', 0.000001);
      await setSetting('model', 'anthropic/claude-sonnet-4.5');
      await writeText(workspaceSettings, '{ "openrouterChat": { "maxCostPerRequest": 0 } }');
      await until('the workspace value to be applied or reported', () =>
        settings().inspect('maxCostPerRequest')?.workspaceValue !== undefined || warnings.some((w) => String(w[0]).includes('openrouterChat.maxCostPerRequest')) ? true : undefined,
      );
      const before = chatRequests(server).length;
      await withEnv('OPENROUTER_API_KEY', TEST_API_KEY, () => ask(api, 'an expensive question'));
      assert.ok(
        warnings.some((w) => String(w[0]).includes('above your limit')),
        'the cost guard did not ask before an expensive request',
      );
      assert.equal(chatRequests(server).length, before, 'the request was sent without the guard');
    });
  });

  it('refuses an http base URL to another machine before any request, naming openrouterChat.baseUrl', async () => {
    await setSetting('baseUrl', 'http://openrouter.example.test/api/v1');
    try {
      const errors = stubWindow('showErrorMessage', async () => undefined);
      const warnings = stubWindow('showWarningMessage', async () => undefined);
      stubWindow('showInputBox', async () => TEST_API_KEY);
      await withEnv('OPENROUTER_API_KEY', undefined, async () => {
        assert.equal(await vscode.commands.executeCommand('openrouterChat.setApiKey'), false);
        assert.equal(api.viewState().keySource, 'none', 'the key was stored');
      });
      assert.deepEqual(warnings, [], 'the key check was attempted');
      assert.match(String(errors[0]?.[0]), /openrouterChat\.baseUrl.*unencrypted/);

      const answer = await withEnv('OPENROUTER_API_KEY', TEST_API_KEY, () => ask(api, 'over plain http?'));
      assert.equal(answer.status, 'error');
      assert.equal(answer.error?.setting, 'openrouterChat.baseUrl');
      assert.match(answer.error?.message ?? '', /openrouterChat\.baseUrl.*unencrypted/);
    } finally {
      await setSetting('baseUrl', server.baseUrl);
    }
  });

  describe('messages from the webview', () => {
    useTestKeyFromEnv(TEST_API_KEY);
    after(() => closeAllEditors());

    it('drops and logs a malformed message, never throws, and acts on nothing', async () => {
      const chatBefore = JSON.stringify(api.viewState().chat);
      for (const raw of [{ type: 'send', text: { toString: 'x' } }, { type: 'insertCode', code: 42, language: 'ts', messageId: 'm' }, { type: 'launchMissiles' }, 'ready', null]) {
        assert.doesNotThrow(() => api.receiveFromWebview(raw));
      }
      await waitForLogLine(api, /dropped invalid webview message "send" \(text\)/);
      await waitForLogLine(api, /dropped invalid webview message "insertCode" \(code\)/);
      await waitForLogLine(api, /dropped invalid webview message "launchMissiles"/);
      assert.equal(JSON.stringify(api.viewState().chat), chatBefore, 'the chat changed');
    });

    it('inserts code only when it stands in an answer of the shown chat', async () => {
      api.session.newChat();
      const answer = await ask(api, 'write me some code');
      const block = codeBlocks(answer.content)[0];
      assert.ok(block, 'the default answer has a code block');

      const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: '' });
      await vscode.window.showTextDocument(document);
      const warnings = stubWindow('showWarningMessage', async () => undefined);
      api.receiveFromWebview({ type: 'insertCode', code: 'process.exit(1);', language: 'ts', messageId: answer.id });
      api.receiveFromWebview({ type: 'applyCode', code: block.code, language: 'ts', messageId: 'not-a-message' });
      await until('both refusals', () => (warnings.length >= 2 ? true : undefined));
      assert.equal(document.getText(), '', 'refused code reached the editor');
      assert.match(String(warnings[0]?.[0]), /Only code from an answer/);
      await waitForLogLine(api, /refused to put 16 characters into the editor/);

      api.receiveFromWebview({ type: 'insertCode', code: block.code, language: block.language, messageId: answer.id });
      await until('the answer\'s code in the editor', () => (document.getText().includes(block.code.split('\n')[0]!) ? true : undefined));
    });
  });

  describe('the workspace instructions file', () => {
    let file: vscode.Uri;
    useTestKeyFromEnv(TEST_API_KEY);
    before(() => {
      file = vscode.Uri.joinPath(workspaceFolder(), '.openrouter', 'instructions.md');
    });
    after(() => remove(file));

    function lastSystemMessage(): string | undefined {
      const body = chatRequests(server).at(-1)?.body as { messages: { role: string; content: string }[] };
      return body.messages.find((m) => m.role === 'system')?.content;
    }

    async function askCollectingNotices(text: string): Promise<Extract<HostMessage, { type: 'notice' }>[]> {
      const notices: Extract<HostMessage, { type: 'notice' }>[] = [];
      const listener = api.onDidPost((m) => {
        if (m.type === 'notice') notices.push(m);
      });
      try {
        await ask(api, text);
      } finally {
        listener.dispose();
      }
      return notices;
    }

    it('names the file in the chat on first use and after a change, and its button stops the file being sent', async () => {
      stubWindow('showInformationMessage', async () => undefined);
      const marker = `Use tabs (${Date.now()}).`;
      await writeText(file, `${marker}\n`);

      const first = await askCollectingNotices('[[mock:echo]] first');
      assert.equal(first.length, 1, JSON.stringify(first));
      assert.equal(first[0]!.level, 'info');
      assert.match(first[0]!.text, /\.openrouter\/instructions\.md/);
      assert.deepEqual(first[0]!.actions, ['turnOffWorkspaceInstructions']);
      assert.ok(lastSystemMessage()?.includes(marker));

      assert.deepEqual(await askCollectingNotices('[[mock:echo]] second'), [], 'announced again without a change');

      await writeText(file, `${marker} Changed.\n`);
      const changed = await askCollectingNotices('[[mock:echo]] third');
      assert.equal(changed.length, 1, 'a changed file is announced again');
      assert.ok(lastSystemMessage()?.includes('Changed.'));

      // The notice's button, as the webview posts it.
      api.receiveFromWebview({ type: 'action', action: 'turnOffWorkspaceInstructions' });
      await until('the switch to be off', () => (settings().inspect('useWorkspaceInstructions')?.globalValue === false ? true : undefined));
      assert.deepEqual(await askCollectingNotices('[[mock:echo]] fourth'), []);
      assert.equal(lastSystemMessage(), undefined, 'the file was still sent');
    });

    // The meter works out the next request's size after every state change, so it reads the file
    // too; the notice belongs to the request that sends it, not to whichever of them looks first.
    it('announces a changed file with the request that sends it, even when the meter read it first', async () => {
      stubWindow('showInformationMessage', async () => undefined);
      await writeText(file, `Meter first (${Date.now()}).\n`);
      const notices: Extract<HostMessage, { type: 'notice' }>[] = [];
      let usages = 0;
      const listener = api.onDidPost((m) => {
        if (m.type === 'notice') notices.push(m);
        if (m.type === 'contextUsage') usages += 1;
      });
      try {
        const before = usages;
        api.session.newChat(); // a state change: the meter looks again
        await until('the meter to look at the new file', () => (usages > before ? true : undefined));
        assert.equal(notices.length, 0, 'the meter announced the file although nothing was sent');
        await ask(api, '[[mock:echo]] after the meter');
        assert.equal(notices.length, 1, 'the request that sent the file did not name it');
      } finally {
        listener.dispose();
      }
    });
  });

  describe('the picked model', () => {
    after(async () => {
      await settings().update('model', undefined, vscode.ConfigurationTarget.Workspace);
    });

    it('says when a workspace value overrides the pick, and writes the pick there when asked', async () => {
      await settings().update('model', 'mistralai/mistral-small-3.2-24b-instruct', vscode.ConfigurationTarget.Workspace);
      const warnings = stubWindow('showWarningMessage', async (...args: unknown[]) => args.find((a) => typeof a === 'string' && a.startsWith('Use ')));
      let picker: vscode.QuickPick<vscode.QuickPickItem & { modelId: string }> | undefined;
      const realCreate = (vscode.window as unknown as { createQuickPick: typeof vscode.window.createQuickPick }).createQuickPick.bind(vscode.window);
      stubWindow('createQuickPick', () => {
        picker = realCreate() as typeof picker;
        return picker;
      });
      const chosen = vscode.commands.executeCommand<string | undefined>('openrouterChat.selectModel');
      await until('the model list', () => (picker && !picker.busy && picker.items.length > 0 ? true : undefined));
      // Filter the list down to the one model, as a user typing its id would, then accept it.
      picker!.value = 'openai/gpt-oss-20b:free';
      await until('the model to be the active item', () => (picker!.activeItems[0]?.modelId === 'openai/gpt-oss-20b:free' ? true : undefined));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      assert.equal(await chosen, 'openai/gpt-oss-20b:free');

      await until('the override notice', () => (warnings.length > 0 ? true : undefined));
      assert.match(String(warnings[0]?.[0]), /openrouterChat\.model is set to mistralai\/mistral-small-3\.2-24b-instruct in the workspace settings/);
      await until('the pick written to the workspace', () => (settings().inspect('model')?.workspaceValue === 'openai/gpt-oss-20b:free' ? true : undefined));
      assert.equal(settings().get('model'), 'openai/gpt-oss-20b:free');
    });
  });
});
