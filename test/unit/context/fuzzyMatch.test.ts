import * as assert from 'node:assert/strict';
import { fuzzyMatch, isSubsequence, PathRanker, rankPaths } from '../../../src/core/context/fuzzyMatch';

describe('fuzzy path ranking', () => {
  it('matches only when every query character appears in order, case-insensitively', () => {
    assert.ok(fuzzyMatch('MTS', 'src/math.ts'));
    assert.ok(fuzzyMatch('sms', 'src/math.ts'));
    assert.equal(fuzzyMatch('zz', 'src/math.ts'), undefined);
    assert.equal(fuzzyMatch('htam', 'src/math.ts'), undefined, 'order matters');
    assert.equal(isSubsequence('abc', 'axbxc'), true);
    assert.equal(isSubsequence('abc', 'acb'), false);
  });

  it('finds the best alignment, not the first one: "math" is the file name in src/format/math.ts', () => {
    const match = fuzzyMatch('math', 'src/format/math.ts');
    assert.deepEqual(match?.positions, [11, 12, 13, 14]);
  });

  it('ranks file-name starts and word starts above the middle of words', () => {
    const ranked = rankPaths('math', ['src/aftermath/readme.txt', 'lib/mathematics.ts', 'src/math.ts', 'src/format/mat_h.ts'], 10).map((r) => r.path);
    assert.equal(ranked[0], 'src/math.ts');
    assert.equal(ranked[1], 'lib/mathematics.ts');
    assert.equal(ranked.length, 4);
  });

  it('prefers the shorter path when the match is equally good', () => {
    const ranked = rankPaths('math', ['test/deep/nested/math.ts', 'src/math.ts', 'math.ts'], 3).map((r) => r.path);
    assert.deepEqual(ranked, ['math.ts', 'src/math.ts', 'test/deep/nested/math.ts']);
  });

  it('rewards initials across word boundaries (cvp → chatViewProvider.ts)', () => {
    const ranked = rankPaths('cvp', ['src/extension/chatViewProvider.ts', 'src/core/chat/chatStore.ts', 'docs/cover-page.md', 'src/cvsparser.ts'], 4).map((r) => r.path);
    assert.equal(ranked[0], 'src/extension/chatViewProvider.ts');
  });

  it('keeps only the best `limit` results, best first, and an empty query matches everything', () => {
    const paths = Array.from({ length: 50 }, (_, i) => `dir${i}/file${i}.ts`);
    const ranked = rankPaths('file4', paths, 5);
    assert.equal(ranked.length, 5);
    for (let i = 1; i < ranked.length; i++) assert.ok((ranked[i - 1]?.score ?? 0) >= (ranked[i]?.score ?? 0));
    assert.equal(ranked[0]?.path, 'dir4/file4.ts');
    assert.equal(rankPaths('', paths, 3).length, 3);
  });

  it('positions always point at the query characters, in increasing order', () => {
    const paths = ['src/core/context/fuzzyMatch.ts', 'a/b/c/d/e.ts', 'README.md', 'src/webview/ui/composer.ts', 'xxxxxxxxxxxxxxxxxxxxxxxxx'];
    for (const query of ['fm', 'ctx', 'rdm', 'comp', 'uicom', 'x', 'sccf', 'e.ts']) {
      for (const path of paths) {
        const match = fuzzyMatch(query, path);
        if (!match) continue;
        assert.equal(match.positions.length, query.length);
        match.positions.forEach((position, i) => {
          assert.equal(path[position]?.toLowerCase(), query[i]);
          if (i > 0) assert.ok(position > (match.positions[i - 1] as number));
        });
      }
    }
  });

  it('a ranker narrowing to the previous query\'s matches ranks exactly as a fresh ranking does', () => {
    const paths = ['src/math.ts', 'lib/mathematics.ts', 'src/format/mat_h.ts', 'README.md', 'test/maths.test.ts', 'src/core/chat/chatSession.ts', 'docs/Matrix.md'];
    const ranker = new PathRanker(paths);
    for (const query of ['', 'm', 'ma', 'mat', 'math', 'mat', 'ch', 'chs', 'x', 'M a']) {
      assert.deepEqual(ranker.rank(query, 5), rankPaths(query, paths, 5), `query "${query}"`);
    }
  });
});
