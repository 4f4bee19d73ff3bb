/**
 * Images and PDFs in the composer (issue 15): a pasted screenshot or a file dropped from outside
 * VS Code is read by the view and posted with a thumbnail; the host's chip shows that thumbnail
 * (the CSP lets inline images through) with a Remove button; oversized files are refused here.
 */
import * as assert from 'node:assert/strict';
import type { AttachmentView } from '../../src/shared/protocol';
import { assistantMessage, stateMessage, userMessage } from './fixtures';
import type { WebviewPage } from './harness';
import { usePageSession } from './pageSession';

/** Makes a 200×100 PNG in the page and hands it to `deliver` as a File named `name`. */
async function withPng(view: WebviewPage, how: 'paste' | 'drop', name: string): Promise<boolean> {
  return view.page.evaluate(
    async ({ how, name }) => {
      const canvas = document.createElement('canvas');
      canvas.width = 200;
      canvas.height = 100;
      const context = canvas.getContext('2d');
      if (context) {
        context.fillStyle = '#c00';
        context.fillRect(0, 0, 200, 100);
      }
      const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/png'));
      const data = new DataTransfer();
      data.items.add(new File([blob ?? new Blob()], name, { type: 'image/png' }));
      const target = document.querySelector('.composer-input');
      const event = how === 'paste' ? new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }) : new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
      target?.dispatchEvent(event);
      return event.defaultPrevented;
    },
    { how, name },
  );
}

async function waitForPosted(view: WebviewPage, count: number): Promise<void> {
  await view.page.waitForFunction((n) => window.__recorder.posted.filter((message) => message.type === 'attachBinary').length >= n, count);
}

describe('webview: pasted and dropped images and PDFs', () => {
  const session = usePageSession();

  it('a pasted image is posted with a thumbnail; the chip shows it with a Remove button', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage());
    assert.equal(await withPng(view, 'paste', 'screenshot.png'), true, 'the paste is taken, not inserted as text');
    await waitForPosted(view, 1);
    const [posted] = await view.postedOfType('attachBinary');
    assert.equal(posted?.name, 'screenshot.png');
    assert.equal(posted?.mimeType, 'image/png');
    assert.ok(posted && Buffer.from(posted.data, 'base64').subarray(1, 4).toString() === 'PNG', 'the bytes are the PNG itself');
    assert.match(posted?.thumbnail ?? '', /^data:image\/png;base64,/);
    assert.equal(await view.page.getByRole('textbox', { name: 'Message' }).inputValue(), '');

    // The host answers with the draft, as ContextController does.
    const chip: AttachmentView = { id: 'img-1', kind: 'image', name: 'screenshot.png', tokens: 255, bytes: 1234, ...(posted?.thumbnail ? { thumbnail: posted.thumbnail } : {}) };
    await view.sendAndSettle({ type: 'contextDraft', attachments: [chip] });
    const item = view.page.getByRole('list', { name: 'Attached context' }).getByRole('listitem');
    assert.equal(await item.count(), 1);
    assert.match(await item.innerText(), /screenshot\.png\s*255 tokens\s*1 KB/, 'the estimate like any chip, then the size');
    const picture = item.locator('img.chip-thumbnail');
    await picture.waitFor();
    assert.equal(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), true, 'the thumbnail loads under the CSP');
    assert.equal(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth <= 96), true, 'a thumbnail, not the full picture');
    assert.deepEqual(await view.cspViolations(), []);
    await item.getByRole('button', { name: 'Remove screenshot.png' }).click();
    assert.deepEqual(await view.postedOfType('removeAttachment'), [{ type: 'removeAttachment', id: 'img-1' }]);
  });

  it('an image or a PDF dropped from outside VS Code is posted; a PDF has no thumbnail', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage());
    assert.equal(await withPng(view, 'drop', 'diagram.png'), true);
    await waitForPosted(view, 1);
    await view.page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['%PDF-1.4\n%%EOF\n'], 'spec.pdf', { type: 'application/pdf' }));
      document.querySelector('.composer-input')?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await waitForPosted(view, 2);
    const posted = await view.postedOfType('attachBinary');
    assert.deepEqual(posted.map((m) => [m.name, m.mimeType, m.thumbnail !== undefined]), [['diagram.png', 'image/png', true], ['spec.pdf', 'application/pdf', false]]);
    assert.equal(Buffer.from(posted[1]?.data ?? '', 'base64').toString(), '%PDF-1.4\n%%EOF\n');
  });

  it('an image over the limit is refused in the view with its size and the limit; nothing is posted', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage());
    await view.page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(6 * 1024 * 1024)], 'huge.png', { type: 'image/png' }));
      document.querySelector('.composer-input')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const notice = view.page.getByRole('status');
    await notice.getByText('huge.png is too large to attach (6.0 MB; the limit is 5.0 MB).').waitFor();
    await view.settle();
    assert.deepEqual(await view.postedOfType('attachBinary'), []);
  });

  it('a sent question shows its image as a thumbnail, read-only', async () => {
    const { view } = session;
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const picture: AttachmentView = { id: 'img-1', kind: 'image', name: 'shot.png', tokens: 255, bytes: 70, thumbnail: `data:image/png;base64,${png}` };
    const question = { ...userMessage('u1', 'What is this?'), attachments: [picture] };
    await view.sendAndSettle(stateMessage({ messages: [question, assistantMessage('a1', 'A red square.')] }));
    const sent = view.page.getByRole('article', { name: 'You' }).getByRole('list', { name: 'Context sent' });
    assert.match(await sent.innerText(), /shot\.png\s*255 tokens\s*70 B/);
    assert.equal(await sent.locator('img.chip-thumbnail').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 1), true);
    assert.equal(await sent.getByRole('button').count(), 0);
  });
});
