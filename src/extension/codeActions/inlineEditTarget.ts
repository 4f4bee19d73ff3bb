/**
 * Where an inline edit writes and how its code is indented there: the selection, a blank cursor
 * line (new code is inserted there), or the block around the cursor.
 */
import * as vscode from 'vscode';
import { leadingWhitespace, reindentBlock, reindentForReplacement } from '../../core/codeActions/reindent';
import { resolveCodeTarget, workspacePath } from './codeTarget';
import { eolOf } from './editGuards';

export interface InlineEditTarget {
  readonly document: vscode.TextDocument;
  readonly range: vscode.Range;
  readonly text: string;
  readonly path: string;
  /** True when new code is inserted on a blank line rather than rewriting code. */
  readonly insertion: boolean;
  readonly reindent: (code: string) => string;
}

export type InlineTargetResult = { readonly target: InlineEditTarget } | { readonly problem: string };

export async function resolveInlineEditTarget(editor: vscode.TextEditor): Promise<InlineTargetResult> {
  const document = editor.document;
  const eol = eolOf(document);
  const cursorLine = document.lineAt(editor.selection.active.line);
  if (editor.selection.isEmpty && cursorLine.isEmptyOrWhitespace) {
    const indent = cursorLine.text.length > 0 ? cursorLine.text : surroundingIndent(document, cursorLine.lineNumber);
    return {
      target: {
        document,
        range: cursorLine.range,
        text: cursorLine.text,
        path: workspacePath(document),
        insertion: true,
        reindent: (code) => reindentBlock(code, { firstLinePrefix: indent, otherLinesPrefix: indent, eol }),
      },
    };
  }
  const resolved = await resolveCodeTarget(editor);
  if ('problem' in resolved) return resolved;
  const { range, text, path } = resolved.target;
  const shape = { originalText: text, startLineText: document.lineAt(range.start.line).text, startCharacter: range.start.character };
  return { target: { document, range, text, path, insertion: false, reindent: (code) => reindentForReplacement(code, shape, eol) } };
}

/** For an empty line: the deeper of the indentations of the nearest code above and below. */
function surroundingIndent(document: vscode.TextDocument, line: number): string {
  const near = (step: number): string => {
    for (let i = line + step; i >= 0 && i < document.lineCount; i += step) {
      const text = document.lineAt(i);
      if (!text.isEmptyOrWhitespace) return leadingWhitespace(text.text);
    }
    return '';
  };
  const above = near(-1);
  const below = near(1);
  return below.length > above.length ? below : above;
}

/** Up to `count` whole lines before and after `range`, as context for the model. */
export function surroundingCode(document: vscode.TextDocument, range: vscode.Range, count = 20): { before: string; after: string } {
  const beforeStart = Math.max(0, range.start.line - count);
  const afterEnd = Math.min(document.lineCount - 1, range.end.line + count);
  const before = range.start.line > 0 ? document.getText(new vscode.Range(beforeStart, 0, range.start.line, 0)) : '';
  const after = range.end.line < document.lineCount - 1 ? document.getText(new vscode.Range(range.end.line + 1, 0, afterEnd, document.lineAt(afterEnd).text.length)) : '';
  return { before, after };
}
