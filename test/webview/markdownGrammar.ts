/**
 * Random markdown from a small grammar of what models write: headings (ATX and setext),
 * paragraphs, bullet and ordered lists (tight and loose, nested, with code inside items), fenced
 * code (closed or not), indented code, tables, quotes with lazy lines, HTML blocks and inline
 * HTML, rules, reference definitions, and inline emphasis, code, links and `#tags`. Blocks are
 * joined by one, two or three line breaks and the answer may start with whitespace, so the
 * places where a streamed block is easy to close too early come up often.
 */
import * as fc from 'fast-check';

const word = fc.constantFrom('alpha', 'beta', 'gamma', 'delta', 'npm', 'src/app.ts:12', 'x', '1.', '2)', '-', '#tag', '*', '_', '|', '\\', '[ref]', '<b>', '&amp;', 'é', '😀');

const inline: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: word },
      { weight: 1, arbitrary: word.map((text) => `*${text}*`) },
      { weight: 1, arbitrary: word.map((text) => `**${text}**`) },
      { weight: 1, arbitrary: word.map((text) => `_${text}_`) },
      { weight: 1, arbitrary: word.map((text) => `\`${text}\``) },
      { weight: 1, arbitrary: word.map((text) => `[${text}](https://example.com/${encodeURIComponent(text)})`) },
      { weight: 1, arbitrary: fc.constantFrom('[used][ref]', '[ref]', '[other][]', '<https://example.com>', '<kbd>Ctrl</kbd>', '~~gone~~', 'https://example.com/x') },
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((words) => words.join(' '));

const lines = (min: number, max: number): fc.Arbitrary<string[]> => fc.array(inline, { minLength: min, maxLength: max });

const heading = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  fc.tuple(lines(1, 2), fc.constantFrom('===', '---', '-')).map(([text, underline]) => `${text.join('\n')}\n${underline}`),
  fc.constant('#'),
);

const paragraph = lines(1, 3).map((text) => text.join('\n'));

const fence = fc
  .tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'ts', 'python', 'sh'), fc.array(fc.constantFrom('const a = 1;', '', '  indented();', '# not a heading', '- not a list', '```'), { maxLength: 4 }), fc.boolean())
  .map(([marker, language, body, closed]) => [`${marker}${language}`, ...body, ...(closed ? [marker] : [])].join('\n'));

const indentedCode = fc.array(fc.constantFrom('code()', 'more code', '', '# comment'), { minLength: 1, maxLength: 3 }).map((body) => body.map((line) => (line ? `    ${line}` : '')).join('\n'));

const listItemBody = fc.oneof(
  { weight: 4, arbitrary: paragraph },
  { weight: 1, arbitrary: fc.tuple(inline, fence).map(([text, code]) => `${text}\n\n${code}`) },
  { weight: 1, arbitrary: fc.tuple(inline, inline).map(([text, nested]) => `${text}\n- ${nested}\n- ${nested}`) },
);

const list = fc
  .tuple(fc.constantFrom('-', '*', '+', '1.', '1)'), fc.array(listItemBody, { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\n\n'))
  .map(([marker, items, between]) =>
    items
      .map((item, index) => {
        const bullet = /\d/.test(marker) ? `${index + 1}${marker.slice(-1)}` : marker;
        const indent = ' '.repeat(bullet.length + 1);
        return `${bullet} ${item.split('\n').join(`\n${indent}`).replace(/\n +\n/g, '\n\n')}`;
      })
      .join(between),
  );

const table = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { maxLength: 3 }), fc.boolean())
  .map(([columns, rows, edgePipes]) => {
    const row = (cells: readonly string[]): string => {
      const padded = Array.from({ length: columns }, (_, index) => (cells[index] ?? '').replace(/\|/g, '\\|'));
      return edgePipes ? `| ${padded.join(' | ')} |` : padded.join(' | ');
    };
    return [row(Array.from({ length: columns }, (_, index) => `h${index}`)), row(Array(columns).fill('---')), ...rows.map(row)].join('\n');
  });

const quote = fc.tuple(lines(1, 2), fc.boolean()).map(([text, lazy]) => `${text.map((line) => `> ${line}`).join('\n')}${lazy ? '\nlazy continuation' : ''}`);

const html = fc.oneof(
  paragraph.map((text) => `<div>\n${text}\n</div>`),
  paragraph.map((text) => `<details>\n<summary>More</summary>\n\n${text}\n\n</details>`),
  fc.constant('<!-- a comment -->'),
  fc.constant('<pre>\nkept  as is\n</pre>'),
);

const rule = fc.constantFrom('---', '***', '___', '- - -');
const definition = fc.constantFrom('[ref]: https://example.com/ref', '[other]: <https://example.com/other> "Other"', '[ref]:\n  https://example.com/next-line');

const block = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  { weight: 2, arbitrary: heading },
  { weight: 4, arbitrary: list },
  { weight: 3, arbitrary: fence },
  { weight: 1, arbitrary: indentedCode },
  { weight: 2, arbitrary: table },
  { weight: 2, arbitrary: quote },
  { weight: 1, arbitrary: html },
  { weight: 1, arbitrary: rule },
  { weight: 1, arbitrary: definition },
);

/** A whole answer: optional leading whitespace, then blocks joined by one to three line breaks. */
export const markdownAnswer: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('', '', '', ' ', '  ', '\n', '\n\n', '    '), fc.array(fc.tuple(block, fc.constantFrom('\n', '\n\n', '\n\n', '\n\n\n')), { minLength: 1, maxLength: 8 }), fc.constantFrom('', '\n'))
  .map(([start, blocks, end]) => start + blocks.map(([text, separator], index) => (index === 0 ? text : separator + text)).join('') + end);

/** Where a text is cut into deltas: chunk sizes, used in turn until the text runs out. */
export const chunkSizes: fc.Arbitrary<number[]> = fc.array(fc.integer({ min: 1, max: 16 }), { minLength: 1, maxLength: 6 });

/** Cuts `text` into deltas of the given sizes in turn (never inside a surrogate pair). */
export function cutBySizes(text: string, sizes: readonly number[]): string[] {
  const characters = Array.from(text);
  const chunks: string[] = [];
  for (let index = 0, turn = 0; index < characters.length; turn++) {
    const size = sizes[turn % sizes.length] ?? 1;
    chunks.push(characters.slice(index, index + size).join(''));
    index += size;
  }
  return chunks;
}
