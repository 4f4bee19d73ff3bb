/**
 * Runs last (files run in name order): after the whole suite has used the test key, nothing the
 * extension wrote may contain it, nor any `Bearer` header: not its storage, not the logs of this
 * window, not the settings, not what it told the webview, not what the local servers printed.
 */
import * as assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { HostMessage } from '../../src/shared/protocol';
import { TEST_API_KEY } from '../support/testKey';
import { extensionApi, serverLogLines } from './support';

const BEARER = /Bearer\s+(?!\[redacted\]|sk-or-…\[redacted\])\S+/;

async function filesUnder(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir, { recursive: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    try {
      if ((await stat(path)).isFile()) files.push(path);
    } catch {
      // Removed while we looked: nothing to scan.
    }
  }
  return files;
}

describe('Secrets: the test key appears nowhere the extension wrote', () => {
  it('scans storage, logs, settings, webview messages and server output', async () => {
    const api = await extensionApi();
    const posted: HostMessage[] = [];
    const listener = api.onDidPost((m) => posted.push(m));
    // One more full state, as the webview would receive after a reload.
    api.session.postState();
    listener.dispose();

    // globalStorage/<extension> -> User -> settings.json; logUri: <logs>/<window>/exthost/<extension>
    const userDir = resolve(api.storageDir, '..', '..');
    const windowLogs = resolve(api.logUri.fsPath, '..', '..');
    const places: { name: string; text: string }[] = [];
    for (const file of [...(await filesUnder(api.storageDir)), ...(await filesUnder(windowLogs))]) {
      places.push({ name: file, text: await readFile(file, 'utf8') });
    }
    for (const file of ['settings.json', 'keybindings.json']) {
      try {
        places.push({ name: join(userDir, file), text: await readFile(join(userDir, file), 'utf8') });
      } catch {
        // Not written in this run.
      }
    }
    places.push({ name: 'webview state', text: JSON.stringify(api.viewState()) });
    places.push({ name: 'messages to the webview', text: JSON.stringify(posted) });
    places.push({ name: 'local server output', text: serverLogLines.join('\n') });

    const leaks = places.filter((p) => p.text.includes(TEST_API_KEY) || BEARER.test(p.text)).map((p) => p.name);
    const scannedBytes = places.reduce((sum, p) => sum + p.text.length, 0);
    console.log(`Secret scan: ${places.length} places, ${scannedBytes} bytes, occurrences of the key or a Bearer header = ${leaks.length}`);
    assert.ok(places.some((p) => p.name.endsWith('.log')), 'no log file was found to scan');
    assert.ok(serverLogLines.length > 0, 'the local servers printed nothing to scan');
    assert.deepEqual(leaks, []);
  });
});
