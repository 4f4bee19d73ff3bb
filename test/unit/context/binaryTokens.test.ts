/**
 * Issue 15, images and PDFs in the token count: their size read from real header bytes built
 * here, the high-detail tile rule, PDF pages, and the same estimate in the chip, the meter, window
 * fitting and the cost guard.
 */
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { toAttachmentView, type ContextAttachment } from '../../../src/core/context/attachment';
import { createBinaryAttachment } from '../../../src/core/context/binaryAttachment';
import { binaryTokens, imageTokens, PDF_TOKENS_PER_PAGE, UNREADABLE_IMAGE_TOKENS } from '../../../src/core/context/binaryTokens';
import { contextUsage } from '../../../src/core/context/contextUsage';
import { ContextWindow } from '../../../src/core/context/contextWindow';
import { turnTokens } from '../../../src/core/context/fitWindow';
import { imageDimensions } from '../../../src/core/context/imageDimensions';
import { pdfPageCount } from '../../../src/core/context/pdfPages';
import type { ConversationTurn } from '../../../src/core/openrouter/requestBuilder';
import type { ModelInfo } from '../../../src/core/openrouter/types';
import { contentPartsTokens, userContent } from '../../../src/core/openrouter/userContent';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A complete, valid grayscale PNG of this size (all black). */
function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // bit depth 8, grayscale, deflate, no filter method, no interlace
  const rows = Buffer.alloc((width + 1) * height); // each row: filter byte 0, then its pixels
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', Buffer.alloc(0))]);
}

function segment(marker: number, data: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
}

/** A JPEG header as cameras write it: SOI, JFIF, a large EXIF segment, a quantization table, then the frame. */
function jpeg(width: number, height: number, frame: 0xc0 | 0xc2): Buffer {
  const sof = Buffer.from([8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  sof.writeUInt16BE(height, 1);
  sof.writeUInt16BE(width, 3);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.alloc(20_000, 0xff)])),
    Buffer.from([0xff]), // a fill byte before the next marker
    segment(0xdb, Buffer.alloc(65)),
    segment(frame, sof),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
  ]);
}

function riff(chunk: string, data: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeUInt32LE(data.length);
  const body = Buffer.concat([Buffer.from(`WEBP${chunk}`, 'latin1'), size, data]);
  const total = Buffer.alloc(4);
  total.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), total, body]);
}

/** Lossy WebP: a key frame's tag, the start code 9d 01 2a, then 14-bit width and height. */
function webpLossy(width: number, height: number): Buffer {
  const data = Buffer.alloc(20);
  data.set([0x50, 0x02, 0x00, 0x9d, 0x01, 0x2a], 0);
  data.writeUInt16LE(width, 6);
  data.writeUInt16LE(height, 8);
  return riff('VP8 ', data);
}

/** Lossless WebP: 0x2f, then width − 1 and height − 1 in 14 bits each. */
function webpLossless(width: number, height: number): Buffer {
  const data = Buffer.alloc(10);
  data[0] = 0x2f;
  data.writeUInt32LE(((width - 1) | ((height - 1) << 14)) >>> 0, 1);
  return riff('VP8L', data);
}

/** Extended WebP: flags, 3 reserved bytes, then 24-bit canvas width − 1 and height − 1. */
function webpExtended(width: number, height: number): Buffer {
  const data = Buffer.alloc(10);
  data.writeUIntLE(width - 1, 4, 3);
  data.writeUIntLE(height - 1, 7, 3);
  return riff('VP8X', data);
}

function gif(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.write('GIF89a', 0, 'latin1');
  header.writeUInt16LE(width, 6);
  header.writeUInt16LE(height, 8);
  return header;
}

/** A PDF with a page tree of `pages` pages, written out as plain objects. */
function pdf(pages: number): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ');
  const pageObjects = Array.from({ length: pages }, (_, i) => `${i + 3} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n`).join('');
  return Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [${kids}] /Count ${pages} >>\nendobj\n${pageObjects}trailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

/** A PDF 1.5 file whose page dictionaries sit in a Flate-compressed object stream. */
function pdfWithObjectStream(pages: number): Buffer {
  const objects = Array.from({ length: pages }, () => '<</Type/Page/Parent 2 0 R>>').join(' ');
  const data = deflateSync(Buffer.from(objects, 'latin1'));
  const head = `%PDF-1.5\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Count ${pages} >>\nendobj\n5 0 obj\n<< /Type /ObjStm /N ${pages} /First 0 /Length ${data.length} /Filter /FlateDecode >>\nstream\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), data, Buffer.from('\r\nendstream\nendobj\n%%EOF\n', 'latin1')]);
}

function attachment(name: string, mimeType: string, bytes: Buffer): ContextAttachment {
  const created = createBinaryAttachment({ name, mimeType, data: bytes.toString('base64') }, randomUUID);
  if (typeof created === 'string') assert.fail(created);
  return created;
}

describe('images and PDFs in the token count', () => {
  describe('an image size read from its header', () => {
    it('PNG, from a complete file', () => {
      assert.deepEqual(imageDimensions(png(1024, 768)), { width: 1024, height: 768 });
      assert.deepEqual(imageDimensions(png(1, 1)), { width: 1, height: 1 });
    });

    it('JPEG, baseline (SOF0) and progressive (SOF2), after a large EXIF segment', () => {
      assert.deepEqual(imageDimensions(jpeg(4032, 3024, 0xc0)), { width: 4032, height: 3024 });
      assert.deepEqual(imageDimensions(jpeg(640, 480, 0xc2)), { width: 640, height: 480 });
    });

    it('WebP, lossy (VP8), lossless (VP8L) and extended (VP8X)', () => {
      assert.deepEqual(imageDimensions(webpLossy(800, 600)), { width: 800, height: 600 });
      assert.deepEqual(imageDimensions(webpLossless(300, 1000)), { width: 300, height: 1000 });
      assert.deepEqual(imageDimensions(webpExtended(3000, 2000)), { width: 3000, height: 2000 });
    });

    it('GIF, its logical screen', () => {
      assert.deepEqual(imageDimensions(gif(320, 200)), { width: 320, height: 200 });
    });

    it('a header it cannot read gives no size, and the stated fallback', () => {
      assert.equal(imageDimensions(Buffer.from('not an image at all, just text')), undefined);
      assert.equal(imageDimensions(jpeg(640, 480, 0xc0).subarray(0, 2000)), undefined, 'cut before the frame');
      assert.equal(imageDimensions(png(0, 5)), undefined, 'a zero width');
      assert.equal(binaryTokens('image', Buffer.from('garbage bytes').toString('base64')), UNREADABLE_IMAGE_TOKENS);
      assert.equal(UNREADABLE_IMAGE_TOKENS, 1445, 'the largest the tile rule gives: 8 tiles');
    });
  });

  describe('the high-detail tile rule', () => {
    it('gives the documented figures', () => {
      assert.equal(imageTokens(512, 512), 255, 'one tile');
      assert.equal(imageTokens(1024, 1024), 765, '768 × 768: four tiles');
      assert.equal(imageTokens(2048, 4096), 1105, '1024 × 2048, then 768 × 1536: six tiles');
    });

    it('fits a huge image into 2048 first, never enlarges a small one, and counts partial tiles', () => {
      assert.equal(imageTokens(8000, 8000), 765, 'scaled to 768 × 768');
      assert.equal(imageTokens(1, 1), 255);
      assert.equal(imageTokens(513, 100), 170 * 2 + 85, 'two tiles across');
      assert.equal(imageTokens(1920, 1080), 170 * 6 + 85, '1365 × 768: three tiles by two');
    });

    it('an image attachment counts by its pixel size, in every format', () => {
      assert.equal(binaryTokens('image', png(1024, 1024).toString('base64')), 765);
      assert.equal(binaryTokens('image', jpeg(2048, 4096, 0xc0).toString('base64')), 1105);
      assert.equal(binaryTokens('image', webpLossy(512, 512).toString('base64')), 255);
    });
  });

  describe('PDF pages', () => {
    it('counts /Type /Page objects, not the /Pages tree', () => {
      assert.equal(pdfPageCount(pdf(1)), 1);
      assert.equal(pdfPageCount(pdf(7)), 7);
      assert.equal(pdfPageCount(Buffer.from('<< /Type/Page >> << /Type /Pages >> << /Type /PageLabel >>', 'latin1')), 1);
    });

    it('finds pages inside a compressed object stream', () => {
      assert.equal(pdfPageCount(pdfWithObjectStream(4)), 4);
    });

    it('estimates pages times the stated figure; a PDF without pages found counts as at least one', () => {
      assert.equal(binaryTokens('pdf', pdf(3).toString('base64')), 3 * PDF_TOKENS_PER_PAGE);
      assert.equal(pdfPageCount(Buffer.from('%PDF-1.4\n%%EOF\n')), 0);
      assert.equal(binaryTokens('pdf', Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64')), PDF_TOKENS_PER_PAGE);
    });
  });

  describe('one estimate everywhere', () => {
    const vision: ModelInfo = {
      id: 'x/vision', name: 'Vision', contextLength: 128_000, promptPricePerToken: 0, completionPricePerToken: 0,
      supportedParameters: [], supportsReasoning: false, reasoningMandatory: false, inputModalities: ['text', 'image'],
    };
    const textOnly: ModelInfo = { ...vision, id: 'x/text', inputModalities: ['text'] };

    it('the chip shows it', () => {
      assert.equal(toAttachmentView(attachment('shot.png', 'image/png', png(1024, 1024))).tokens, 765);
      assert.equal(toAttachmentView(attachment('spec.pdf', 'application/pdf', pdf(2))).tokens, 2 * PDF_TOKENS_PER_PAGE);
    });

    it("the meter's figure for a draft with an image includes the image's tokens", () => {
      const window = new ContextWindow(() => undefined);
      const turns: ConversationTurn[] = [{ role: 'user', content: 'hello' }, { role: 'assistant', content: 'hi' }];
      // Same name, so the same heading text: the two figures differ by the images alone.
      const large = contextUsage(window, { model: vision }, turns, [attachment('shot.png', 'image/png', png(1024, 1024))]);
      const small = contextUsage(window, { model: vision }, turns, [attachment('shot.png', 'image/png', png(512, 512))]);
      assert.equal(large.tokens - small.tokens, 765 - 255);
      const none = contextUsage(window, { model: vision }, turns, []);
      assert.ok(large.tokens >= none.tokens + 765, `${none.tokens} → ${large.tokens}`);
    });

    it("an earlier question's images are not counted for a model that reads none (they are left out of the request)", () => {
      const window = new ContextWindow(() => undefined);
      const image = attachment('shot.png', 'image/png', png(1024, 1024));
      const withImage: ConversationTurn[] = [{ role: 'user', content: 'what is it?', attachments: [image] }, { role: 'assistant', content: 'a cat' }];
      const without: ConversationTurn[] = [{ role: 'user', content: 'what is it?', attachments: [] }, { role: 'assistant', content: 'a cat' }];
      assert.equal(contextUsage(window, { model: textOnly }, withImage, []).tokens, contextUsage(window, { model: textOnly }, without, []).tokens);
      assert.ok(contextUsage(window, { model: vision }, withImage, []).tokens >= contextUsage(window, { model: vision }, without, []).tokens + 765);
    });

    it('window fitting and the cost guard count it too', () => {
      const image = attachment('shot.png', 'image/png', png(2048, 4096));
      const turn: ConversationTurn = { role: 'user', content: 'what is it?', attachments: [image] };
      assert.equal(turnTokens(turn) - turnTokens({ ...turn, attachments: [{ ...image, data: png(512, 512).toString('base64') }] }), 1105 - 255);
      assert.equal(contentPartsTokens(userContent('what is it?', [image, attachment('spec.pdf', 'application/pdf', pdf(3))])), 1105 + 3 * PDF_TOKENS_PER_PAGE);
      assert.equal(contentPartsTokens('plain text'), 0);
    });
  });
});
