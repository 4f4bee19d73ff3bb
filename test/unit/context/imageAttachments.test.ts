/**
 * Images and PDFs (issue 15): content parts only when a turn has them, valid against the
 * `@openrouter/sdk` schema on the real local server, re-sent on regenerate and edit-and-resend,
 * stored once in the chat file, and refused for a text-only model with a model that takes them.
 */
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatSession, type ChatSessionHost } from '../../../src/core/chat/chatSession';
import { ChatStore, parseChat } from '../../../src/core/chat/chatStore';
import { conversationTurns } from '../../../src/core/chat/chat';
import { createAttachment, toAttachmentView, type ContextAttachment } from '../../../src/core/context/attachment';
import { createBinaryAttachment, MAX_IMAGE_BYTES } from '../../../src/core/context/binaryAttachment';
import { imageRefusal, questionHasImages, suggestImageModel, withoutImages } from '../../../src/core/context/imageSupport';
import { ContextDraft } from '../../../src/core/context/contextDraft';
import { OpenRouterClient } from '../../../src/core/openrouter/client';
import { mapModelList } from '../../../src/core/openrouter/models';
import { buildChatRequest } from '../../../src/core/openrouter/requestBuilder';
import { userContent } from '../../../src/core/openrouter/userContent';
import { MODELS_FIXTURE } from '../../server/modelsFixture';
import { startOpenRouterServer, type MockOpenRouter } from '../../server/openRouterServer';
import { requestSchemaProblems } from '../../server/requestSchema';
import { TEST_API_KEY } from '../../support';

/** A real 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n').toString('base64');
const VISION_MODEL = 'mistralai/mistral-small-3.2-24b-instruct';

function created(value: ContextAttachment | string): ContextAttachment {
  if (typeof value === 'string') assert.fail(value);
  return value;
}
const image = (): ContextAttachment => created(createBinaryAttachment({ name: 'shot.png', mimeType: 'image/png', data: PNG }, randomUUID));
const pdf = (): ContextAttachment => created(createBinaryAttachment({ name: 'spec.pdf', path: 'docs/spec.pdf', mimeType: 'application/pdf', data: PDF }, randomUUID));

describe('images and PDFs as attachments', function () {
  this.timeout(20_000);

  describe('the user turn on the wire', () => {
    it('stays a plain string without images or PDFs, so existing bodies do not change', () => {
      const file = createAttachment({ kind: 'file', name: 'a.ts', path: 'a.ts', content: 'x\n' });
      assert.equal(typeof userContent('hi', [file]), 'string');
      assert.equal(userContent('hi', undefined), 'hi');
    });

    it('becomes text, then an image_url part per image and a file part per PDF, as data URLs', () => {
      const content = userContent('What is wrong here?', [image(), pdf()]);
      assert.ok(Array.isArray(content));
      assert.equal(content.length, 3);
      const [text, picture, document] = content;
      assert.equal(text?.type, 'text');
      assert.match(text?.type === 'text' ? text.text : '', /Image: shot\.png \(attached below\)[\s\S]*PDF: docs\/spec\.pdf \(attached below\)[\s\S]*What is wrong here\?$/);
      assert.deepEqual(picture, { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } });
      assert.deepEqual(document, { type: 'file', file: { filename: 'spec.pdf', file_data: `data:application/pdf;base64,${PDF}` } });
    });

    it('passes the @openrouter/sdk request schema', async () => {
      const request = buildChatRequest([{ role: 'user', content: 'Look', attachments: [image(), pdf()] }], { model: VISION_MODEL, reasoningEffort: 'low' });
      assert.deepEqual(await requestSchemaProblems({ ...request, stream: true }), []);
    });
  });

  describe('sizes and types', () => {
    it('refuses an image over the limit with its size and the limit', () => {
      const big = 'A'.repeat(Math.ceil((MAX_IMAGE_BYTES + 3) / 3) * 4);
      const refused = createBinaryAttachment({ name: 'huge.png', mimeType: 'image/png', data: big }, randomUUID);
      assert.equal(typeof refused, 'string');
      assert.match(String(refused), /huge\.png is 5\.0 MB; images can be at most 5\.0 MB/);
    });

    it('refuses another type and bytes that are not base64', () => {
      assert.match(String(createBinaryAttachment({ name: 'a.svg', mimeType: 'image/svg+xml', data: 'PHN2Zz4=' }, randomUUID)), /not an image/);
      assert.match(String(createBinaryAttachment({ name: 'a.png', mimeType: 'image/png', data: 'not base64!' }, randomUUID)), /could not be read/);
    });

    it('the chip shows size and thumbnail, never the bytes of a large image; two different images are both kept', () => {
      const view = toAttachmentView(image());
      assert.equal(view.kind, 'image');
      assert.equal(view.bytes, 70);
      assert.equal(view.thumbnail, `data:image/png;base64,${PNG}`, 'a small image is its own thumbnail');
      const large = created(createBinaryAttachment({ name: 'big.png', mimeType: 'image/png', data: 'A'.repeat(200_000) }, randomUUID));
      assert.equal(JSON.stringify(toAttachmentView(large)).length < 1000, true, 'no thumbnail was made, and the bytes stay in the host');
      const draft = new ContextDraft();
      assert.equal(draft.add(image(), large, image()), 2, 'the same picture twice is one chip, another picture is another');
    });
  });

  describe('a model that reads no images', () => {
    const models = mapModelList(MODELS_FIXTURE);

    it('is refused with its name and the cheapest model whose entry lists image input', () => {
      const textOnly = models.find((model) => model.id === 'openai/gpt-oss-120b');
      const message = imageRefusal('openai/gpt-oss-120b', textOnly, models);
      assert.match(message ?? '', /^openai\/gpt-oss-120b does not accept images\. Choose a model that does, such as mistralai\/mistral-small-3\.2-24b-instruct,/);
      assert.equal(suggestImageModel([...models].reverse())?.id, VISION_MODEL, 'the same suggestion whatever the order of the list');
      assert.equal(imageRefusal(VISION_MODEL, models.find((model) => model.id === VISION_MODEL), models), undefined);
    });

    it('the local server refuses images to it the way OpenRouter does', async () => {
      const server = await startOpenRouterServer();
      try {
        const client = new OpenRouterClient({ baseUrl: server.baseUrl, getApiKey: () => TEST_API_KEY, stallTimeoutMs: 5000 });
        await assert.rejects(
          client.complete(buildChatRequest([{ role: 'user', content: 'Look', attachments: [image()] }], { model: 'openai/gpt-oss-120b', reasoningEffort: 'low' })),
          /No endpoints found that support image input/,
        );
      } finally {
        await server.close();
      }
    });
  });

  describe('in a chat, against the local server', () => {
    let server: MockOpenRouter;
    let session: ChatSession;
    let store: ChatStore;
    let storageDir: string;

    before(async () => {
      server = await startOpenRouterServer();
    });
    after(async () => server.close());
    beforeEach(async () => {
      storageDir = await fs.mkdtemp(join(tmpdir(), 'orc-images-'));
      store = new ChatStore(storageDir);
      const client = new OpenRouterClient({ baseUrl: server.baseUrl, getApiKey: () => TEST_API_KEY, stallTimeoutMs: 5000 });
      const host: ChatSessionHost = {
        post: () => undefined,
        prepare: async (turns) => ({ kind: 'ready', client, request: buildChatRequest(turns, { model: VISION_MODEL, reasoningEffort: 'low' }) }),
        viewBasics: () => ({ keySource: 'stored', settings: { reasoningDisplay: 'collapsed', model: VISION_MODEL }, strings: {} }),
        log: () => undefined,
      };
      session = new ChatSession(store, host);
      await session.init();
    });

    /** The content of the first user message of the last chat request. */
    function lastQuestion(): unknown {
      const chats = server.requests.filter((r) => r.path.endsWith('/chat/completions'));
      const body = chats.at(-1)?.body as { messages: Array<{ role: string; content: unknown }> };
      assert.deepEqual(chats.at(-1)?.schemaProblems, []);
      return body.messages.find((m) => m.role === 'user')?.content;
    }

    it('sends the parts, and again on regenerate and on edit-and-resend', async () => {
      await session.send('What is this?', { attachments: [image(), pdf()] });
      const first = lastQuestion() as Array<{ type: string }>;
      assert.deepEqual(first.map((part) => part.type), ['text', 'image_url', 'file']);
      await session.regenerate();
      assert.deepEqual(lastQuestion(), first);
      const question = session.activeChat.messages[0];
      assert.ok(question);
      await session.editAndResend(question.id, 'And this?');
      const edited = lastQuestion() as Array<{ type: string; text?: string }>;
      assert.deepEqual(edited.map((part) => part.type), ['text', 'image_url', 'file']);
      assert.match(edited[0]?.text ?? '', /And this\?$/);
    });

    it('stores the bytes once in the chat file, and a reload shows and re-sends them', async () => {
      await session.send('Describe', { attachments: [image(), pdf()] });
      const raw = await fs.readFile(join(storageDir, 'chats', `${session.activeChat.id}.json`), 'utf8');
      assert.equal(raw.split(PNG).length - 1, 1, 'the image is stored once');
      assert.equal(raw.split(PDF).length - 1, 1, 'the PDF is stored once');
      const reloaded = parseChat(raw);
      assert.ok(typeof reloaded === 'object');
      const stored = reloaded.messages[0]?.attachments ?? [];
      assert.deepEqual(stored.map((a) => [a.kind, a.mimeType, a.data]), [['image', 'image/png', PNG], ['pdf', 'application/pdf', PDF]]);
      assert.equal(toAttachmentView(stored[0] as ContextAttachment).thumbnail, `data:image/png;base64,${PNG}`);
      const resent = buildChatRequest(conversationTurns(reloaded.messages), { model: VISION_MODEL, reasoningEffort: 'low' });
      assert.deepEqual(resent.messages[0]?.content, userContent('Describe', stored));
      assert.ok(Array.isArray(resent.messages[0]?.content), 'the reloaded question still carries its parts');
    });

    it('a chat file whose image lost its bytes or its image type is refused by the store', () => {
      const message = { id: 'm', role: 'user', content: 'q', createdAt: 1, attachments: [image()] };
      const file = (messages: unknown[]) => JSON.stringify({ version: 1, chat: { id: 'c', title: 't', createdAt: 1, updatedAt: 1, messages } });
      assert.equal(typeof parseChat(file([message])), 'object');
      const { data: _lost, ...withoutData } = image();
      assert.equal(parseChat(file([{ ...message, attachments: [withoutData] }])), 'message 0 is malformed');
      assert.equal(parseChat(file([{ ...message, attachments: [{ ...image(), mimeType: 'text/html' }] }])), 'message 0 is malformed', 'an image is an image type');
    });
  });

  describe('after a switch to a text-only model', () => {
    it('refuses only a question that carries an image; images of earlier questions are left out so the chat goes on', () => {
      const earlier = { role: 'user' as const, content: 'What is in this picture?', attachments: [image(), pdf()] };
      const answer = { role: 'assistant' as const, content: 'A chart.' };
      const next = { role: 'user' as const, content: 'And in words?' };
      assert.equal(questionHasImages([earlier]), true);
      assert.equal(questionHasImages([earlier, answer, next]), false);
      const readable = withoutImages([earlier, answer, next]);
      assert.deepEqual(readable[0]?.attachments?.map((a) => a.kind), ['pdf'], 'the PDF stays: every model gets files');
      const body = buildChatRequest(readable, { model: 'openai/gpt-oss-120b', reasoningEffort: 'low' });
      assert.doesNotMatch(JSON.stringify(body), /image_url/);
      assert.equal(earlier.attachments.length, 2, 'the stored question keeps its image');
    });
  });
});

