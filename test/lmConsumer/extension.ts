/**
 * A tiny second extension for the integration tier: it uses OpenRouter's models only through the
 * public `vscode.lm` API, as any other extension would (see api.ts). The runners build its folder
 * (test/runners/lmConsumerExtension.ts) and load it beside ours.
 */
import * as vscode from 'vscode';
import type { AskOptions, ConsumerAnswer, ConsumerError, ConsumerModel, LmConsumerApi } from './api';

const READ_FILE_TOOL: vscode.LanguageModelChatTool = {
  name: 'read_file',
  description: 'Reads a file of the workspace',
  inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
};

async function modelById(id: string): Promise<vscode.LanguageModelChat> {
  const [model] = await vscode.lm.selectChatModels({ vendor: 'openrouter', id });
  if (!model) throw new Error(`vscode.lm has no openrouter model ${id}`);
  return model;
}

function describeError(error: unknown): ConsumerError {
  if (error instanceof vscode.LanguageModelError) return { name: error.name, code: error.code, message: error.message };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: typeof error, message: String(error) };
}

/** The editor's thinking part (a proposed API, present at run time in VS Code 1.104 and later). */
const ThinkingPart = (vscode as unknown as { LanguageModelThinkingPart?: new (...args: never[]) => object }).LanguageModelThinkingPart;

async function ask(modelId: string, prompt: string, options: AskOptions = {}): Promise<ConsumerAnswer> {
  const textParts: string[] = [];
  const toolCalls: ConsumerAnswer['toolCalls'] = [];
  const otherParts: string[] = [];
  const cancellation = new vscode.CancellationTokenSource();
  try {
    const model = await modelById(modelId);
    const response = await model.sendRequest(
      [vscode.LanguageModelChatMessage.User(prompt)],
      { justification: 'Integration test of the OpenRouter provider', ...(options.withTool ? { tools: [READ_FILE_TOOL] } : {}) },
      cancellation.token,
    );
    for await (const part of response.stream) {
      if (part instanceof vscode.LanguageModelTextPart) {
        textParts.push(part.value);
        if (options.cancelAfterFirstText) cancellation.cancel();
      } else if (part instanceof vscode.LanguageModelToolCallPart) {
        toolCalls.push({ callId: part.callId, name: part.name, input: part.input });
      } else {
        otherParts.push(ThinkingPart && part instanceof ThinkingPart ? 'thinking' : 'unknown');
      }
    }
    return { textParts, toolCalls, otherParts };
  } catch (error) {
    return { textParts, toolCalls, otherParts, error: describeError(error) };
  } finally {
    cancellation.dispose();
  }
}

export function activate(): LmConsumerApi {
  return {
    async models(): Promise<ConsumerModel[]> {
      const models = await vscode.lm.selectChatModels({ vendor: 'openrouter' });
      return models.map((m) => ({ id: m.id, vendor: m.vendor, name: m.name, family: m.family, version: m.version, maxInputTokens: m.maxInputTokens }));
    },
    ask,
    async countTokens(modelId: string, text: string): Promise<number> {
      return (await modelById(modelId)).countTokens(text);
    },
  };
}
