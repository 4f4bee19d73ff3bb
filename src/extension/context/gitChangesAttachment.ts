/** The working tree's changes (staged and unstaged) through the built-in Git extension's API. */
import * as vscode from 'vscode';
import { createAttachment, type ContextAttachment } from '../../core/context/attachment';

/** The part of the Git extension's API (extensions/git/src/api/git.d.ts, version 1) used here. */
interface GitRepository {
  readonly rootUri: vscode.Uri;
  diff(cached?: boolean): Promise<string>;
}
interface GitApi {
  readonly repositories: readonly GitRepository[];
}
interface GitExtension {
  getAPI(version: 1): GitApi;
}

async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  const exports = extension.isActive ? extension.exports : await extension.activate();
  return exports.getAPI(1);
}

/** The changes as an attachment, or why there is none (no repository, nothing changed). */
export async function gitChangesAttachment(): Promise<ContextAttachment | string> {
  const api = await gitApi();
  if (!api || api.repositories.length === 0) return vscode.l10n.t('No Git repository is open (the built-in Git extension found none).');
  const parts: string[] = [];
  for (const repository of api.repositories) {
    const [staged, unstaged] = await Promise.all([repository.diff(true), repository.diff(false)]);
    if (staged.trim()) parts.push(staged.trimEnd());
    if (unstaged.trim()) parts.push(unstaged.trimEnd());
  }
  if (parts.length === 0) return vscode.l10n.t('The working tree has no changes.');
  return createAttachment({ kind: 'gitChanges', name: vscode.l10n.t('Git changes'), content: `${parts.join('\n')}\n` });
}
