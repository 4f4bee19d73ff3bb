/**
 * The `@openrouter` participant's conversation: the editor's chat history, reduced to the turns
 * this participant took part in, as the turns our request builder reads.
 */
import type { ConversationTurn } from '../openrouter/requestBuilder';

/** One turn of the editor's chat history, without `vscode`: a question, or the answer's markdown. */
export type HistoryTurn =
  | { readonly kind: 'request'; readonly participant: string; readonly prompt: string }
  | { readonly kind: 'response'; readonly participant: string; readonly markdown: string };

/**
 * Questions to other participants (and their answers) are left out: they were asked of another
 * model with other instructions, and would only confuse this one.
 */
export function conversationFromHistory(history: readonly HistoryTurn[], participant: string, prompt: string): ConversationTurn[] {
  const turns: ConversationTurn[] = [];
  for (const turn of history) {
    if (turn.participant !== participant) continue;
    if (turn.kind === 'request') turns.push({ role: 'user', content: turn.prompt });
    else if (turn.markdown !== '') turns.push({ role: 'assistant', content: turn.markdown });
  }
  turns.push({ role: 'user', content: prompt });
  return turns;
}
