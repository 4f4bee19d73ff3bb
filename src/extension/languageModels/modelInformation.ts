/**
 * One OpenRouter model as the editor's model picker shows it: name, family, limits, what it
 * accepts, and its price (detail) with the description (tooltip).
 */
import * as vscode from 'vscode';
import type { ModelInfo } from '../../core/openrouter/types';
import { pricePerMillion } from '../modelPicker';

/** `openai/gpt-oss-120b:free` → `gpt-oss-120b`: the model without its author and routing variant. */
export function familyOf(modelId: string): string {
  const withoutVariant = modelId.split(':')[0] ?? modelId;
  return withoutVariant.slice(withoutVariant.indexOf('/') + 1);
}

/**
 * OpenRouter gives one context length for prompt and answer together, plus the longest answer.
 * The editor wants the prompt's share: the window minus the answer, unless the answer may fill the
 * whole window (then a prompt may too, and the model stops when the window is full).
 */
export function tokenLimits(model: ModelInfo): { maxInputTokens: number; maxOutputTokens: number } {
  const maxOutput = model.maxCompletionTokens ?? model.contextLength;
  const maxInput = maxOutput < model.contextLength ? model.contextLength - maxOutput : model.contextLength;
  return { maxInputTokens: maxInput, maxOutputTokens: maxOutput };
}

export function priceDetail(model: ModelInfo): string {
  return vscode.l10n.t('in {0} / out {1} per 1M tokens', pricePerMillion(model.promptPricePerToken), pricePerMillion(model.completionPricePerToken));
}

export function toChatInformation(model: ModelInfo): vscode.LanguageModelChatInformation {
  const tooltip = [
    model.description,
    vscode.l10n.t('{0} ({1}): {2} tokens of context, {3}.', model.name, model.id, model.contextLength.toLocaleString('en-US'), priceDetail(model)),
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    id: model.id,
    name: model.name,
    family: familyOf(model.id),
    version: model.id,
    ...tokenLimits(model),
    detail: priceDetail(model),
    tooltip,
    capabilities: {
      // Images are not sent yet (our request carries text only), so no model claims to take them.
      imageInput: false,
      toolCalling: model.supportedParameters.includes('tools'),
    },
  };
}
