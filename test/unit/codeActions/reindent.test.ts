import * as assert from 'node:assert/strict';
import { commonIndent, reindentForInsertion, reindentForReplacement } from '../../../src/core/codeActions/reindent';
import { toLf, withEol } from '../../../src/core/codeActions/eol';

describe('re-indentation', () => {
  it('strips the block indent and indents following lines like the cursor line', () => {
    const code = '    if (x) {\n      y();\n    }';
    assert.equal(reindentForInsertion(code, '  ', '\n'), 'if (x) {\n    y();\n  }');
  });

  it('leaves flush-left code flush at a column-0 cursor', () => {
    assert.equal(reindentForInsertion('a();\nb();', '', '\n'), 'a();\nb();');
  });

  it('writes CRLF for CRLF documents, whatever the code used', () => {
    assert.equal(reindentForInsertion('a {\n  b\n}', '    ', '\r\n'), 'a {\r\n      b\r\n    }');
    assert.equal(reindentForInsertion('a {\r\n  b\r\n}', '', '\n'), 'a {\n  b\n}');
  });

  it('keeps tabs exactly and never treats a tab as spaces', () => {
    assert.equal(reindentForInsertion('\tif (x) {\n\t\ty();\n\t}', '\t\t', '\n'), 'if (x) {\n\t\t\ty();\n\t\t}');
    assert.equal(commonIndent(['\tA', '    B']), '');
    assert.equal(commonIndent(['\t\tA', '\tB', '']), '\t');
  });

  it('empties blank lines instead of leaving trailing whitespace', () => {
    assert.equal(reindentForInsertion('a\n\n  \nb', '    ', '\n'), 'a\n\n\n    b');
  });

  it('replacing whole lines keeps the original block indentation', () => {
    const original = '  function f() {\n    return 1;\n  }';
    const proposal = 'function f(): number {\n  return 1;\n}';
    const result = reindentForReplacement(proposal, { originalText: original, startLineText: original.split('\n')[0] ?? '', startCharacter: 0 }, '\n');
    assert.equal(result, '  function f(): number {\n    return 1;\n  }');
  });

  it('replacing an expression inside a line leaves its first line alone', () => {
    const result = reindentForReplacement('foo(\n  1,\n)', { originalText: 'bar()', startLineText: '    const x = bar();', startCharacter: 14 }, '\n');
    assert.equal(result, 'foo(\n      1,\n    )');
  });

  it('replacing from inside the indentation completes the first line indent', () => {
    const result = reindentForReplacement('a();\nb();', { originalText: '  x();\n    y();', startLineText: '    x();', startCharacter: 2 }, '\r\n');
    assert.equal(result, '  a();\r\n    b();');
  });

  it('converts line endings both ways', () => {
    assert.equal(toLf('a\r\nb\rc\n'), 'a\nb\nc\n');
    assert.equal(withEol('a\nb\r\nc', '\r\n'), 'a\r\nb\r\nc');
  });
});
