/**
 * A chat as one Markdown document, for *Export Chat*: each question and answer under its own
 * heading, the reasoning folded in a `<details>` (GitHub, VS Code's preview and most renderers
 * collapse it), the error an answer ended with, and the figures the chat view shows under it.
 * A summary made by Compact is its own section, named as such; the messages it stands in for are
 * exported in full before it, as the chat shows them.
 * Pure, so the document a user saves is the one the unit test reads.
 */
import type { AnswerStats } from '../../shared/protocol';
import { formatCostUsd } from '../../shared/costFormat';
import type { Chat, StoredMessage } from './chat';

export function chatToMarkdown(chat: Pick<Chat, 'title' | 'messages'>): string {
  const sections = [`# ${oneLine(chat.title)}`];
  for (const message of chat.messages) {
    sections.push(message.role === 'user' ? userSection(message) : message.summaryOf !== undefined ? summarySection(message, message.summaryOf) : assistantSection(message));
  }
  return `${sections.join('\n\n')}\n`;
}

/** A file name for the save dialog: the title's words, nothing a file system refuses. */
export function exportFileName(title: string): string {
  const base = title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80).replace(/[\s.]+$/, '');
  return `${base || 'chat'}.md`;
}

function userSection(message: StoredMessage): string {
  const heading = message.label ? `## You: ${oneLine(message.label)}` : '## You';
  return `${heading}\n\n${message.content.trim()}`;
}

function assistantSection(message: StoredMessage): string {
  const parts = ['## Assistant'];
  if (message.reasoning?.trim()) {
    // A literal closing tag inside the reasoning would end the fold early.
    const reasoning = message.reasoning.trim().replace(/<\/details>/gi, '&lt;/details&gt;');
    parts.push(`<details>\n<summary>Reasoning</summary>\n\n${reasoning}\n\n</details>`);
  }
  if (message.content.trim()) parts.push(message.content.trim());
  if (message.status === 'stopped') parts.push('_Stopped._');
  if (message.error) parts.push(`> **Error:** ${oneLine(message.error.message)}`);
  if (message.stats) parts.push(`_${statsLine(message.stats)}_`);
  return parts.join('\n\n');
}

function summarySection(message: StoredMessage, count: number): string {
  const parts = [`## Summary of ${count} earlier messages`];
  if (message.content.trim()) parts.push(message.content.trim());
  if (message.status === 'stopped') parts.push('_Stopped._');
  if (message.stats) parts.push(`_${statsLine(message.stats)}_`);
  return parts.join('\n\n');
}

/** The same figures, in the same order, as the line under an answer in the chat view. */
export function statsLine(stats: AnswerStats): string {
  const parts = [stats.provider ? `${stats.model} (${stats.provider})` : stats.model];
  if (stats.promptTokens !== undefined || stats.completionTokens !== undefined) {
    const tokens = `${count(stats.promptTokens ?? 0)} prompt / ${count(stats.completionTokens ?? 0)} completion tokens`;
    parts.push(stats.reasoningTokens ? `${tokens} (${count(stats.reasoningTokens)} reasoning)` : tokens);
  }
  if (stats.costUsd !== undefined) parts.push(formatCostUsd(stats.costUsd));
  if (stats.ttftMs !== undefined) parts.push(`first token ${(stats.ttftMs / 1000).toFixed(2)} s`);
  if (stats.tokensPerSecond !== undefined) parts.push(`${Math.round(stats.tokensPerSecond)} tokens/s`);
  return parts.filter((part) => part !== '').join(' · ');
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
