/** Texts the scripted answers stream, cut into chunk-sized pieces. */

export const DEFAULT_REASONING = [
  'The user wants a small TypeScript example. ',
  'A function that adds two numbers is enough. ',
  'Keep the answer short and show one code block.',
];

export const DEFAULT_ANSWER = [
  'Here is a small **TypeScript** function:\n\n',
  '```ts\n',
  'export function add(a: number, b: number): number {\n',
  '  return a + b;\n',
  '}\n',
  '```\n\n',
  'It returns the sum of `a` and `b`.',
];

/** Splits text into pieces of about `wordsPerPiece` words, keeping every character. */
export function piecesOf(text: string, wordsPerPiece = 2): string[] {
  const words = text.match(/\S+\s*|\s+/g) ?? [];
  const pieces: string[] = [];
  for (let i = 0; i < words.length; i += wordsPerPiece) pieces.push(words.slice(i, i + wordsPerPiece).join(''));
  return pieces;
}

const SECTION = (n: number): string => `## Part ${n}: how the pieces fit

The chat view streams the answer as it arrives, so the **markdown** must render well even while it
is incomplete. This paragraph has *emphasis*, \`inline code\`, and a [link](https://example.com/${n}).

- First point about part ${n}
- Second point, with \`code\`
  - A nested point
- Third point

1. Build the request
2. Stream the answer
3. Show the cost

| Setting | Default | Why |
| --- | --- | --- |
| model | openai/gpt-oss-120b | fast and cheap |
| reasoningEffort | medium | balanced |
| maxTokens | 4096 | room for reasoning |

\`\`\`ts
export function fibonacci${n}(count: number): number[] {
  const values = [0, 1];
  while (values.length < count) values.push(values[values.length - 1]! + values[values.length - 2]!);
  return values.slice(0, count);
}
\`\`\`

\`\`\`python
def greet_${n}(name: str) -> str:
    return f"Hello, {name}!"
\`\`\`

\`\`\`bash
npm run test:unit -- --grep "part ${n}"
\`\`\`

> A quote to close part ${n}.

`;

/** A long markdown answer of at least `pieces` chunks (prose, lists, a table, code blocks). */
export function longMarkdownPieces(pieces: number): string[] {
  const result: string[] = ['# A long answer\n\n'];
  for (let n = 1; result.length < pieces; n++) result.push(...piecesOf(SECTION(n), 2));
  return result;
}

/** Text with characters of 2, 3 and 4 UTF-8 bytes, for split-inside-a-character tests. */
export const MULTIBYTE_ANSWER = [
  'Café ünïcödé: ',
  '日本語のテキスト、',
  'emoji 🚀🎉👩‍💻 and ',
  'music 𝄞 — “quotes” ✓',
];
