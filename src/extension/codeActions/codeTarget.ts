/**
 * What a code action works on: the selection, or else the block around the cursor (the language's
 * own symbols first, then the pure brace/indentation finder), or a clear request to select code.
 */
import * as vscode from 'vscode';
import { findEnclosingBlock } from '../../core/codeActions/enclosingBlock';
import { checkTextDocument } from '../../core/codeActions/textDocumentCheck';

export interface CodeTarget {
  readonly document: vscode.TextDocument;
  readonly range: vscode.Range;
  readonly text: string;
  /** Workspace-relative, forward slashes; the document's name when it is not in the workspace. */
  readonly path: string;
}

export type TargetResult = { readonly target: CodeTarget } | { readonly problem: string };

/** Symbol kinds that are blocks a user means by "this code". */
const BLOCK_KINDS = new Set([
  vscode.SymbolKind.Function,
  vscode.SymbolKind.Method,
  vscode.SymbolKind.Constructor,
  vscode.SymbolKind.Class,
  vscode.SymbolKind.Interface,
  vscode.SymbolKind.Enum,
  vscode.SymbolKind.Struct,
  vscode.SymbolKind.Module,
  vscode.SymbolKind.Namespace,
  vscode.SymbolKind.Object,
]);

/** A language server that is still starting must not hold the command up for long. */
const SYMBOL_TIMEOUT_MS = 1500;

export function workspacePath(document: vscode.TextDocument): string {
  return vscode.workspace.asRelativePath(document.uri, false).replace(/\\/g, '/');
}

/** Refuses binary and non-source documents; the message says why. */
export function textProblem(document: vscode.TextDocument): string | undefined {
  const verdict = checkTextDocument(document.uri.scheme, document.languageId, document.getText());
  if (!verdict.refused) return undefined;
  switch (verdict.kind) {
    case 'scheme':
      return vscode.l10n.t('This is not a source document ({0}); open a file or select code in an editor.', verdict.detail);
    case 'language':
      return vscode.l10n.t('This document is not text ({0}); the model can only read text.', verdict.detail);
    case 'binary':
      return vscode.l10n.t('This looks like a binary file (it contains NUL bytes); the model can only read text.');
  }
}

export async function resolveCodeTarget(editor: vscode.TextEditor): Promise<TargetResult> {
  const document = editor.document;
  const problem = textProblem(document);
  if (problem) return { problem };
  const selection = editor.selection;
  if (!selection.isEmpty && document.getText(selection).trim().length > 0) {
    const range = withoutTrailingLineStart(document, selection);
    return { target: { document, range, text: document.getText(range), path: workspacePath(document) } };
  }
  const block = (await symbolBlock(document, selection.active)) ?? textBlock(document, selection.active.line);
  if (!block) {
    return { problem: vscode.l10n.t('Select the code first: there is no function or block around the cursor to use.') };
  }
  return { target: { document, range: block, text: document.getText(block), path: workspacePath(document) } };
}

/**
 * Shift+Down selections end at column 0 of the next line; that line is not part of what the user
 * meant (nor of the line range the model is told), so the range ends at the line before.
 */
export function withoutTrailingLineStart(document: vscode.TextDocument, range: vscode.Range): vscode.Range {
  if (range.end.character !== 0 || range.end.line <= range.start.line) return range;
  return new vscode.Range(range.start, document.lineAt(range.end.line - 1).range.end);
}

/** Full lines `startLine`..`endLine` (0-based, inclusive). */
export function fullLines(document: vscode.TextDocument, startLine: number, endLine: number): vscode.Range {
  return new vscode.Range(startLine, 0, endLine, document.lineAt(endLine).text.length);
}

function textBlock(document: vscode.TextDocument, line: number): vscode.Range | undefined {
  const block = findEnclosingBlock(document.getText(), line, document.languageId);
  return block ? fullLines(document, block.startLine, block.endLine) : undefined;
}

async function symbolBlock(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Range | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), SYMBOL_TIMEOUT_MS)));
  try {
    const symbols = await Promise.race([
      Promise.resolve(vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri)),
      timeout,
    ]);
    const found = symbols ? innermostBlock(symbols, position) : undefined;
    return found ? fullLines(document, found.start.line, found.end.line) : undefined;
  } catch {
    // No symbol provider for this language (or it failed): the text finder takes over.
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

function innermostBlock(symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[], position: vscode.Position): vscode.Range | undefined {
  let best: vscode.Range | undefined;
  const visit = (list: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]): void => {
    for (const symbol of list) {
      const range = 'range' in symbol ? symbol.range : symbol.location.range;
      if (!range.contains(position)) continue;
      if (BLOCK_KINDS.has(symbol.kind) && range.end.line > range.start.line) {
        if (!best || best.contains(range)) best = range;
      }
      if ('children' in symbol) visit(symbol.children);
    }
  };
  visit(symbols);
  return best;
}
