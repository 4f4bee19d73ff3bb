/** An answer cut off by the token limit or the content filter says so, and why; Continue for the limit. */
import * as assert from 'node:assert/strict';
import { assistantMessage, stateMessage, userMessage } from './fixtures';
import { usePageSession } from './pageSession';

describe('webview: cut-off answers', () => {
  const session = usePageSession();

  it('says the latest answer hit the token limit and posts continue with its id', async () => {
    const { view } = session;
    const messages = [userMessage('u1', 'write add'), assistantMessage('a1', '```ts\nexport function add(', { cutOff: 'length' })];
    await view.sendAndSettle(stateMessage({ messages }));
    const answer = view.page.locator('[data-message-id="a1"]');
    assert.match(await answer.innerText(), /The answer was cut off: it reached the token limit/);
    await answer.getByRole('button', { name: 'Continue' }).click();
    assert.deepEqual(await view.postedOfType('continue'), [{ type: 'continue', messageId: 'a1' }]);
  });

  it('names the content filter, with no Continue, and offers Continue on the latest answer only', async () => {
    const { view } = session;
    const messages = [
      userMessage('u1', 'one'),
      assistantMessage('a1', 'First part', { cutOff: 'length' }),
      userMessage('u2', 'two'),
      assistantMessage('a2', 'Second part', { cutOff: 'contentFilter' }),
    ];
    await view.sendAndSettle(stateMessage({ messages }));
    assert.match(await view.page.locator('[data-message-id="a2"]').innerText(), /cut off by the provider’s content filter/);
    assert.match(await view.page.locator('[data-message-id="a1"]').innerText(), /reached the token limit/);
    assert.equal(await view.page.getByRole('button', { name: 'Continue' }).count(), 0);
  });
});
