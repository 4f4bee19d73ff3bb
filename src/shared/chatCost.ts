/**
 * A chat's running cost: the sum of what its answers cost. Shared by the host (tests, status) and
 * the webview (the header), so both add up the same figures the same way.
 */
import type { MessageView } from './protocol';

/**
 * USD, or undefined when no answer reported a cost yet. `earlierUsd` is what the messages before
 * these cost, when the view has only a long chat's newest ones (`ChatView.earlier`).
 */
export function chatCostUsd(messages: readonly Pick<MessageView, 'stats'>[], earlierUsd?: number): number | undefined {
  let total = earlierUsd;
  for (const message of messages) {
    const cost = message.stats?.costUsd;
    if (typeof cost === 'number' && Number.isFinite(cost)) total = (total ?? 0) + cost;
  }
  return total;
}
