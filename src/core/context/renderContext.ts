/**
 * The one place attachments become prompt text. Each is a fenced block under a heading that says
 * what it is and where it comes from (path and line range), all under one visible "Attached
 * context" heading, before the user's own words.
 */
import type { ContextAttachment } from './attachment';
import { TRUNCATION_MARK } from './attachment';
import { isBinaryKind } from './binaryAttachment';

const KIND_TITLES: Readonly<Record<ContextAttachment['kind'], string>> = {
  file: 'File',
  selection: 'Selection',
  problems: 'Problems',
  terminal: 'Terminal',
  gitChanges: 'Git changes',
  image: 'Image',
  pdf: 'PDF',
};

export const CONTEXT_HEADING = 'Attached context (provided by the user for this question):';
export const QUESTION_HEADING = 'Question:';

/** The user turn as the model reads it: the context blocks, then the question. */
export function userContentWithContext(text: string, attachments: readonly ContextAttachment[] | undefined): string {
  if (!attachments || attachments.length === 0) return text;
  return `${CONTEXT_HEADING}\n\n${attachments.map(renderAttachment).join('\n\n')}\n\n${QUESTION_HEADING}\n${text}`;
}

export function renderAttachment(attachment: ContextAttachment): string {
  // Images and PDFs travel as content parts after the text (openrouter/userContent.ts): named here
  // so the question can refer to them.
  if (isBinaryKind(attachment.kind)) return `${heading(attachment)} (attached below)`;
  const fence = fenceFor(attachment.content);
  const body = attachment.content.endsWith('\n') || attachment.content === '' ? attachment.content : `${attachment.content}\n`;
  const cut = attachment.truncated ? `${TRUNCATION_MARK}\n` : '';
  const language = attachment.kind === 'gitChanges' ? 'diff' : (attachment.language ?? '');
  return `${heading(attachment)}\n${fence}${language}\n${body}${cut}${fence}`;
}

function heading(attachment: ContextAttachment): string {
  const title = KIND_TITLES[attachment.kind];
  const where = attachment.path ?? (attachment.kind === 'file' || attachment.kind === 'selection' || isBinaryKind(attachment.kind) ? attachment.name : undefined);
  const lines = attachment.range
    ? attachment.range.startLine === attachment.range.endLine
      ? ` (line ${attachment.range.startLine})`
      : ` (lines ${attachment.range.startLine}-${attachment.range.endLine})`
    : '';
  return where ? `${title}: ${where}${lines}` : `${title}${lines}`;
}

/** A backtick fence longer than any backtick run inside, so the content cannot close it. */
function fenceFor(content: string): string {
  let longest = 0;
  for (const run of content.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}
