/**
 * Markdown fences that survive the code they wrap. A selection may itself contain ``` (a README,
 * a test of a markdown renderer); a fence one backtick longer than the longest run inside keeps
 * the model (and the chat view's renderer) from ending the block early.
 */

/** The shortest backtick fence (at least three) longer than any backtick run in `code`. */
export function fenceFor(code: string): string {
  let longest = 0;
  for (const match of code.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** `code` as a fenced block tagged with `language` (a VS Code language id is a good markdown tag). */
export function fenced(code: string, language: string): string {
  const fence = fenceFor(code);
  const body = code.endsWith('\n') ? code : `${code}\n`;
  return `${fence}${language}\n${body}${fence}`;
}

export interface CodeBlock {
  readonly code: string;
  readonly language: string;
}

/** Complete fenced code blocks of a markdown answer, in order (backtick or tilde fences). */
export function codeBlocks(markdown: string): CodeBlock[] {
  const text = markdown.replace(/\r\n?/g, '\n');
  const blocks: CodeBlock[] = [];
  for (const match of text.matchAll(/^ {0,3}(`{3,}|~{3,})([^\n]*)\n([\s\S]*?)^ {0,3}\1[`~]*[ \t]*$/gm)) {
    blocks.push({ language: (match[2] ?? '').trim().split(/\s+/)[0] ?? '', code: (match[3] ?? '').replace(/\n$/, '') });
  }
  return blocks;
}
