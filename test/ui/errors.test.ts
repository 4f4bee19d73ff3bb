/**
 * UI journey (e): a rejected key (HTTP 401) becomes an alert in the answer with a way out, a
 * "Set API key" button that opens VS Code's own password box.
 */
import * as assert from 'node:assert/strict';
import { TEST_API_KEY } from '../support';
import { useJourney } from './journey';

describe('Errors in VS Code', function () {
  const journey = useJourney('errors');

  it('shows HTTP 401 as an alert whose "Set API key" button asks for a key', async () => {
    const { workbench } = journey();
    const answer = await workbench.ask('[[mock:http-401]] Hello?');
    const alert = answer.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    assert.ok(!text.includes(TEST_API_KEY), 'the alert never shows the key');
    const setKey = alert.getByRole('button', { name: 'Set API key', exact: true });
    await setKey.waitFor();

    await setKey.click();
    // The extension asks with a password input box in the workbench (not in the webview).
    const input = workbench.page.locator('.quick-input-widget input[type="password"]');
    await input.waitFor({ timeout: 15_000 });
    await workbench.page.keyboard.press('Escape');
  });
});
