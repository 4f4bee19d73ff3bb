/**
 * Issue 15: Add context → Git changes in a real workbench. A real repository (committed files,
 * then a staged and an unstaged change) opened by the built-in Git extension; the picker item the
 * user clicks, and the request body the local server receives.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { OpenRouterChatApi } from '../../src/extension/extension';
import type { HostMessage } from '../../src/shared/protocol';
import type { MockOpenRouter } from '../server/openRouterServer';
import { TEST_API_KEY } from '../support/testKey';
import { freshChatEachTest, lastDraft, lastUserContent, restoreWindow, stubWindow, until } from './support';

const execFileAsync = promisify(execFile);

/** The part of the Git extension's API (version 1) the test reads. */
interface GitApi {
  readonly repositories: ReadonlyArray<{ readonly rootUri: vscode.Uri }>;
}

describe('Add context → Git changes (built-in Git extension)', function () {
  this.timeout(90_000);
  let server: MockOpenRouter;
  let api: OpenRouterChatApi;
  freshChatEachTest(TEST_API_KEY, (suite) => ({ api, server } = suite), { emptyDraft: true });
  let repo: string;
  let gitApi: GitApi | undefined;
  const posted: HostMessage[] = [];
  let listener: vscode.Disposable | undefined;

  async function git(...args: string[]): Promise<string> {
    // Identity and signing come from the command line: the run's git config is not ours to rely on.
    const { stdout } = await execFileAsync('git', ['-c', 'user.name=Context Test', '-c', 'user.email=context@test.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo });
    return stdout;
  }

  before(async () => {
    listener = api.onDidPost((message) => posted.push(message));
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests need the fixture workspace open');
    // A repository of its own inside the workspace: the run folder's parent repository is never
    // opened (git.openRepositoryInParentFolders is "never" in the run's settings).
    repo = join(folder.uri.fsPath, `git-context-${Date.now()}`);
    await mkdir(repo);
    await git('init', '--quiet', '--initial-branch=main');
    await writeFile(join(repo, 'staged.txt'), 'one\ntwo\nold staged line\nfour\n');
    await writeFile(join(repo, 'unstaged.txt'), 'alpha\nold unstaged line\ngamma\n');
    await git('add', '.');
    await git('commit', '--quiet', '-m', 'initial');

    const gitExtension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
    assert.ok(gitExtension, 'the built-in Git extension is installed');
    gitApi = (await gitExtension.activate()).getAPI(1);
    const opened = gitApi;
    // What the user does with "Git: Open Repository" for a folder the scan did not find.
    await vscode.commands.executeCommand('git.openRepository', repo);
    await until('the Git extension to open the repository', () => (opened.repositories.some((r) => r.rootUri.fsPath === repo) ? true : undefined), 30_000);
  });
  after(async () => {
    listener?.dispose();
    restoreWindow();
    // Closed before it is deleted, so the Git extension does not go on watching a missing folder
    // for the test files that run after this one.
    if (gitApi?.repositories.some((r) => r.rootUri.fsPath === repo)) {
      await vscode.commands.executeCommand('git.close', vscode.Uri.file(repo));
      const open = gitApi;
      await until('the Git extension to close the repository', () => (open.repositories.some((r) => r.rootUri.fsPath === repo) ? undefined : true));
    }
    await rm(repo, { recursive: true, force: true });
  });
  beforeEach(() => {
    posted.length = 0;
  });
  afterEach(() => restoreWindow());



  /** Add context → Git changes, as the composer's button does it (the quick pick answered). */
  async function pickGitChanges(): Promise<void> {
    stubWindow('showQuickPick', (items: unknown) => (items as Array<{ source: string }>).find((item) => item.source === 'gitChanges'));
    await vscode.commands.executeCommand('openrouterChat.addContext');
  }

  it('sends both the staged and the unstaged hunks of the working tree', async () => {
    await writeFile(join(repo, 'staged.txt'), 'one\ntwo\nnew staged line\nfour\n');
    await git('add', 'staged.txt');
    await writeFile(join(repo, 'unstaged.txt'), 'alpha\nnew unstaged line\ngamma\n');

    await pickGitChanges();
    const draft = await until('the chip', () => lastDraft(posted));
    assert.deepEqual(draft.map((a) => [a.kind, a.name]), [['gitChanges', 'Git changes']]);
    assert.ok((draft[0]?.tokens ?? 0) > 0, 'the chip counts its tokens');

    await api.context.send('[[mock:echo]] Review my changes');
    const content = lastUserContent(server);
    assert.ok(content.includes('Git changes\n```diff\ndiff --git a/staged.txt b/staged.txt\n'), `the staged diff first, as a diff block:\n${content}`);
    assert.ok(content.includes('@@ -1,4 +1,4 @@\n one\n two\n-old staged line\n+new staged line\n four\n'), 'the staged hunk');
    assert.ok(content.includes('diff --git a/unstaged.txt b/unstaged.txt\n'), 'the unstaged file');
    assert.ok(content.includes('@@ -1,3 +1,3 @@\n alpha\n-old unstaged line\n+new unstaged line\n gamma\n'), 'the unstaged hunk');
    assert.ok(content.endsWith('Question:\n[[mock:echo]] Review my changes'), 'the question follows the context');
    const question = api.session.activeChat.messages[0];
    assert.deepEqual(question?.attachments?.map((a) => a.kind), ['gitChanges'], 'stored with the question');
  });

  it('says the tree has no changes, and attaches nothing, once everything is committed', async () => {
    await git('add', '-A');
    // --allow-empty: this test may run alone (INTEGRATION_GREP), with nothing changed before it.
    await git('commit', '--quiet', '--allow-empty', '-m', 'both changes');
    assert.equal(await git('status', '--porcelain'), '', 'the tree is clean');

    await pickGitChanges();
    const notice = await until('the notice', () => posted.find((m): m is Extract<HostMessage, { type: 'notice' }> => m.type === 'notice'));
    assert.equal(notice.text, 'The working tree has no changes.');
    assert.equal(notice.level, 'info');
    assert.equal(api.context.draft.attachments.length, 0);
    assert.equal(lastDraft(posted), undefined, 'no chip was posted');
  });

  it('says no repository is open once the Git extension has none', async () => {
    assert.ok(gitApi);
    const open = gitApi;
    await vscode.commands.executeCommand('git.close', vscode.Uri.file(repo));
    await until('the Git extension to close the repository', () => (open.repositories.length === 0 ? true : undefined));

    await pickGitChanges();
    const notice = await until('the notice', () => posted.find((m): m is Extract<HostMessage, { type: 'notice' }> => m.type === 'notice'));
    assert.equal(notice.text, 'No Git repository is open (the built-in Git extension found none).');
    assert.equal(api.context.draft.attachments.length, 0);
  });
});
