import { generateAnswer } from '../render/answerGenerator';
import { countFinalTokens } from '../../src/webview/markdown/finalBlocks';
import { lexBlocks } from '../../src/webview/markdown/markdownLexer';

const text = generateAnswer(250_000, 375);
let stableEnd = 0;
let maxTail = 0;
let worst = 0;
let links = {};
for (let end = 2000; end < text.length + 2000; end += 2000) {
  const now = text.slice(0, Math.min(end, text.length));
  const tail = now.slice(stableEnd);
  const t0 = performance.now();
  const lexed = lexBlocks(tail, links);
  const count = countFinalTokens(lexed.tokens, tail, links);
  const ms = performance.now() - t0;
  for (const token of lexed.tokens.slice(0, count)) stableEnd += token.raw.length;
  links = lexed.links;
  if (tail.length > maxTail) maxTail = tail.length;
  if (ms > worst) { worst = ms; console.log(`at ${end}: tail ${tail.length}, final ${count}/${lexed.tokens.length}, ${ms.toFixed(1)} ms`); }
}
console.log({ maxTail, worst });
