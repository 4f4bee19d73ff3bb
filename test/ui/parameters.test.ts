/**
 * UI journey: a chat's own parameters, set in the chat view's Parameters panel, reach that chat's
 * requests (as the local server receives them), and a new chat starts from the settings again.
 */
import * as assert from 'node:assert/strict';
import { useJourney } from './journey';
import { answerFinished } from './workbench';

describe('Per-chat parameters in VS Code', function () {
  const journey = useJourney('parameters', { settings: { 'openrouterChat.temperature': 1 } });

  const lastChatBody = (): Record<string, unknown> => {
    const { mock } = journey();
    const chats = mock.requests.filter((request) => request.path.endsWith('/chat/completions'));
    const last = chats.at(-1);
    assert.ok(last, 'a chat request reached the server');
    return last.body as Record<string, unknown>;
  };

  it('sends the override of the Parameters panel with this chat, and not with a new chat', async () => {
    const { workbench } = journey();
    const chat = workbench.chat();

    await workbench.titleAction('Parameters').click();
    const panel = chat.getByRole('region', { name: 'Parameters of this chat' });
    await panel.waitFor();
    await panel.getByLabel('Temperature').fill('0.25');
    await panel.getByLabel('Seed').fill('1234');
    await panel.getByLabel('Stop sequences (one per line)').fill('END-OF-ANSWER');
    await panel.getByRole('button', { name: 'Save', exact: true }).click();

    await answerFinished(await workbench.ask('Tuned question'));
    const tuned = lastChatBody();
    assert.equal(tuned['temperature'], 0.25, 'the override wins over the setting');
    assert.equal(tuned['seed'], 1234);
    assert.deepEqual(tuned['stop'], ['END-OF-ANSWER']);
    const sessionOfTunedChat = tuned['session_id'];
    assert.equal(typeof sessionOfTunedChat, 'string');

    await workbench.titleAction('New chat').click();
    await chat.getByRole('heading', { name: 'Ask about your code' }).waitFor();
    // The panel shows the new chat's (empty) parameters.
    assert.equal(await panel.getByLabel('Temperature').inputValue(), '');
    await answerFinished(await workbench.ask('Plain question'));
    const plain = lastChatBody();
    assert.equal(plain['temperature'], 1, 'a new chat starts from the settings');
    assert.equal(plain['seed'], undefined);
    assert.equal(plain['stop'], undefined);
    assert.notEqual(plain['session_id'], sessionOfTunedChat, 'each chat has its own session');
  });
});
