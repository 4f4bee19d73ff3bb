/**
 * Which models read images, and what to tell the user when the chosen one does not. OpenRouter
 * answers an image sent to a text-only model with "No endpoints found that support image input";
 * we say it before anything is sent, name the model, and name one that would take the image.
 */
import type { ErrorView } from '../../shared/protocol';
import * as l10n from '../l10n';
import type { ModelInfo } from '../openrouter/types';
import type { ConversationTurn } from '../openrouter/requestBuilder';

/** A model whose `/models` entry lists no modalities is given the benefit of the doubt. */
export function acceptsImages(model: ModelInfo): boolean {
  return model.inputModalities === undefined || model.inputModalities.includes('image');
}

/**
 * The model to suggest: the cheapest that lists image input (prompt price, then completion
 * price, then id, so the same list always gives the same answer). Free variants are left out:
 * their rate limits make them a poor first suggestion.
 */
export function suggestImageModel(models: readonly ModelInfo[]): ModelInfo | undefined {
  const candidates = models.filter((model) => model.inputModalities?.includes('image') && !model.id.endsWith(':free'));
  return [...candidates].sort(
    (a, b) => a.promptPricePerToken - b.promptPricePerToken || a.completionPricePerToken - b.completionPricePerToken || a.id.localeCompare(b.id),
  )[0];
}

/** Why images cannot go to `modelId`, or undefined when they can (or the model is not known). */
export function imageRefusal(modelId: string, model: ModelInfo | undefined, models: readonly ModelInfo[]): string | undefined {
  if (!model || acceptsImages(model)) return undefined;
  const suggestion = suggestImageModel(models);
  return suggestion
    ? l10n.t('{0} does not accept images. Choose a model that does, such as {1}, or send the question without the image.', modelId, suggestion.id)
    : l10n.t('{0} does not accept images. Choose a model whose entry lists image input, or send the question without the image.', modelId);
}

export function hasImages(turns: readonly ConversationTurn[]): boolean {
  return turns.some(turnHasImages);
}

/** Whether the question being asked (the last user turn) carries an image. */
export function questionHasImages(turns: readonly ConversationTurn[]): boolean {
  const question = turns.filter((turn) => turn.role === 'user').at(-1);
  return question !== undefined && turnHasImages(question);
}

/**
 * The turns without their images, for a model that reads none: images of earlier questions must
 * not keep a chat from going on after a switch to a text-only model (OpenRouter would refuse the
 * whole request), and that model could not have looked at them anyway.
 */
export function withoutImages(turns: readonly ConversationTurn[]): ConversationTurn[] {
  return turns.map((turn) =>
    turnHasImages(turn) ? { ...turn, attachments: (turn.attachments ?? []).filter((attachment) => attachment.kind !== 'image') } : turn,
  );
}

function turnHasImages(turn: ConversationTurn): boolean {
  return turn.attachments?.some((attachment) => attachment.kind === 'image') ?? false;
}

/** The answer's error when a request with images was refused for its model. */
export function imagesRefusedErrorView(message: string): ErrorView {
  return { kind: 'imagesUnsupported', message, actions: ['selectModel', 'retry'] };
}
