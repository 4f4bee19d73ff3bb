/** get_diagnostics and get_symbols through VS Code's language features. */
import * as vscode from 'vscode';
import type { ToolOutcome } from '../../core/tools/toolLoop';

export const DIAGNOSTICS_CAP = 200;
export const SYMBOLS_CAP = 300;

const SEVERITY = ['error', 'warning', 'info', 'hint'] as const;

export function diagnosticsTool(uri: vscode.Uri | undefined, inWorkspace: (uri: vscode.Uri) => boolean): ToolOutcome {
  const entries: [vscode.Uri, readonly vscode.Diagnostic[]][] = uri ? [[uri, vscode.languages.getDiagnostics(uri)]] : vscode.languages.getDiagnostics();
  const lines: string[] = [];
  let total = 0;
  for (const [file, diagnostics] of entries) {
    if (!inWorkspace(file)) continue;
    const shown = vscode.workspace.asRelativePath(file, false).replace(/\\/g, '/');
    for (const diagnostic of diagnostics) {
      total++;
      if (lines.length >= DIAGNOSTICS_CAP) continue;
      const { line, character } = diagnostic.range.start;
      const source = diagnostic.source ? ` (${diagnostic.source})` : '';
      lines.push(`${shown}:${line + 1}:${character + 1} ${SEVERITY[diagnostic.severity]}: ${diagnostic.message}${source}`);
    }
  }
  if (total === 0) return { ok: true, content: 'No problems reported.', summary: 'no problems' };
  const more = total > lines.length ? `\n[… ${total - lines.length} more not shown]` : '';
  return { ok: true, content: lines.join('\n') + more, summary: `${total} problem${total === 1 ? '' : 's'}` };
}

export async function documentSymbolsTool(uri: vscode.Uri, shownPath: string): Promise<ToolOutcome> {
  // Opening the document lets its language extension answer.
  await vscode.workspace.openTextDocument(uri);
  const symbols = (await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
  const lines: string[] = [];
  const visit = (symbol: vscode.DocumentSymbol | vscode.SymbolInformation, depth: number): void => {
    if (lines.length >= SYMBOLS_CAP) return;
    const range = 'range' in symbol ? symbol.range : symbol.location.range;
    lines.push(`${'  '.repeat(depth)}${vscode.SymbolKind[symbol.kind]} ${symbol.name} (lines ${range.start.line + 1}-${range.end.line + 1})`);
    if ('children' in symbol) for (const child of symbol.children) visit(child, depth + 1);
  };
  for (const symbol of symbols) visit(symbol, 0);
  if (lines.length === 0) return { ok: true, content: `No symbols found in ${shownPath}.`, summary: 'no symbols' };
  return { ok: true, content: lines.join('\n'), summary: `${lines.length} symbols` };
}

export async function workspaceSymbolsTool(query: string, inWorkspace: (uri: vscode.Uri) => boolean): Promise<ToolOutcome> {
  const symbols = (await vscode.commands.executeCommand<vscode.SymbolInformation[] | undefined>('vscode.executeWorkspaceSymbolProvider', query)) ?? [];
  const lines = symbols
    .filter((symbol) => inWorkspace(symbol.location.uri))
    .slice(0, SYMBOLS_CAP)
    .map((symbol) => `${vscode.SymbolKind[symbol.kind]} ${symbol.name} ${vscode.workspace.asRelativePath(symbol.location.uri, false).replace(/\\/g, '/')}:${symbol.location.range.start.line + 1}`);
  if (lines.length === 0) return { ok: true, content: `No workspace symbols match "${query}".`, summary: 'no symbols' };
  return { ok: true, content: lines.join('\n'), summary: `${lines.length} symbols` };
}
