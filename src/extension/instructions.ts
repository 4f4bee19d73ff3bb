/**
 * Custom instructions: the `openrouterChat.systemPrompt` setting, then the workspace file
 * `.openrouter/instructions.md` (a team can commit it), joined into one system message.
 */
import * as vscode from 'vscode';

export const INSTRUCTIONS_FILE = '.openrouter/instructions.md';
/** A runaway file must not eat the context window. */
const MAX_INSTRUCTIONS_CHARS = 20_000;

export async function readWorkspaceInstructions(): Promise<string | undefined> {
  const parts: string[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, INSTRUCTIONS_FILE);
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      const text = new TextDecoder().decode(bytes).trim();
      if (text) parts.push(text.slice(0, MAX_INSTRUCTIONS_CHARS));
    } catch {
      // No instructions file in this folder: the common case.
    }
  }
  return parts.length ? parts.join('\n\n') : undefined;
}

export async function systemPromptFor(settingPrompt: string): Promise<string | undefined> {
  const fromFile = await readWorkspaceInstructions();
  const parts = [settingPrompt.trim(), fromFile ?? ''].filter((p) => p.length > 0);
  return parts.length ? parts.join('\n\n') : undefined;
}
