/**
 * Terminal output as an attachment: the active terminal's selection, or else the last command and
 * its output where shell integration reports it. VS Code's stable API has no way to read a
 * terminal's selection, so it is copied through the clipboard, which is put back afterwards.
 */
import * as vscode from 'vscode';
import { createAttachment, type ContextAttachment } from '../../core/context/attachment';
import { terminalText } from '../../core/context/terminalText';
import type { TerminalRecorder } from './terminalRecorder';

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
