/**
 * Facts about the workspace that make a code action's request specific: the diagnostics VS Code
 * shows for the lines (for Fix) and the test framework in use (for Write tests).
 */
import * as vscode from 'vscode';
import type { DiagnosticInfo } from '../../core/codeActions/promptTemplates';
import { detectTestFramework } from '../../core/codeActions/testFramework';

const SEVERITIES: Readonly<Record<vscode.DiagnosticSeverity, DiagnosticInfo['severity']>> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function codeOf(code: vscode.Diagnostic['code']): string | undefined {
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Diagnostics whose range meets `range`, in line order, with 1-based lines. */
export function diagnosticsIn(uri: vscode.Uri, range: vscode.Range): DiagnosticInfo[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.range.intersection(range) !== undefined)
    .sort((a, b) => a.range.start.compareTo(b.range.start))
    .map((d) => {
      const source = [d.source, codeOf(d.code)].filter((part) => part !== undefined && part !== '').join(' ');
      return { severity: SEVERITIES[d.severity], line: d.range.start.line + 1, message: d.message, ...(source ? { source } : {}) };
    });
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** The nearest package.json from the document's folder up to the workspace folder (monorepos). */
async function nearestPackageJson(document: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<string | undefined> {
  const rootPath = folder.uri.path.replace(/\/$/, '');
  let dir = document.path.slice(0, document.path.lastIndexOf('/'));
  while (dir.startsWith(rootPath)) {
    const text = await readText(folder.uri.with({ path: `${dir}/package.json` }));
    if (text !== undefined) return text;
    if (dir === rootPath) break;
    dir = dir.slice(0, dir.lastIndexOf('/'));
  }
  return undefined;
}

const MARKERS = '{pytest.ini,conftest.py,**/test_*.py,**/*_test.py,go.mod,Cargo.toml,pom.xml,build.gradle,build.gradle.kts,Gemfile,*.csproj}';

/** The test framework of the document's workspace folder, or undefined when none was found. */
export async function testFrameworkFor(document: vscode.Uri): Promise<string | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(document) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const packageJsonText = document.scheme === folder.uri.scheme ? await nearestPackageJson(document, folder) : undefined;
  const fromPackage = detectTestFramework({ ...(packageJsonText ? { packageJsonText } : {}) });
  if (fromPackage) return fromPackage;
  const pythonConfig = await Promise.all(['pyproject.toml', 'setup.cfg', 'tox.ini'].map((name) => readText(vscode.Uri.joinPath(folder.uri, name))));
  const files = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, MARKERS), '**/{node_modules,.git,.venv,venv}/**', 20);
  return detectTestFramework({
    files: files.map((uri) => vscode.workspace.asRelativePath(uri, false)),
    pythonConfigText: pythonConfig.filter((t): t is string => t !== undefined).join('\n'),
  });
}
