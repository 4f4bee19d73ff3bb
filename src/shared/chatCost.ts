/**
 * A chat's running cost: the sum of what its answers cost. Shared by the host (tests, status) and
 * the webview (the header), so both add up the same figures the same way.
 */
import type { MessageView } from './protocol';

/** USD, or undefined when no answer reported a cost yet. */
export function chatCostUsd(messages: readonly Pick<MessageView, 'stats'>[]): number | undefined {
  let total: number | undefined;
  for (const message of messages) {
    const cost = message.stats?.costUsd;
    if (typeof cost === 'number' && Number.isFinite(cost)) total = (total ?? 0) + cost;
  }
  return total;
}
