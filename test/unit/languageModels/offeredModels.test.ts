import * as assert from 'node:assert/strict';
import { offeredModels, readOfferedSetting, withRecent } from '../../../src/core/languageModels/offeredModels';
import { mapModelList } from '../../../src/core/openrouter/models';
import { MODELS_FIXTURE } from '../../server/modelsFixture';

const all = mapModelList(MODELS_FIXTURE);
const ids = (entries: readonly string[], configured = 'openai/gpt-oss-120b', recent: string[] = []) =>
  offeredModels(all, entries, { configured, recent }).map((model) => model.id);

describe('models offered to the editor', () => {
  it('by default: the configured model, then the recent ones, newest first', () => {
    const setting = readOfferedSetting(undefined);
    assert.ok(setting.ok);
    assert.deepEqual(ids(setting.entries, 'openai/gpt-oss-120b', ['anthropic/claude-sonnet-4.5', 'openai/gpt-oss-120b', 'openai/gpt-oss-20b:free']), [
      'openai/gpt-oss-120b',
      'anthropic/claude-sonnet-4.5',
      'openai/gpt-oss-20b:free',
    ]);
  });

  it('patterns with * and exact ids, in the order of /models; "*" offers all', () => {
    assert.deepEqual(ids(['openai/*']), ['openai/gpt-oss-120b', 'openai/gpt-5.1', 'openai/gpt-oss-20b:free']);
    assert.deepEqual(ids(['mistralai/mistral-small-3.2-24b-instruct']), ['mistralai/mistral-small-3.2-24b-instruct']);
    assert.deepEqual(ids(['*']), all.map((model) => model.id));
    // A dot is literal, not "any character".
    assert.deepEqual(ids(['anthropic/claude-sonnet-4x5']), []);
  });

  it('leaves out ids /models does not know (no context length or price to show)', () => {
    assert.deepEqual(ids(['@configured', '@recent'], 'someone/unknown-model', ['gone/model', 'openai/gpt-oss-20b:free']), ['openai/gpt-oss-20b:free']);
  });

  it('reads the setting: empty means the default, anything but a list of text is a problem naming it', () => {
    assert.deepEqual(readOfferedSetting([]), { ok: true, entries: ['@configured', '@recent'] });
    assert.deepEqual(readOfferedSetting([' openai/* ', '']), { ok: true, entries: ['openai/*'] });
    const bad = readOfferedSetting('openai/*');
    assert.ok(!bad.ok);
    assert.match(bad.problem, /^openrouterChat\.languageModels: /);
    assert.equal(readOfferedSetting([1]).ok, false);
  });

  it('keeps recent picks newest first, without duplicates, at most five', () => {
    assert.deepEqual(withRecent(['a', 'b', 'c'], 'b'), ['b', 'a', 'c']);
    assert.deepEqual(withRecent(['a', 'b', 'c', 'd', 'e'], 'f'), ['f', 'a', 'b', 'c', 'd']);
  });
});
