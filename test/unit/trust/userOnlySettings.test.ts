import * as assert from 'node:assert/strict';
import { parseJsonc } from '../../../src/core/trust/jsonc';
import { IgnoredSettingReports, userOnlySettingsIn, userOnlySettingsInspected, userOnlyValue } from '../../../src/core/trust/userOnlySettings';

describe('user-only settings', () => {
  it('reads a settings file with comments and trailing commas', () => {
    const text = `{
      // where the key goes
      "openrouterChat.baseUrl": "http://127.0.0.1:1/api/v1", /* a block
      comment */ "url": "https://x//y/*z*/", "quote": "a \\" // b",
      "list": [1, 2,],
    }`;
    assert.deepEqual(parseJsonc(text), { 'openrouterChat.baseUrl': 'http://127.0.0.1:1/api/v1', url: 'https://x//y/*z*/', quote: 'a " // b', list: [1, 2] });
  });

  it('gives undefined for text that is not JSONC', () => {
    assert.equal(parseJsonc('{ "a": '), undefined);
    assert.equal(parseJsonc(''), undefined);
  });

  it('finds user-only settings in both spellings, and nothing else', () => {
    const found = userOnlySettingsIn(
      { 'openrouterChat.baseUrl': 'https://evil.example/v1', openrouterChat: { maxCostPerRequest: 0 }, 'openrouterChat.model': 'x/y' },
      'openrouterChat',
      '.vscode/settings.json',
    );
    assert.deepEqual(
      found.map((f) => [f.setting, f.value]),
      [
        ['openrouterChat.baseUrl', 'https://evil.example/v1'],
        ['openrouterChat.maxCostPerRequest', 0],
      ],
    );
    assert.deepEqual(userOnlySettingsIn(undefined, 'openrouterChat', 'x'), []);
    assert.deepEqual(userOnlySettingsIn([1], 'openrouterChat', 'x'), []);
  });

  it('uses the user value or the default, never a workspace or folder value', () => {
    assert.equal(userOnlyValue({ defaultValue: 'd', workspaceValue: 'w', workspaceFolderValue: 'f' }), 'd');
    assert.equal(userOnlyValue({ defaultValue: 'd', globalValue: 'g', workspaceValue: 'w' }), 'g');
    assert.equal(userOnlyValue(undefined), undefined);
  });

  it('notices workspace values that inspect shows', () => {
    const found = userOnlySettingsInspected((key) => (key === 'maxCostPerRequest' ? { workspaceValue: 0, globalValue: 1 } : { globalValue: 'x' }), 'openrouterChat');
    assert.deepEqual(found.map((f) => f.setting), ['openrouterChat.maxCostPerRequest']);
  });

  it('reports each ignored value once, and a changed value again', () => {
    const reports = new IgnoredSettingReports();
    const first = { key: 'baseUrl' as const, setting: 'openrouterChat.baseUrl', source: 'a/.vscode/settings.json', value: 'https://evil.example' };
    assert.equal(reports.fresh([first]).length, 1);
    assert.equal(reports.fresh([first]).length, 0);
    assert.equal(reports.fresh([{ ...first, value: 'https://other.example' }]).length, 1);
  });
});
