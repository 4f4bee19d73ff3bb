/** The editor's request messages and tools, in the `vscode`-free shape the core turns into wire JSON. */
import * as vscode from 'vscode';
import type { LmMessage, LmPart, LmTool } from '../../core/languageModels/lmMessages';

export function toLmMessages(messages: readonly vscode.LanguageModelChatRequestMessage[]): LmMessage[] {
  return messages.map((message) => ({ role: roleOf(message.role), parts: message.content.flatMap(toLmParts) }));
}

/**
 * User and Assistant are the stable roles. VS Code's own chat also sends System (3, still a
 * proposed API), which is the only other value that reaches a provider.
 */
function roleOf(role: vscode.LanguageModelChatMessageRole): LmMessage['role'] {
  if (role === vscode.LanguageModelChatMessageRole.User) return 'user';
  if (role === vscode.LanguageModelChatMessageRole.Assistant) return 'assistant';
  return 'system';
}

function toLmParts(part: unknown): LmPart[] {
  if (part instanceof vscode.LanguageModelTextPart) return [{ kind: 'text', text: part.value }];
  if (part instanceof vscode.LanguageModelToolCallPart) return [{ kind: 'toolCall', callId: part.callId, name: part.name, input: part.input }];
  if (part instanceof vscode.LanguageModelToolResultPart) return [{ kind: 'toolResult', callId: part.callId, text: resultText(part.content) }];
  // Other parts (images, the chat's own thinking and cache markers) have no place in a text request.
  return [];
}

function resultText(content: readonly unknown[]): string {
  return content
    .map((item) => (item instanceof vscode.LanguageModelTextPart ? item.value : JSON.stringify(item)))
    .join('');
}

export function toLmTools(tools: readonly vscode.LanguageModelChatTool[] | undefined): LmTool[] {
  return (tools ?? []).map((tool) => ({ name: tool.name, description: tool.description, inputSchema: tool.inputSchema }));
}

/** Text a message holds, for the token estimate. */
export function messageText(message: vscode.LanguageModelChatRequestMessage): string {
  return message.content
    .flatMap(toLmParts)
    .map((part) => (part.kind === 'text' ? part.text : part.kind === 'toolResult' ? part.text : `${part.name}${JSON.stringify(part.input)}`))
    .join('\n');
}
