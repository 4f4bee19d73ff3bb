/**
 * Insert and Apply put text into the user's files, so they accept only code that stands in an
 * answer the user can see: an assistant message of the shown chat. The webview sends the code it
 * rendered, which the markdown renderer took out of the answer with the block's indentation
 * removed (a fence inside a list item or a quote), so lines are compared without their leading
 * whitespace and quote markers; the code's lines must appear in the answer in order, one after
 * another.
 */

export interface StoredAnswer {
  readonly id: string;
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

export function codeStandsInAnswer(messages: readonly StoredAnswer[], messageId: string, code: string): boolean {
  const answer = messages.find((m) => m.id === messageId && m.role === 'assistant');
  if (!answer) return false;
  const wanted = comparableLines(code);
  while (wanted.length > 0 && wanted[wanted.length - 1] === '') wanted.pop();
  if (wanted.length === 0) return false;
  const lines = comparableLines(answer.content);
  for (let start = 0; start + wanted.length <= lines.length; start++) {
    if (wanted.every((line, i) => lines[start + i] === line)) return true;
  }
  return false;
}

function comparableLines(text: string): string[] {
  return text.split(/\r\n?|\n/).map((line) => line.replace(/^[\s>]*/, '').trimEnd());
}
