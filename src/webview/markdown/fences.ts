/** Fenced code blocks, as far as the streaming renderer needs to recognise them. */
import type { Token } from 'marked';

export const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** A fenced block whose closing fence has arrived, with the line break after it. */
export function isClosedFence(token: Token, following: string): boolean {
  if (token.type !== 'code') return false;
  if (!token.raw.endsWith('\n') && !following.startsWith('\n')) return false;
  const lines = token.raw.replace(/\n+$/, '').split('\n');
  const open = FENCE_OPEN.exec(lines[0] ?? '');
  const close = lines.length > 1 ? FENCE_CLOSE.exec(lines[lines.length - 1] ?? '') : null;
  return !!open?.[1] && !!close?.[1] && close[1][0] === open[1][0] && close[1].length >= open[1].length;
}
