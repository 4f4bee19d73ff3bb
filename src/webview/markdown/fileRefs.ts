/**
 * File references in answers (`src/a.ts:12`, `src/a.ts:12-20`, `L12`, `L12-L20`) become links that
 * open the file in the editor. Runs on sanitized DOM and creates our own elements, so the data
 * attributes on them can be trusted (the sanitizer strips every data attribute from model HTML).
 */
export interface FileRef {
  readonly path: string;
  readonly line: number;
  readonly endLine?: number;
}

const PATH_REF = String.raw`((?:[\w.@-]+\/)*[\w@-][\w.@-]*\.[A-Za-z]\w*):(\d+)(?:-(\d+))?`;
const LINE_REF = String.raw`L(\d+)(?:-L?(\d+))?`;
const REF_PATTERN = new RegExp(String.raw`(?<![\w/.:-])(?:${PATH_REF}|${LINE_REF})(?![\w/-]|\.\w)`, 'g');
const WHOLE_REF = new RegExp(String.raw`^\s*(?:${PATH_REF}|${LINE_REF})\s*$`);

function refFromMatch(match: RegExpExecArray): FileRef | undefined {
  const [, path, pathLine, pathEnd, lLine, lEnd] = match;
  const line = Number(pathLine ?? lLine);
  const end = pathEnd ?? lEnd;
  if (!Number.isSafeInteger(line) || line < 1) return undefined;
  const endLine = end === undefined ? undefined : Number(end);
  return endLine !== undefined && endLine >= line ? { path: path ?? '', line, endLine } : { path: path ?? '', line };
}

/** The reference a whole string spells, e.g. the text of an inline `code` element. */
export function parseWholeFileRef(text: string): FileRef | undefined {
  const match = WHOLE_REF.exec(text);
  return match ? refFromMatch(match) : undefined;
}

export function createFileRefLink(ref: FileRef, ...content: Node[]): HTMLAnchorElement {
  const link = document.createElement('a');
  link.className = 'file-ref';
  link.href = '#';
  link.dataset.filePath = ref.path;
  link.dataset.line = String(ref.line);
  if (ref.endLine !== undefined) link.dataset.endLine = String(ref.endLine);
  link.append(...content);
  return link;
}

export function readFileRefLink(link: HTMLElement): FileRef | undefined {
  const { filePath, line, endLine } = link.dataset;
  if (filePath === undefined || line === undefined) return undefined;
  return endLine === undefined ? { path: filePath, line: Number(line) } : { path: filePath, line: Number(line), endLine: Number(endLine) };
}

/** Replaces the references inside one text node with links. */
function linkifyTextNode(node: Text): void {
  const text = node.data;
  REF_PATTERN.lastIndex = 0;
  let match = REF_PATTERN.exec(text);
  if (!match) return;
  const parts: Node[] = [];
  let last = 0;
  for (; match; match = REF_PATTERN.exec(text)) {
    const ref = refFromMatch(match);
    if (!ref) continue;
    if (match.index > last) parts.push(document.createTextNode(text.slice(last, match.index)));
    parts.push(createFileRefLink(ref, document.createTextNode(match[0])));
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return;
  if (last < text.length) parts.push(document.createTextNode(text.slice(last)));
  node.replaceWith(...parts);
}

/** Links file references in prose and inline code; code blocks and existing links are left alone. */
export function linkifyFileRefs(root: DocumentFragment | Element): void {
  for (const code of Array.from(root.querySelectorAll('code'))) {
    if (code.closest('pre, a')) continue;
    const ref = parseWholeFileRef(code.textContent ?? '');
    if (!ref) continue;
    const link = createFileRefLink(ref);
    code.before(link);
    link.append(code);
  }
  const owner = root.ownerDocument ?? document;
  const walker = owner.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const candidates: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (!/\d/.test(text.data)) continue;
    if (text.parentElement?.closest('pre, code, a')) continue;
    candidates.push(text);
  }
  candidates.forEach(linkifyTextNode);
}
