/**
 * Images pasted into the composer and images or PDFs dropped on it from outside VS Code (the
 * operating system's file manager, a browser): read here, since only the view has the bytes, and
 * posted to the host as base64 with a small thumbnail for the chip. Too large or of another type:
 * refused here with a message, before a large message crosses to the host.
 */
import { formatBytes, isBinaryMimeType, maxBytesOfMimeType, MAX_THUMBNAIL_CHARS } from '../../../shared/attachmentLimits';
import type { WebviewMessage } from '../../../shared/protocol';
import { t } from '../../i18n';

export type AttachBinary = Extract<WebviewMessage, { type: 'attachBinary' }>;

/** The thumbnail's longest side, in CSS pixels (drawn at twice that for sharp screens). */
const THUMBNAIL_SIZE = 48;

/** Files of a paste or drop, images (and PDFs, for a drop) only. */
export function filesOf(data: DataTransfer | null, { pdf }: { readonly pdf: boolean }): File[] {
  if (!data) return [];
  return [...data.files].filter((file) => file.type.startsWith('image/') || (pdf && file.type === 'application/pdf'));
}

/** The message for the host, or why the file is refused (in words for the user). */
export async function readAttachment(file: File): Promise<AttachBinary | string> {
  const name = file.name || t('Pasted image');
  const mimeType = file.type;
  if (!isBinaryMimeType(mimeType)) return t('{0} cannot be attached: only PNG, JPEG, WebP and GIF images and PDF files can.', name);
  const max = maxBytesOfMimeType(mimeType);
  if (file.size > max) return t('{0} is too large to attach ({1}; the limit is {2}).', name, formatBytes(file.size), formatBytes(max));
  const data = await base64Of(file);
  const thumbnail = mimeType === 'application/pdf' ? undefined : await thumbnailOf(file);
  return { type: 'attachBinary', name, mimeType, data, ...(thumbnail ? { thumbnail } : {}) };
}

function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** A small PNG of the image (JPEG if the PNG is too large), or undefined if it cannot be decoded. */
async function thumbnailOf(file: Blob): Promise<string | undefined> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, (THUMBNAIL_SIZE * 2) / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const png = canvas.toDataURL('image/png');
    const url = png.length <= MAX_THUMBNAIL_CHARS ? png : canvas.toDataURL('image/jpeg', 0.8);
    return url.length <= MAX_THUMBNAIL_CHARS ? url : undefined;
  } catch {
    return undefined;
  }
}
