/**
 * UI journey for issue 15 in a real workbench: a chat that outgrows a small-context model keeps
 * answering and shows what was left out; Compact on that notice summarizes the chat into one
 * message, and the next question goes out with the summary in place of the earlier turns.
 */
import * as assert from 'node:assert/strict';
import { COMPACT_PROMPT } from '../../src/core/chat/compaction';
import { SUMMARY_HEADING } from '../../src/core/chat/summary';
import { useJourney } from './journey';
import { answerFinished, waitFor } from './workbench';

interface ChatBody {
  messages?: { role: string; content: string }[];
}

/** 8,192 tokens in the local server's model list. */
const SMALL_MODEL = 'meta-llama/llama-3-8b-instruct';

describe('Compact in VS Code', function () {
  const journey = useJourney('compaction', { settings: { 'openrouterChat.model': SMALL_MODEL } });

  function chatBodies(): ChatBody[] {
    return journey()
      .mock.requests.filter((r) => r.path.endsWith('/chat/completions'))
      .map((r) => r.body as ChatBody);
  }

  it('a chat that outgrows a small-context model keeps answering, shows what was left out, and Compact summarizes it', async () => {
    const { workbench } = journey();
    for (let i = 0; i < 5; i++) {
      const answer = await workbench.ask(`[[mock:echo]] Question ${i} about src/parser.ts: ${'lorem ipsum dolor sit amet '.repeat(110)}`);
      await answerFinished(answer);
      assert.match(await answer.innerText(), new RegExp(`You said: Question ${i}`), `answer ${i} arrived`);
    }
    const notice = workbench.chat().getByRole('status').filter({ hasText: /earlier messages were left out so the chat fits the context window of meta-llama\/llama-3-8b-instruct/ });
    await notice.waitFor({ timeout: 60_000 });

    await notice.getByRole('button', { name: 'Compact', exact: true }).click();
    const summary = workbench.chat().getByRole('log').getByRole('article', { name: 'Summary', exact: true });
    await summary.waitFor({ timeout: 60_000 });
    await answerFinished(summary);
    assert.match(await summary.innerText(), /^Summary of 10 earlier messages/);
    assert.equal(chatBodies().at(-1)?.messages?.at(-1)?.content, COMPACT_PROMPT, 'the model was asked for the summary');
    await waitFor('the summarized messages to be marked', async () => ((await workbench.chat().locator('.message.is-summarized').count()) === 10 ? true : undefined));
    assert.equal(await workbench.messages('You').count(), 5, 'every question is still shown');

    const answer = await workbench.ask('[[mock:echo]] What next?');
    await answerFinished(answer);
    const turns = chatBodies().at(-1)?.messages?.filter((m) => m.role !== 'system') ?? [];
    assert.equal(turns.length, 2, 'the summary and the new question only');
    assert.ok(turns[0]?.content.startsWith(`${SUMMARY_HEADING}\n\n`), 'the summary stands in for the earlier turns');
    assert.equal(turns[1]?.content, '[[mock:echo]] What next?');
  });
});
