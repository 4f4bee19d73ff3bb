/**
 * The last command of each terminal and its output, recorded while it runs through shell
 * integration (its output can only be read live). Started at activation; reading it for an
 * attachment (terminalAttachment.ts) loads with the context picker, on first use.
 */
import * as vscode from 'vscode';

/** Keeps this much of each command's output: the end of a long log is what matters. */
const MAX_OUTPUT_CHARS = 60_000;

export interface Execution {
  readonly commandLine: string;
  output: string;
}

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
