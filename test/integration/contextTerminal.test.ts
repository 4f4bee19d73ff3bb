/**
 * Issue 15: Add context → Terminal in a real workbench: a bash terminal with shell integration
 * runs a command, and the picker item the user clicks attaches the command line and its output
 * (without escape sequences); a selection in the terminal wins over the last command.
 *
 * The selection travels through the real copySelection command and the workbench's clipboard
 * service. While extension tests run, that service keeps text in memory rather than in the
 * browser's clipboard (code-server's BrowserClipboardService), so no clipboard permission is needed.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpenRouterChatApi } from '../../src/extension/extension';
import type { HostMessage } from '../../src/shared/protocol';
import type { MockOpenRouter } from '../server/openRouterServer';
import { TEST_API_KEY } from '../support/testKey';
import { freshChatEachTest, lastDraft, lastUserContent, restoreWindow, stubWindow, until } from './support';

/** Shell integration loads with bash's rc files; a loaded machine can take a while. */
const SHELL_INTEGRATION_TIMEOUT_MS = 60_000;

describe('Add context → Terminal (shell integration)', function () {
  this.timeout(120_000);
  let server: MockOpenRouter;
  let api: OpenRouterChatApi;
  freshChatEachTest(TEST_API_KEY, (suite) => ({ api, server } = suite), { emptyDraft: true });
  let bash: vscode.Terminal | undefined;
  const posted: HostMessage[] = [];
  let listener: vscode.Disposable | undefined;
  /** `echo term-$((N+1))-out`: the command line and its output differ, so each is checked. */
  const n = Math.floor(Math.random() * 1e6) + 1000;
  const commandLine = (k: number) => `echo term-$((${n}+${k}))-out`;
  const output = (k: number) => `term-${n + k}-out`;

  before(async () => {
    listener = api.onDidPost((message) => posted.push(message));
    bash = vscode.window.createTerminal({ name: 'context-bash', shellPath: '/bin/bash' });
  });
  after(async () => {
    listener?.dispose();
    restoreWindow();
    bash?.dispose();
  });
  beforeEach(() => {
    posted.length = 0;
  });
  afterEach(() => restoreWindow());



  async function pickTerminal(): Promise<void> {
    stubWindow('showQuickPick', (items: unknown) => (items as Array<{ source: string }>).find((item) => item.source === 'terminal'));
    await vscode.commands.executeCommand('openrouterChat.addContext');
  }

  /** Waits for the terminal's shell integration (bash loads it with its rc files). */
  function shellIntegrationOf(shell: vscode.Terminal): Promise<vscode.TerminalShellIntegration> {
    return new Promise<vscode.TerminalShellIntegration>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`shell integration did not activate within ${SHELL_INTEGRATION_TIMEOUT_MS / 1000} s`)), SHELL_INTEGRATION_TIMEOUT_MS);
      const done = (value: vscode.TerminalShellIntegration) => {
        clearTimeout(timer);
        subscription.dispose();
        resolve(value);
      };
      const subscription = vscode.window.onDidChangeTerminalShellIntegration((event) => {
        if (event.terminal === shell) done(event.shellIntegration);
      });
      if (shell.shellIntegration) done(shell.shellIntegration);
    });
  }

  /** Runs one command through shell integration and waits until it has ended. */
  async function run(command: string): Promise<void> {
    assert.ok(bash, 'the bash terminal is open');
    const shell = bash;
    const integration = await shellIntegrationOf(shell);
    const ended = new Promise<vscode.TerminalShellExecutionEndEvent>((resolve) => {
      const subscription = vscode.window.onDidEndTerminalShellExecution((event) => {
        if (event.terminal !== shell) return;
        subscription.dispose();
        resolve(event);
      });
    });
    const execution = integration.executeCommand(command);
    const end = await ended;
    assert.equal(end.execution, execution);
    assert.equal(end.exitCode, 0);
  }

  async function activate(shell: vscode.Terminal): Promise<void> {
    shell.show();
    await until('the terminal to be the active one', () => (vscode.window.activeTerminal === shell ? true : undefined));
  }

  it('attaches the last command and its output, without escape sequences', async () => {
    assert.ok(bash);
    await activate(bash);
    await run(commandLine(1));

    await pickTerminal();
    const draft = await until('the chip', () => lastDraft(posted));
    assert.deepEqual(draft.map((a) => [a.kind, a.name]), [['terminal', `Terminal: ${commandLine(1)}`]]);

    await api.context.send('[[mock:echo]] What did this print?');
    const content = lastUserContent(server);
    // Failed before terminalText: bash's output reached the model with its \r\n line ends.
    assert.ok(content.includes(`Terminal\n\`\`\`\n$ ${commandLine(1)}\n${output(1)}\n\`\`\`\n`), `the command line, then its output:\n${JSON.stringify(content)}`);
    assert.ok(!hasControlCharacters(content), `no escape sequences or other control characters:\n${JSON.stringify(content)}`);
  });

  it('attaches the terminal selection instead when there is one, and gives the clipboard back', async () => {
    assert.ok(bash);
    await activate(bash);
    await run(commandLine(2));
    await vscode.env.clipboard.writeText('what the user had copied');
    await vscode.commands.executeCommand('workbench.action.terminal.selectAll');
    try {
      await pickTerminal();
      const draft = await until('the chip', () => lastDraft(posted));
      assert.deepEqual(draft.map((a) => [a.kind, a.name]), [['terminal', 'Terminal selection']]);
      await api.context.send('[[mock:echo]] And this?');
      const content = lastUserContent(server);
      assert.ok(content.includes('Terminal\n```\n'), 'a terminal block');
      assert.ok(content.includes(commandLine(2)) && content.includes(`\n${output(2)}\n`), `the selected screen holds the command and its output:\n${JSON.stringify(content)}`);
      assert.ok(!hasControlCharacters(content), `no control characters:\n${JSON.stringify(content)}`);
      assert.equal(await vscode.env.clipboard.readText(), 'what the user had copied', 'the clipboard is put back');
    } finally {
      await vscode.commands.executeCommand('workbench.action.terminal.clearSelection');
    }
  });

  it('says what to do when the terminal has no selection and no shell integration', async () => {
    // sh (dash) has no shell integration: nothing records its commands.
    const plain = vscode.window.createTerminal({ name: 'context-plain', shellPath: '/bin/sh' });
    try {
      await activate(plain);
      await pickTerminal();
      const notice = await until('the notice', () => posted.find((m): m is Extract<HostMessage, { type: 'notice' }> => m.type === 'notice'));
      assert.match(notice.text, /^No terminal output to add: select text in the terminal, or run a command in a terminal with shell integration\.$/);
      assert.equal(api.context.draft.attachments.length, 0);
    } finally {
      plain.dispose();
    }
  });
});

/** ESC, BEL, CR and the other control characters (tab and newline are text). */
function hasControlCharacters(text: string): boolean {
  return [...text].some((char) => {
    const code = char.charCodeAt(0);
    return (code < 0x20 && char !== '\n' && char !== '\t') || code === 0x7f;
  });
}
