/**
 * The workspace side of the model's tools: which paths a call may touch (inside the workspace
 * folders, links resolved, not hidden by files.exclude) and the tools themselves over VS Code's
 * APIs. The loop, approvals and what goes back to the model are the core's (src/core/tools).
 */
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { confinePath, isExcluded, isInside, type WorkspaceRoot } from '../../core/tools/pathPolicy';
import type { Admission, ToolOutcome, WorkspaceToolHost } from '../../core/tools/toolLoop';
import { pathOf, type ToolRequest } from '../../core/tools/toolRequest';
import type { ApplyController } from '../codeActions/applyController';
import { proposeEditTool } from './editTool';
import { listFilesTool, readFileTool } from './fileTools';
import { diagnosticsTool, documentSymbolsTool, workspaceSymbolsTool } from './languageTools';
import { findRipgrep, runRipgrep, SEARCH_RESULT_CAP } from './ripgrep';

/** The tools themselves; their settings are read by `index.ts`, which loads this on first use. */
export class VscodeWorkspaceTools implements Omit<WorkspaceToolHost, 'settings'> {
  private ripgrep: string | undefined;

  constructor(
    /** Code actions are registered after the session that uses these tools. */
    private readonly apply: () => Promise<ApplyController> | undefined,
  ) {}

  async admit(request: ToolRequest): Promise<Admission> {
    const requested = pathOf(request);
    if (requested === undefined) return { ok: true };
    const roots = workspaceRoots();
    const confined = confinePath(requested, roots);
    if (!confined.ok) return { ok: false, reason: confined.reason };
    // A link inside the workspace may point outside it: judge where it really leads.
    const real = await fs.realpath(confined.absolute).catch(() => undefined);
    const realRoot = await fs.realpath(confined.root.path).catch(() => confined.root.path);
    if (real !== undefined && !isInside(real, realRoot)) return { ok: false, reason: `"${requested}" is a link that leads outside the workspace.` };
    if (confined.relative !== '' && isExcluded(confined.relative, filesExclude(confined.root))) {
      return { ok: false, reason: `"${requested}" is hidden by the files.exclude setting.` };
    }
    return { ok: true, relativePath: confined.relative };
  }

  async run(request: ToolRequest, signal: AbortSignal): Promise<ToolOutcome> {
    const roots = workspaceRoots();
    const resolve = (requested: string | undefined): { uri: vscode.Uri; shown: string } | undefined => {
      if (requested === undefined) return undefined;
      const confined = confinePath(requested, roots);
      return confined.ok ? { uri: vscode.Uri.file(confined.absolute), shown: confined.relative || '.' } : undefined;
    };
    const target = resolve(pathOf(request));
    const inWorkspace = (uri: vscode.Uri): boolean => uri.scheme === 'file' && roots.some((root) => isInside(uri.fsPath, root.path));
    switch (request.tool) {
      case 'read_file':
        return target ? readFileTool(target.uri, target.shown, request.args.startLine, request.args.endLine) : missingPath();
      case 'list_files':
        return target ? listFilesTool(target.uri, target.shown, request.args.glob, signal) : missingPath();
      case 'search_text':
        return this.searchText(request.args.query, request.args.isRegex ?? false, request.args.glob, roots, signal);
      case 'get_diagnostics':
        return diagnosticsTool(target?.uri, inWorkspace);
      case 'get_symbols':
        if (target) return documentSymbolsTool(target.uri, target.shown);
        if (!request.args.query) return { ok: false, error: 'get_symbols needs a path or a query.' };
        return workspaceSymbolsTool(request.args.query, inWorkspace);
      case 'propose_edit':
      {
        const apply = await this.apply();
        if (!apply) return { ok: false, error: 'Edits cannot be reviewed yet; try again in a moment.' };
        return target ? proposeEditTool(apply, target.uri, target.shown, request.args, signal) : missingPath();
      }
    }
  }

  private async searchText(query: string, isRegex: boolean, glob: string | undefined, roots: readonly WorkspaceRoot[], signal: AbortSignal): Promise<ToolOutcome> {
    this.ripgrep ??= findRipgrep(vscode.env.appRoot);
    if (!this.ripgrep) return { ok: false, error: 'ripgrep was not found in this VS Code installation, so text search is unavailable.' };
    const lines: string[] = [];
    let capped = false;
    for (const root of roots) {
      const excludes = Object.entries(filesExclude(root)).filter(([, enabled]) => enabled === true).map(([pattern]) => pattern);
      const result = await runRipgrep({ rg: this.ripgrep, cwd: root.path, query, isRegex, ...(glob ? { glob } : {}), excludes, cap: SEARCH_RESULT_CAP - lines.length, signal });
      const prefix = roots.length > 1 ? `${root.name}/` : '';
      lines.push(...result.lines.map((line) => prefix + line));
      if (result.capped || lines.length >= SEARCH_RESULT_CAP) {
        capped = true;
        break;
      }
    }
    if (lines.length === 0) return { ok: true, content: `No matches for "${query}".`, summary: 'no matches' };
    const more = capped ? `\n[… stopped at ${SEARCH_RESULT_CAP} matches; narrow the query or the glob]` : '';
    return { ok: true, content: lines.join('\n') + more, summary: `${lines.length}${capped ? '+' : ''} matches` };
  }
}

function missingPath(): ToolOutcome {
  return { ok: false, error: 'The path is not inside the workspace folders.' };
}

function workspaceRoots(): WorkspaceRoot[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => ({ name: folder.name, path: folder.uri.fsPath }));
}

function filesExclude(root: WorkspaceRoot): Record<string, unknown> {
  return vscode.workspace.getConfiguration('files', vscode.Uri.file(root.path)).get<Record<string, unknown>>('exclude') ?? {};
}
