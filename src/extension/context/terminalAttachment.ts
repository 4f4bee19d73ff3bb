/**
 * Terminal output as an attachment: the active terminal's selection, or else the last command and
 * its output where shell integration reports it. VS Code's stable API has no way to read a
 * terminal's selection, so it is copied through the clipboard, which is put back afterwards.
 */
import * as vscode from 'vscode';
import { createAttachment, type ContextAttachment } from '../../core/context/attachment';
import { terminalText } from '../../core/context/terminalText';

/** Keeps this much of each command's output: the end of a long log is what matters. */
const MAX_OUTPUT_CHARS = 60_000;

interface Execution {
  readonly commandLine: string;
  output: string;
}

/** Records the last command of each terminal while it runs (its output can only be read live). */
export class TerminalRecorder implements vscode.Disposable {
  private readonly last = new WeakMap<vscode.Terminal, Execution>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.disposables.push(
      vscode.window.onDidStartTerminalShellExecution((event) => void this.record(event.terminal, event.execution)),
    );
  }

  lastExecution(terminal: vscode.Terminal): Execution | undefined {
    return this.last.get(terminal);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async record(terminal: vscode.Terminal, execution: vscode.TerminalShellExecution): Promise<void> {
    const entry: Execution = { commandLine: execution.commandLine.value, output: '' };
    this.last.set(terminal, entry);
    for await (const data of execution.read()) {
      entry.output = (entry.output + data).slice(-MAX_OUTPUT_CHARS);
    }
  }
}

export async function terminalAttachment(recorder: TerminalRecorder): Promise<ContextAttachment | undefined> {
  const terminal = vscode.window.activeTerminal;
  if (!terminal) return undefined;
  const selection = await terminalSelection();
  if (selection) return createAttachment({ kind: 'terminal', name: vscode.l10n.t('Terminal selection'), content: terminalText(selection) });
  const last = recorder.lastExecution(terminal);
  if (!last) return undefined;
  return createAttachment({ kind: 'terminal', name: vscode.l10n.t('Terminal: {0}', last.commandLine.slice(0, 40)), content: `$ ${last.commandLine}\n${terminalText(last.output)}` });
}

async function terminalSelection(): Promise<string | undefined> {
  const saved = await vscode.env.clipboard.readText();
  const marker = `\u0000openrouter-chat-${Date.now()}`;
  await vscode.env.clipboard.writeText(marker);
  try {
    await vscode.commands.executeCommand('workbench.action.terminal.copySelection');
    const copied = await vscode.env.clipboard.readText();
    return copied !== marker && copied.trim() !== '' ? copied : undefined;
  } finally {
    await vscode.env.clipboard.writeText(saved);
  }
}
