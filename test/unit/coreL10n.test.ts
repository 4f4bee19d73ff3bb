/**
 * The core's user-facing texts go through its translator (src/core/l10n.ts), which the extension
 * points at vscode.l10n.t. Here a translator reads the German bundle the way vscode.l10n does.
 * Before the fix the notices and error texts were English literals whatever the translator said.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorViewOf } from '../../src/core/chat/errorView';
import { setTranslator, t } from '../../src/core/l10n';
import { errorFromHttpResponse } from '../../src/core/openrouter/httpErrors';
import { networkError } from '../../src/core/openrouter/networkErrors';
import { startOpenRouterServer, type MockOpenRouter } from '../server/openRouterServer';
import { harness } from './chat/sessionHarness';

const root = join(__dirname, '..', '..', '..');
const german = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.de.json'), 'utf8')) as Record<string, string>;

/** vscode.l10n.t's behaviour: the bundle's text (or the English one), `{n}` filled in. */
function germanTranslator(message: string, args: ReadonlyArray<string | number>): string {
  return (german[message] ?? message).replace(/\{(\d+)\}/g, (placeholder, index: string) => String(args[Number(index)] ?? placeholder));
}

describe('core l10n', function () {
  this.timeout(20_000);
  let server: MockOpenRouter;
  before(async () => {
    server = await startOpenRouterServer();
  });
  after(async () => server.close());
  afterEach(() => setTranslator(undefined));

  it('is English with placeholders filled in while no translator is set', () => {
    assert.equal(t('Something went wrong: {0}', 'boom'), 'Something went wrong: boom');
  });

  it('translates the error texts users see, placeholders included', () => {
    setTranslator(germanTranslator);
    const limited = errorFromHttpResponse(429, 'Too Many Requests', '3', JSON.stringify({ error: { message: 'slow down' } }));
    assert.equal(limited.userMessage, 'OpenRouter begrenzt die Anzahl der Anfragen: slow down (HTTP 429). Versuchen Sie es in 3 s erneut.');
    const refused = networkError(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), 'openrouter.ai');
    assert.equal(refused.userMessage, 'openrouter.ai ist nicht erreichbar: Verbindung abgelehnt. Prüfen Sie Ihre Netzwerkverbindung und die Proxy-Einstellungen.');
    assert.equal(errorViewOf(new Error('boom')).message, 'Etwas ist schiefgelaufen: boom');
  });

  it('translates the session’s notices and the error an answer shows', async () => {
    setTranslator(germanTranslator);
    const { session, posted } = await harness(server);
    const failed = await session.send('[[mock:http-400]] one');
    assert.match(failed?.message.error?.message ?? '', /^OpenRouter hat die Anfrage abgelehnt: /);
    const good = await session.send('[[mock:echo]] two');
    assert.equal(good?.message.status, 'done');
    assert.equal(await session.regenerate(failed?.message.id), undefined);
    const notices = posted.filter((m) => m.type === 'notice').map((m) => (m.type === 'notice' ? m.text : ''));
    assert.deepEqual(notices, [german['Only the latest answer can be answered again. To ask an earlier question again, edit it and resend.']]);
    await session.dispose();
  });
});
