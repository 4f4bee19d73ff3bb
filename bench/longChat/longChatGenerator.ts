/**
 * A long stored chat, shaped like a day of real use: questions (short, some with a code snippet)
 * and answers that mix prose, lists, tables and code blocks, most with reasoning, of varied length.
 * Deterministic, so every run opens the very same chat. Each message carries a unique word
 * (`turn<N>q`, `turn<N>a`), so a test can look for one message's text.
 */
import type { Chat, StoredMessage } from '../../src/core/chat/chat';
import { generateAnswer } from '../render/answerGenerator';

/** Answers from about 150 to 1,350 tokens, with a code block every ~250 tokens. */
function answerTokens(turn: number): number {
  return 150 + ((turn * 7919) % 1_200);
}

export function questionWord(turn: number): string {
  return `turn${turn}q`;
}

export function answerWord(turn: number): string {
  return `turn${turn}a`;
}

/**
 * `turns` question-and-answer pairs, numbered from `firstTurn`: a shorter chat can be the end of
 * a longer one, so both open on the very same last screen.
 */
export function generateLongChat(turns: number, id = 'long-chat', firstTurn = 0, start = Date.UTC(2026, 0, 5, 9)): Chat {
  const messages: StoredMessage[] = [];
  for (let turn = firstTurn; turn < firstTurn + turns; turn++) {
    const at = start + turn * 60_000;
    const snippet = turn % 4 === 1 ? `\n\n\`\`\`ts\nconst value${turn} = await load("src/module${turn % 7}.ts");\n\`\`\`` : '';
    messages.push({ id: `${id}-q${turn}`, role: 'user', content: `Question ${questionWord(turn)}: why does the render block ${turn} update the list?${snippet}`, status: 'done', createdAt: at });
    const tokens = answerTokens(turn);
    const answer = `${answerWord(turn)} ${generateAnswer(tokens, Math.round(tokens / 250), turn + 1)}`;
    messages.push({
      id: `${id}-a${turn}`,
      role: 'assistant',
      content: answer,
      ...(turn % 3 !== 2 ? { reasoning: `The user asks about block ${turn}. Check the list update path, then the renderer.` } : {}),
      status: 'done',
      stats: { model: 'openai/gpt-oss-120b', promptTokens: 1_000 + turn * 900, completionTokens: tokens, costUsd: 0.0004 },
      createdAt: at + 20_000,
    });
  }
  const last = start + (firstTurn + turns) * 60_000;
  return { id, title: `A long chat of ${turns * 2} messages`, createdAt: start, updatedAt: last, messages };
}
