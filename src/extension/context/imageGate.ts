/**
 * Whether the open chat's model reads images, asked when an image is attached (the send is
 * checked again in the request preparer, since the model can change in between).
 */
import type { ChatSession } from '../../core/chat/chatSession';
import { imageRefusal } from '../../core/context/imageSupport';
import { readConfiguration } from '../configuration';
import type { OpenRouterService } from '../openRouterService';

/** Why the open chat's model cannot take an image now, or undefined when it can (or is unknown). */
export function imageGate(service: OpenRouterService, session: ChatSession): () => Promise<string | undefined> {
  return async () => {
    const result = readConfiguration();
    if (!result.ok) return undefined;
    const modelId = session.activeChat.model ?? result.config.model;
    const model = await service.modelInfo(result.config, modelId);
    if (!model) return undefined;
    return imageRefusal(modelId, model, await service.listModels(result.config).catch(() => []));
  };
}
