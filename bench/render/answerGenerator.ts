/**
 * Deterministic long markdown answers, shaped like a model's: prose, lists (tight, loose, nested),
 * tables, quotes, headings and fenced code blocks (with blank lines inside). Used by the render
 * benchmark and by the webview tests. Tokens are estimated at ~4 characters each.
 */
import { seededRandom } from '../../test/support';

export const CHARS_PER_TOKEN = 4;

const WORDS = (
  'the request stream token parser render block answer model cache value buffer editor webview host ' +
  'message function returns error handler config setting client server chunk delta frame layout state ' +
  'reason update list table code line file path test result async await promise type interface'
).split(' ');

const CODE_SAMPLES: ReadonlyArray<readonly [string, string]> = [
  ['ts', 'export async function load(path: string): Promise<string> {\n  const text = await readFile(path, "utf8");\n\n  // Blank line above is part of the block.\n  return text.trim();\n}'],
  ['python', 'def total(items):\n    """Sum the prices."""\n\n    return sum(item.price for item in items)'],
  ['bash', 'npm run build\n\n# then\nnode dist/extension.js --verbose'],
  ['json', '{\n  "name": "demo",\n  "version": "1.0.0",\n  "private": true\n}'],
  ['go', 'func main() {\n\tfmt.Println("hello")\n\n\tos.Exit(0)\n}'],
  ['rust', 'fn parse(input: &str) -> Result<u32, String> {\n    input.parse::<u32>().map_err(|e| e.to_string())\n}'],
  ['css', '.panel {\n  color: var(--vscode-foreground);\n  padding: 4px 8px;\n}'],
  ['sql', 'SELECT id, name\nFROM users\n\nWHERE active = true\nORDER BY name;'],
  ['diff', '--- a/src/a.ts\n+++ b/src/a.ts\n@@ -1,3 +1,3 @@\n-const a = 1;\n+const a = 2;'],
  ['', 'plain text block\n\nwith a blank line'],
];

function sentence(next: () => number, words: number): string {
  const picked = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)] ?? 'token');
  const first = picked[0] ?? 'token';
  picked[0] = first[0]?.toUpperCase() + first.slice(1);
  return `${picked.join(' ')}.`;
}

function paragraph(next: () => number, index: number): string {
  const parts = Array.from({ length: 3 + Math.floor(next() * 3) }, () => sentence(next, 8 + Math.floor(next() * 8)));
  parts.splice(1, 0, `See \`src/module${index % 7}.ts:${10 + (index % 50)}\`, **bold ${index}**, _em_ and [docs](https://example.com/docs/${index}).`);
  return parts.join(' ');
}

function list(next: () => number, ordered: boolean, loose: boolean): string {
  const items = Array.from({ length: 3 + Math.floor(next() * 4) }, (_, item) => {
    const marker = ordered ? `${item + 1}.` : '-';
    const nested = item === 1 ? `\n   ${ordered ? '-' : '  -'} nested ${sentence(next, 5)}` : '';
    return `${marker} ${sentence(next, 6 + Math.floor(next() * 6))}${nested}`;
  });
  return items.join(loose ? '\n\n' : '\n');
}

function table(next: () => number): string {
  const rows = Array.from({ length: 4 }, (_, row) => `| ${WORDS[row] ?? 'x'} | ${Math.floor(next() * 1000)} | ${sentence(next, 3)} |`);
  return ['| Name | Count | Notes |', '|---|---:|---|', ...rows].join('\n');
}

function codeBlock(index: number): string {
  const [language, code] = CODE_SAMPLES[index % CODE_SAMPLES.length] ?? ['', ''];
  return `\`\`\`${language}\n${code}\n// block ${index}\n\`\`\``;
}

/**
 * A markdown answer of about `tokens` tokens with `codeBlocks` code blocks spread evenly.
 * Blocks are separated by blank lines, as models write them.
 */
export function generateAnswer(tokens: number, codeBlocks: number, seed = 7): string {
  const next = seededRandom(seed);
  const targetChars = tokens * CHARS_PER_TOKEN;
  const codeEvery = Math.max(1, Math.floor(targetChars / Math.max(1, codeBlocks)));
  const blocks: string[] = [];
  let length = 0;
  let codeCount = 0;
  let nextCodeAt = codeEvery / 2;
  for (let index = 0; length < targetChars; index++) {
    let block: string;
    if (codeCount < codeBlocks && length >= nextCodeAt) {
      block = codeBlock(codeCount++);
      nextCodeAt += codeEvery;
    } else {
      const kind = index % 9;
      block =
        kind === 0 ? `## Section ${index}` :
        kind === 3 ? list(next, false, index % 2 === 0) :
        kind === 5 ? table(next) :
        kind === 6 ? list(next, true, false) :
        kind === 8 ? `> ${sentence(next, 12)}\n> ${sentence(next, 9)}` :
        paragraph(next, index);
    }
    blocks.push(block);
    length += block.length + 2;
  }
  return `${blocks.join('\n\n')}\n`;
}
