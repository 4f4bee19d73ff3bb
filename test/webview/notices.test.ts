/** Notices from the host: information with a button (the workspace instructions notice). */
import * as assert from 'node:assert/strict';
import { stateMessage } from './fixtures';
import { usePageSession } from './pageSession';

describe('webview: notices', () => {
  const session = usePageSession();

  it('shows an information notice with its button while a question is on its way, and the button posts its action', async () => {
    const { view } = session;
    await view.sendAndSettle(stateMessage());
    const page = view.page;
    const input = page.getByRole('textbox', { name: 'Message' });
    await input.fill('a question');
    await input.press('Enter');
    assert.deepEqual(await view.postedOfType('send'), [{ type: 'send', text: 'a question' }]);

    await view.sendAndSettle({
      type: 'notice',
      level: 'info',
      text: 'Workspace instructions included in the system prompt: .openrouter/instructions.md',
      actions: ['turnOffWorkspaceInstructions'],
    });
    const notice = page.getByRole('status');
    assert.match(await notice.innerText(), /\.openrouter\/instructions\.md/);
    // Information is not a refusal: the question stays sent (its text is not put back) and a
    // second one still waits for its answer.
    assert.equal(await input.inputValue(), '');
    await input.fill('a second question');
    assert.equal(await page.getByRole('button', { name: 'Send' }).isDisabled(), true);

    await notice.getByRole('button', { name: 'Stop using it' }).click();
    assert.deepEqual(await view.postedOfType('action'), [{ type: 'action', action: 'turnOffWorkspaceInstructions' }]);
    assert.equal(await notice.isVisible(), false, 'the notice goes once answered');
  });
});
