// The core's user-facing strings: the first argument of every `l10n.t(...)` call under src/core
// (see src/core/l10n.ts). @vscode/l10n-dev only reads calls on an `l10n` imported from 'vscode',
// which the core never imports, so scripts/l10n.mjs collects these here. The argument is a quoted
// literal, or the name of a string constant declared in the same file (`const NAME = '...'`);
// anything else is reported as a problem, since its text could not reach the bundle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const LITERAL = /^(['"])((?:(?!\1)[^\\]|\\.)*)\1/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*/;

function unescape(text) {
  return text.replace(/\\(.)/g, (_, char) => (char === 'n' ? '\n' : char));
}

function tsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A whole string literal at the start of `text` (followed by `end`): its value, else undefined. */
function literalAt(text, end) {
  const match = LITERAL.exec(text);
  if (!match || !end.test(text.slice(match[0].length))) return undefined;
  return unescape(match[2]);
}

export function coreStrings(root) {
  const strings = new Set();
  const problems = [];
  for (const file of tsFiles(join(root, 'src', 'core'))) {
    const source = readFileSync(file, 'utf8');
    for (const call of source.matchAll(/\bl10n\.t\(\s*/g)) {
      const rest = source.slice(call.index + call[0].length);
      let text = literalAt(rest, /^\s*[,)]/);
      const name = text === undefined ? IDENTIFIER.exec(rest)?.[0] : undefined;
      if (name) {
        const declaration = new RegExp(`\\bconst ${name.replace(/\$/g, '\\$')}\\s*=\\s*`).exec(source);
        if (declaration) text = literalAt(source.slice(declaration.index + declaration[0].length), /^\s*;/);
      }
      const line = source.slice(0, call.index).split('\n').length;
      if (text === undefined) problems.push(`${relative(root, file)}:${line}: l10n.t needs a quoted literal or a same-file string constant`);
      else strings.add(text);
    }
  }
  return { strings: [...strings], problems };
}
