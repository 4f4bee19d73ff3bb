/**
 * Issue 8: a code action started while a chat answer streams waits its turn; the two answers
 * never mix, and each lands in its own message in order.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpenRouterChatApi } from '../../src/extension/extension';
import type { MockOpenRouter } from '../server/openRouterServer';
import { TEST_API_KEY } from '../support/testKey';
import { closeAllEditors, extensionApi, resetSettings, useLocalServer, withEnv } from './support';

describe('A code action during a streaming chat answer', function () {
  this.timeout(60_000);
  let api: OpenRouterChatApi;
  let server: MockOpenRouter;

  before(async () => {
    api = await extensionApi();
    server = await useLocalServer();
  });
  after(async () => {
    await closeAllEditors();
    await resetSettings();
    await server.close();
  });

  it('queues behind it and keeps the two outputs apart', async () => {
    await withEnv('OPENROUTER_API_KEY', TEST_API_KEY, async () => {
      await api.session.idle();
      api.session.newChat();
      const chatAnswer = api.session.send('[[mock:slow-drip count=60 delayMs=15]] a story while I work');
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(api.session.busy, true, 'the chat answer is streaming');

      const folder = vscode.workspace.workspaceFolders![0]!;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'src/math.ts'));
      const editor = await vscode.window.showTextDocument(document);
      editor.selection = new vscode.Selection(0, 0, 4, 0);
      server.enqueue('echo');
      const explained = vscode.commands.executeCommand<{ messageId: string; status: string } | undefined>('openrouterChat.explainSelection');

      const [story, explanation] = await Promise.all([chatAnswer, explained]);
      assert.equal(story?.message.status, 'done');
      assert.equal(explanation?.status, 'done');
      const messages = api.session.activeChat.messages;
      assert.deepEqual(messages.map((m) => m.role), ['user', 'assistant', 'user', 'assistant']);
      const storyText = messages[1]!.content;
      const explanationText = messages[3]!.content;
      assert.equal(messages[3]!.id, explanation?.messageId);
      assert.ok(!storyText.includes('You said'), 'the explanation leaked into the story');
      assert.match(explanationText, /You said/);
      assert.ok(!explanationText.includes(storyText.slice(0, 20)), 'the story leaked into the explanation');
    });
  });
});
