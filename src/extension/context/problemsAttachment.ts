/** The diagnostics VS Code shows (Problems), of one file or of the workspace, as an attachment. */
import * as vscode from 'vscode';
import { baseName, createAttachment, type ContextAttachment } from '../../core/context/attachment';
import { workspacePath } from './fileAttachment';

const SEVERITY: Readonly<Record<vscode.DiagnosticSeverity, string>> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** One line per problem: `error src/a.ts:3:5 message (ts 2322)`, errors first. */
export function formatDiagnostics(entries: ReadonlyArray<readonly [vscode.Uri, readonly vscode.Diagnostic[]]>): string {
  const lines: Array<{ severity: number; text: string }> = [];
  for (const [uri, diagnostics] of entries) {
    const path = workspacePath(uri);
    for (const d of diagnostics) {
      const code = typeof d.code === 'object' ? d.code.value : d.code;
      const origin = d.source || code !== undefined ? ` (${[d.source, code].filter((x) => x !== undefined && x !== '').join(' ')})` : '';
      lines.push({ severity: d.severity, text: `${SEVERITY[d.severity]} ${path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message.replace(/\s*\n\s*/g, ' ')}${origin}` });
    }
  }
  return lines.sort((a, b) => a.severity - b.severity).map((l) => l.text).join('\n');
}

/** Problems of `uri`, or of the whole workspace; undefined when there are none. */
export function problemsAttachment(uri?: vscode.Uri): ContextAttachment | undefined {
  const entries: Array<[vscode.Uri, readonly vscode.Diagnostic[]]> = uri ? [[uri, vscode.languages.getDiagnostics(uri)]] : vscode.languages.getDiagnostics();
  const content = formatDiagnostics(entries.filter(([, list]) => list.length > 0));
  if (content === '') return undefined;
  const path = uri ? workspacePath(uri) : undefined;
  return createAttachment({ kind: 'problems', name: path ? vscode.l10n.t('Problems in {0}', baseName(path)) : vscode.l10n.t('Problems'), ...(path ? { path } : {}), content });
}
