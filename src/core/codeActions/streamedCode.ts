/**
 * The code inside an answer that is still streaming, for the inline edit: the editor shows only
 * what is inside the (first) code fence, never the fence itself or the prose around it, and
 * never a half-received closing fence. Called again on the whole answer at every throttled
 * update, so it is a pure function of the text received so far.
 */
import { markdownLines, scanFences, type Fence } from './codeFence';
import { toLf } from './eol';

/** Could this unfinished last line still turn into a closing fence? Then it is not shown yet. */
function mayBecomeFence(line: string, fence: Fence): boolean {
  const trimmed = line.replace(/^ {0,3}/, '');
  return [...trimmed].every((c) => c === fence.marker[0]);
}

/** The first block's code while the answer streams: only complete lines open or close a fence. */
function streamingCode(text: string): string | undefined {
  const lines = text.split('\n');
  const partial = lines.pop() ?? '';
  const fence = scanFences(lines)[0];
  if (!fence) return undefined;
  if (fence.close !== undefined) return fence.body.join('\n');
  const body = [...fence.body];
  if (!mayBecomeFence(partial, fence)) body.push(partial.replace(new RegExp(`^ {0,${fence.indent}}`), ''));
  // A line break just received is not a line of code yet.
  else if (body[body.length - 1] === '') body.pop();
  return body.join('\n');
}

/**
 * The code an answer carries so far. `complete` is true once the answer ended: then a missing
 * closing fence is tolerated, and an answer with no fence at all is taken as raw code.
 */
export function codeFromAnswer(answer: string, complete: boolean): string {
  const text = toLf(answer);
  const code = complete ? scanFences(markdownLines(text))[0]?.body.join('\n') : streamingCode(text);
  if (code !== undefined) return code;

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
