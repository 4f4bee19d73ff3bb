/**
 * The code inside an answer that is still streaming, for the inline edit: the editor shows only
 * what is inside the (first) code fence, never the fence itself or the prose around it, and
 * never a half-received closing fence. Called again on the whole answer at every throttled
 * update, so it is a pure function of the text received so far.
 */
import { toLf } from './eol';

const OPENING_FENCE = /^ {0,3}(`{3,}|~{3,})[^\n]*$/;

interface Fence {
  readonly marker: string;
  /** Index of the first character after the opening fence's line break. */
  readonly bodyStart: number;
}

function findOpeningFence(text: string): Fence | undefined {
  let lineStart = 0;
  while (lineStart < text.length) {
    const lineEnd = text.indexOf('\n', lineStart);
    // An opening fence counts only once its line is complete (its info string may still grow).
    if (lineEnd < 0) return undefined;
    const match = OPENING_FENCE.exec(text.slice(lineStart, lineEnd));
    const marker = match?.[1];
    if (marker && !(marker.startsWith('`') && match[0].slice(match[0].indexOf(marker) + marker.length).includes('`'))) {
      return { marker, bodyStart: lineEnd + 1 };
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** Could this (unfinished) last line still turn into a closing fence for `marker`? */
function mayBecomeFence(line: string, marker: string): boolean {
  const trimmed = line.replace(/^ {0,3}/, '');
  const char = marker[0] ?? '`';
  return trimmed.length === 0 || [...trimmed].every((c) => c === char);
}

function isClosingFence(line: string, marker: string): boolean {
  const trimmed = line.replace(/^ {0,3}/, '').trimEnd();
  const char = marker[0] ?? '`';
  return trimmed.length >= marker.length && [...trimmed].every((c) => c === char);
}

function fencedBody(text: string, fence: Fence, complete: boolean): string {
  const lines = text.slice(fence.bodyStart).split('\n');
  const body: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const isLast = i === lines.length - 1;
    if (isClosingFence(line, fence.marker) && (!isLast || complete)) return body.join('\n');
    if (isLast && !complete && mayBecomeFence(line, fence.marker)) break;
    body.push(line);
  }
  // Unclosed: drop the empty remainder after a final line break so the code does not end in one.
  if (body.length > 0 && body[body.length - 1] === '') body.pop();
  return body.join('\n');
}

/**
 * The code an answer carries so far. `complete` is true once the answer ended: then a missing
 * closing fence is tolerated, and an answer with no fence at all is taken as raw code.
 */
export function codeFromAnswer(answer: string, complete: boolean): string {
  const text = toLf(answer);
  const fence = findOpeningFence(text);
  if (fence) return fencedBody(text, fence, complete);

  const trimmed = text.replace(/^\s*\n/, '');
  if (complete) return trimmed.replace(/\n\s*$/, '');
  // No fence yet. A first line that starts like a fence may still become one: show nothing.
  if (/^ {0,3}[`~]/.test(trimmed) && !trimmed.includes('\n')) return '';
  // Raw code (or prose a fence will replace): hold back an unfinished last line that may start a fence.
  const lastBreak = trimmed.lastIndexOf('\n');
  const lastLine = trimmed.slice(lastBreak + 1);
  const shown = /^ {0,3}[`~]/.test(lastLine) ? trimmed.slice(0, Math.max(0, lastBreak)) : trimmed;
  return shown.replace(/\n$/, '');
}
