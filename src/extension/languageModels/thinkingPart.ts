/**
 * The reasoning part. `LanguageModelThinkingPart` is not in the stable API (it is the proposal
 * `languageModelThinkingPart`), but VS Code 1.104 and later accept it from any provider and show
 * it in the chat as the model's thinking. It is looked up at run time: where the editor has no such
 * class, reasoning is not reported (the answer and tool calls are unaffected).
 */
import * as vscode from 'vscode';

type ThinkingPartClass = new (value: string) => object;

export function thinkingPartClass(): ThinkingPartClass | undefined {
  const candidate: unknown = (vscode as unknown as Record<string, unknown>)['LanguageModelThinkingPart'];
  return typeof candidate === 'function' ? (candidate as ThinkingPartClass) : undefined;
}
