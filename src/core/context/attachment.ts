/**
 * Context the user attaches to a question: a file, a selection, the problems, terminal output or
 * the git changes. It is stored with the user message (so regenerate and edit-and-resend send the
 * same context again) and rendered into the prompt in one place (`renderContext.ts`).
 */
import { randomUUID } from 'node:crypto';
import type { AttachmentKind, AttachmentView, LineRange } from '../../shared/protocol';
import { binaryViewFields, isBinaryKind, kindOfMimeType } from './binaryAttachment';
import { attachmentTokens } from './binaryTokens';

export interface ContextAttachment {
  readonly id: string;
  readonly kind: AttachmentKind;
  readonly name: string;
  /** Workspace-relative path (forward slashes), or absolute for a file picked outside the workspace. */
  readonly path?: string;
  /** The file's URI (host only, never shown), so it can be read again at send time. */
  readonly uri?: string;
  readonly range?: LineRange;
  /** Language id for the code fence, when known. */
  readonly language?: string;
  /** What the model is shown. For a file it is read again when the question is sent. */
  readonly content: string;
  /** The content was cut down to `MAX_ATTACHMENT_CHARS`. */
  readonly truncated?: boolean;
  /** Images and PDFs (see binaryAttachment.ts): their type and bytes (base64); `content` is empty, their tokens are estimated from the bytes (binaryTokens.ts). */
  readonly mimeType?: string;
  readonly data?: string;
  /** A small data-URL picture of an image for its chip. */
  readonly thumbnail?: string;
}

/**
 * The most characters one attachment may bring (about 20,000 to 30,000 tokens of code or prose):
 * a whole generated file or a huge log would crowd out the conversation.
 */
export const MAX_ATTACHMENT_CHARS = 90_000;

export const TRUNCATION_MARK = '[… cut here: the rest is longer than the attachment limit]';

/** Content capped at the limit, cut on a line boundary when one is near, and whether it was cut. */
export function capContent(content: string, limit = MAX_ATTACHMENT_CHARS): { content: string; truncated: boolean } {
  if (content.length <= limit) return { content, truncated: false };
  const cut = content.slice(0, limit);
  const lastNewline = cut.lastIndexOf('\n');
  return { content: lastNewline > limit * 0.8 ? cut.slice(0, lastNewline + 1) : cut, truncated: true };
}

export function createAttachment(fields: Omit<ContextAttachment, 'id' | 'truncated'>, limit = MAX_ATTACHMENT_CHARS): ContextAttachment {
  const capped = capContent(fields.content, limit);
  return { id: randomUUID(), ...fields, content: capped.content, ...(capped.truncated ? { truncated: true } : {}) };
}

/** Same attachment with fresh content (a file read again at send time); keeps id, name and range. */
export function withContent(attachment: ContextAttachment, content: string, limit = MAX_ATTACHMENT_CHARS): ContextAttachment {
  const capped = capContent(content, limit);
  const { truncated: _old, ...rest } = attachment;
  return { ...rest, content: capped.content, ...(capped.truncated ? { truncated: true } : {}) };
}

/** Two attachments of the same thing (same kind, path and range): adding the second is a no-op. */
export function sameSource(a: ContextAttachment, b: ContextAttachment): boolean {
  if (a.kind !== b.kind || a.path !== b.path) return false;
  if (isBinaryKind(a.kind)) return a.data === b.data;
  if (a.kind !== 'file' && a.kind !== 'selection') return a.content === b.content;
  return a.range?.startLine === b.range?.startLine && a.range?.endLine === b.range?.endLine;
}

/**
 * The chip: its count is by o200k, since a chip is not tied to a model (the meter counts per model);
 * an image's or a PDF's is the estimate the meter uses too (binaryTokens.ts).
 */
export function toAttachmentView(attachment: ContextAttachment): AttachmentView {
  return {
    id: attachment.id,
    kind: attachment.kind,
    name: attachment.name,
    ...(attachment.path !== undefined ? { path: attachment.path } : {}),
    ...(attachment.range ? { range: attachment.range } : {}),
    tokens: attachmentTokens(attachment),
    ...(attachment.truncated ? { truncated: true } : {}),
    ...binaryViewFields(attachment),
  };
}

/** The last segment of a slash-separated path. */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || trimmed;
}

const KINDS: ReadonlySet<string> = new Set(['file', 'selection', 'problems', 'terminal', 'gitChanges', 'image', 'pdf']);

/** Whether a value read back from a chat file is an attachment this code wrote (the store's check). */
export function isStoredAttachment(value: unknown): value is ContextAttachment {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  const range = a.range as Record<string, unknown> | undefined;
  return (
    typeof a.id === 'string' &&
    typeof a.kind === 'string' &&
    KINDS.has(a.kind) &&
    typeof a.name === 'string' &&
    typeof a.content === 'string' &&
    (a.path === undefined || typeof a.path === 'string') &&
    (isBinaryKind(a.kind) ? typeof a.data === 'string' && typeof a.mimeType === 'string' && kindOfMimeType(a.mimeType) === a.kind : a.data === undefined) &&
    (range === undefined || (typeof range === 'object' && range !== null && typeof range.startLine === 'number' && typeof range.endLine === 'number'))
  );
}
