import * as assert from 'node:assert/strict';
import { announcementsDue, instructionsUse, joinSystemPrompt, MAX_INSTRUCTIONS_CHARS, type InstructionsFile } from '../../../src/core/trust/workspaceInstructions';

const file = (path: string, text: string, fingerprint = text): InstructionsFile => ({ path, text, fingerprint });

describe('workspace instructions rules', () => {
  it('are never used in an untrusted workspace, whatever the switch says', () => {
    assert.deepEqual(instructionsUse(false, true), { use: false, reason: 'untrusted' });
    assert.deepEqual(instructionsUse(false, undefined), { use: false, reason: 'untrusted' });
  });

  it('are used in a trusted workspace unless the user switched them off', () => {
    assert.deepEqual(instructionsUse(true, undefined), { use: true });
    assert.deepEqual(instructionsUse(true, true), { use: true });
    assert.deepEqual(instructionsUse(true, false), { use: false, reason: 'turnedOff' });
  });

  it('are announced the first time and after each change, not again in between', () => {
    const first = announcementsDue([file('.openrouter/instructions.md', 'v1')], {});
    assert.deepEqual(first.due.map((f) => f.path), ['.openrouter/instructions.md']);
    const again = announcementsDue([file('.openrouter/instructions.md', 'v1')], first.announced);
    assert.deepEqual(again.due, []);
    const changed = announcementsDue([file('.openrouter/instructions.md', 'v2'), file('b/.openrouter/instructions.md', 'x')], again.announced);
    assert.deepEqual(changed.due.map((f) => f.path), ['.openrouter/instructions.md', 'b/.openrouter/instructions.md']);
    assert.deepEqual(changed.announced, { '.openrouter/instructions.md': 'v2', 'b/.openrouter/instructions.md': 'x' });
  });

  it('join after the setting, trimmed and capped, or give nothing', () => {
    assert.equal(joinSystemPrompt('  Be brief. ', [file('a', ' Use tabs.\n')]), 'Be brief.\n\nUse tabs.');
    assert.equal(joinSystemPrompt('', []), undefined);
    assert.equal(joinSystemPrompt('', [file('a', 'x'.repeat(MAX_INSTRUCTIONS_CHARS + 10))])?.length, MAX_INSTRUCTIONS_CHARS);
  });
});
