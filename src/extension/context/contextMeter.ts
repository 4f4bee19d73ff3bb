/**
 * Keeps the composer's context meter current: after every change of the chat, the attachments or
 * the settings, it works out what the next request would use and posts it. Changes that come in
 * a burst (a state and a draft together) are counted once.
 */
import type { ChatSession } from '../../core/chat/chatSession';
import { conversationTurns } from '../../core/chat/chat';
import type { ContextWindow } from '../../core/context/contextWindow';
import { contextUsage } from '../../core/context/contextUsage';
import type { ContextDraft } from '../../core/context/contextDraft';
import type { HostMessage } from '../../shared/protocol';
import { readConfiguration } from '../configuration';
import type { OpenRouterService } from '../openRouterService';

export class ContextMeter {
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly deps: {
      readonly session: ChatSession;
      readonly draft: ContextDraft;
      readonly window: ContextWindow;
      readonly service: OpenRouterService;
      readonly post: (message: HostMessage) => void;
      /** The system prompt the next request would carry (settings plus workspace instructions), read without announcing it. */
      readonly systemPromptFor: (settingPrompt: string) => Promise<string | undefined>;
    },
  ) {}

  /** The host posted something that may change the figure. */
  observe(message: HostMessage): void {
    if (message.type === 'state' || message.type === 'streamEnd' || message.type === 'contextDraft' || message.type === 'settings') this.schedule();
  }

  schedule(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      void this.update();
    }, 30);
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
  }

  private async update(): Promise<void> {
    const config = readConfiguration();
    if (!config.ok) return;
    const model = await this.deps.service.modelInfo(config.config);
    if (!model) return; // Without /models the window is unknown: the meter stays hidden.
    const systemPrompt = await this.deps.systemPromptFor(config.config.systemPrompt);
    const turns = conversationTurns(this.deps.session.activeChat.messages.filter((m) => m.status !== 'streaming'));
    const usage = contextUsage(
      this.deps.window,
      { model, ...(systemPrompt ? { systemPrompt } : {}), ...(config.config.maxTokens !== undefined ? { maxTokens: config.config.maxTokens } : {}) },
      turns,
      this.deps.draft.attachments,
    );
    this.deps.post({ type: 'contextUsage', usage });
  }
}
