/**
 * The turns the code actions send. Each names the file (workspace-relative), the language and the
 * 1-based line range, so the model can cite `path:line` references the chat view turns into links.
 */
import { fenced } from './codeFence';

export type CodeActionKind = 'explain' | 'refactor' | 'fix' | 'document' | 'test';

export interface DiagnosticInfo {
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  /** 1-based. */
  readonly line: number;
  readonly message: string;
  /** Who reported it and its code, e.g. `ts 2304` or `eslint no-unused-vars`. */
  readonly source?: string;
}

export interface CodeSnippet {
  /** Workspace-relative path with forward slashes (or the document's name when it has no file). */
  readonly path: string;
  readonly languageId: string;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  readonly code: string;
}

export interface CodeActionPromptInput extends CodeSnippet {
  readonly kind: CodeActionKind;
  /** For `fix`: what VS Code reports inside the range. */
  readonly diagnostics?: readonly DiagnosticInfo[];
  /** For `test`: the framework found in the workspace, undefined when none was found. */
  readonly testFramework?: string;
}

export interface BuiltPrompt {
  /** The full user turn. */
  readonly prompt: string;
  /** What the chat shows as the request, e.g. "Explain src/math.ts:3-9". */
  readonly label: string;
}

const VERBS: Readonly<Record<CodeActionKind, string>> = {
  explain: 'Explain',
  refactor: 'Refactor',
  fix: 'Fix',
  document: 'Document',
  test: 'Write tests for',
};

const CODE_ANSWER =
  'Answer with the complete replacement for exactly these lines in one fenced code block (same language, same indentation style), then a short list of what changed.';

/** `src/a.ts:3-9`, or `src/a.ts:3` for a single line. */
export function lineReference(path: string, startLine: number, endLine: number): string {
  return startLine === endLine ? `${path}:${startLine}` : `${path}:${startLine}-${endLine}`;
}

export function snippetHeading(snippet: CodeSnippet): string {
  const lines = snippet.startLine === snippet.endLine ? `line ${snippet.startLine}` : `lines ${snippet.startLine}-${snippet.endLine}`;
  return `File: ${snippet.path} (${lines}, language: ${snippet.languageId})`;
}

export function formatDiagnostics(diagnostics: readonly DiagnosticInfo[]): string {
  if (diagnostics.length === 0) return 'VS Code reports no problems in these lines; look for logic errors.';
  const items = diagnostics.map((d) => `- ${d.severity} at line ${d.line}: ${d.message}${d.source ? ` (${d.source})` : ''}`);
  return `Problems VS Code reports in these lines:\n${items.join('\n')}`;
}

function instruction(input: CodeActionPromptInput): string {
  const cite = `Cite lines as \`${input.path}:<line>\`.`;
  switch (input.kind) {
    case 'explain':
      return `Explain what this code does and why, step by step, and point out anything surprising. ${cite}`;
    case 'refactor':
      return `Refactor this code for readability and maintainability without changing its behaviour. ${CODE_ANSWER}`;
    case 'fix':
      return `Find and fix the bugs in this code.\n\n${formatDiagnostics(input.diagnostics ?? [])}\n\n${CODE_ANSWER} ${cite}`;
    case 'document':
      return `Add documentation comments in the idiomatic style for ${input.languageId} (and brief comments where the code is not obvious). Do not change the code itself. ${CODE_ANSWER}`;
    case 'test':
      return `Write unit tests for this code. ${testFrameworkSentence(input.testFramework)} Put the tests in one fenced code block, and say which file they belong in.`;
  }
}

function testFrameworkSentence(framework: string | undefined): string {
  return framework
    ? `The workspace uses ${framework}: write the tests for ${framework}, in its usual style.`
    : 'No test framework was found in the workspace (none): use the usual one for this language and say which one you chose.';
}

export function buildCodeActionPrompt(input: CodeActionPromptInput): BuiltPrompt {
  const prompt = `${instruction(input)}\n\n${snippetHeading(input)}\n${fenced(input.code, input.languageId)}`;
  return { prompt, label: `${VERBS[input.kind]} ${lineReference(input.path, input.startLine, input.endLine)}` };
}

export interface InlineEditPromptInput extends CodeSnippet {
  readonly instruction: string;
  /** A few lines around the range, so the model sees names and style it may not change. */
  readonly before?: string;
  readonly after?: string;
}

/**
 * The inline edit turn. The answer streams straight into the editor, so it must be code only:
 * exactly one fenced block that replaces the given lines (or is inserted, when none are given).
 */
export function buildInlineEditPrompt(input: InlineEditPromptInput): BuiltPrompt {
  const insertion = input.code.trim().length === 0;
  const task = insertion
    ? `Write code to insert at ${lineReference(input.path, input.startLine, input.startLine)} in ${input.path} (language: ${input.languageId}).`
    : `Rewrite ${snippetHeading(input).replace(/^File: /, '')} as instructed.`;
  const parts = [
    `${task}\nInstruction: ${input.instruction}`,
    'Answer with ONLY one fenced code block holding the complete new code for exactly these lines: no explanation before or after it.',
  ];
  if (input.before) parts.push(`Code just before (do not repeat it):\n${fenced(input.before, input.languageId)}`);
  if (!insertion) parts.push(`The lines to rewrite:\n${fenced(input.code, input.languageId)}`);
  if (input.after) parts.push(`Code just after (do not repeat it):\n${fenced(input.after, input.languageId)}`);
  const label = `Inline edit ${lineReference(input.path, input.startLine, input.endLine)}: ${oneLine(input.instruction)}`;
  return { prompt: parts.join('\n\n'), label };
}

function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
