/**
 * Fenced code blocks, as far as the streaming renderer needs to recognise them. The one exception
 * to "one fence parser" (src/core/codeActions/codeFence.ts on the host): the view renders with
 * marked, and what is drawn as a code block must be exactly what marked's lexer made one (fences
 * in lists and block quotes included), so here we only read marked's own tokens. The host's
 * parser is tested to agree with marked on top-level fences (test/unit/codeActions/codeFence.test.ts).
 */
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
