/** Terminal output reaches the model as the text the terminal showed, not the bytes that drew it. */
import * as assert from 'node:assert/strict';
import { terminalText } from '../../../src/core/context/terminalText';

describe('terminalText', () => {
  it('ends lines in \\n: a terminal writes \\r\\n (what the integration test saw from bash)', () => {
    assert.equal(terminalText('term-42-out\r\nsecond\r\n'), 'term-42-out\nsecond\n');
  });

  it('drops colors, cursor moves and the shell integration marks', () => {
    const raw = '\u001b]633;C\u0007\u001b[1;32mok\u001b[0m \u001b[2Kdone\u001b]633;D;0\u001b\\\r\n';
    assert.equal(terminalText(raw), 'ok done\n');
  });

  it('keeps only the last state of a line redrawn with a bare \\r (a progress bar)', () => {
    assert.equal(terminalText('10%\r50%\r100%\r\nfinished\n'), '100%\nfinished\n');
  });

  it('drops stray control characters but keeps tabs', () => {
    assert.equal(terminalText('a\u0007b\u0008c\td\n'), 'abc\td\n');
  });

  it('leaves plain text alone', () => {
    assert.equal(terminalText('$ ls\nsrc  test\n'), '$ ls\nsrc  test\n');
  });
});
