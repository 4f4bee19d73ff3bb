/**
 * Issue 15, images and PDFs in a real extension host: a PDF from Explorer → Add File to Chat
 * reaches the local server as a `file` part; a pasted image is refused for a text-only model with
 * a model that reads images, taken by one that does, and refused again at Regenerate once the
 * model is switched to a text-only one (nothing is sent then).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpenRouterChatApi } from '../../src/extension/extension';
import type { HostMessage } from '../../src/shared/protocol';
import type { MockOpenRouter } from '../server/openRouterServer';
import { TEST_API_KEY } from '../support/testKey';
import { freshChatEachTest, lastDraft, setSetting, until } from './support';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PDF_TEXT = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

describe('Images and PDFs as context', function () {
  this.timeout(60_000);
  let server: MockOpenRouter;
  let api: OpenRouterChatApi;
  freshChatEachTest(TEST_API_KEY, (suite) => ({ api, server } = suite), { emptyDraft: true });
  const posted: HostMessage[] = [];
  let listener: vscode.Disposable | undefined;
  let pdf: vscode.Uri | undefined;

  before(async () => {
    listener = api.onDidPost((message) => posted.push(message));
  });
  after(async () => {
    listener?.dispose();
    if (pdf) await vscode.workspace.fs.delete(pdf, { useTrash: false }).then(undefined, () => undefined);
  });
  beforeEach(() => {
    posted.length = 0;
  });


  function chatRequests(): MockOpenRouter['requests'] {
    return server.requests.filter((r) => r.path.endsWith('/chat/completions'));
  }

  /** The parts of the last user message of the last chat request. */
  function lastUserParts(): Array<Record<string, unknown>> {
    const last = chatRequests().at(-1);
    assert.deepEqual(last?.schemaProblems, [], 'the body passes the @openrouter/sdk schema');
    const users = (last?.body as { messages: Array<{ role: string; content: unknown }> }).messages.filter((m) => m.role === 'user');
    const content = users.at(-1)?.content;
    assert.ok(Array.isArray(content), 'a content array');
    return content as Array<Record<string, unknown>>;
  }

  it('Explorer → Add File to Chat with a PDF sends it as a file part', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    pdf = vscode.Uri.joinPath(folder.uri, 'spec.pdf');
    await vscode.workspace.fs.writeFile(pdf, new TextEncoder().encode(PDF_TEXT));
    await vscode.commands.executeCommand('openrouterChat.addFileToChat', pdf, [pdf]);
    const draft = await until('the chip', () => lastDraft(posted));
    assert.deepEqual(draft.map((a) => [a.kind, a.name, a.bytes]), [['pdf', 'spec.pdf', PDF_TEXT.length]]);
    await api.context.send('[[mock:echo]] Summarize the spec');
    const parts = lastUserParts();
    assert.deepEqual(parts.map((p) => p.type), ['text', 'file']);
    assert.deepEqual(parts[1], { type: 'file', file: { filename: 'spec.pdf', file_data: `data:application/pdf;base64,${Buffer.from(PDF_TEXT).toString('base64')}` } });
  });

  it('an image is refused for openai/gpt-oss-120b, naming a model that reads images', async () => {
    await setSetting('model', 'openai/gpt-oss-120b');
    await api.context.handle({ type: 'attachBinary', name: 'shot.png', mimeType: 'image/png', data: PNG });
    const notice = await until('the refusal', () => posted.find((m): m is Extract<HostMessage, { type: 'notice' }> => m.type === 'notice'));
    assert.match(notice.text, /^openai\/gpt-oss-120b does not accept images\. Choose a model that does, such as mistralai\/mistral-small-3\.2-24b-instruct/);
    assert.equal(api.context.draft.attachments.length, 0);
  });

  it('an image-capable model gets the image; switched to a text-only model, Regenerate is refused before sending', async () => {
    await setSetting('model', 'mistralai/mistral-small-3.2-24b-instruct');
    await api.context.handle({ type: 'attachBinary', name: 'shot.png', mimeType: 'image/png', data: PNG });
    const draft = await until('the chip', () => lastDraft(posted));
    assert.deepEqual(draft.map((a) => [a.kind, a.name, a.thumbnail]), [['image', 'shot.png', `data:image/png;base64,${PNG}`]]);
    await api.context.send('[[mock:echo]] What colour is it?');
    assert.deepEqual(lastUserParts()[1], { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } });

    await setSetting('model', 'openai/gpt-oss-120b');
    const sent = chatRequests().length;
    await api.session.regenerate();
    const answer = api.session.activeChat.messages.at(-1);
    assert.equal(answer?.error?.kind, 'imagesUnsupported');
    assert.match(answer?.error?.message ?? '', /openai\/gpt-oss-120b does not accept images.*mistralai\/mistral-small-3\.2-24b-instruct/);
    assert.equal(chatRequests().length, sent, 'nothing was sent');
  });
});
