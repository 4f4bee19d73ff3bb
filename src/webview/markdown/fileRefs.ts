/**
 * File references in answers (`src/a.ts:12`, `src/a.ts#L12-L20`, `L12`, ...) become links that open
 * the file in the editor. What counts as a reference is src/shared/fileReferenceGrammar.ts, the same
 * grammar the host's unit tests pin. Runs on sanitized DOM and creates our own elements, so the data
 * attributes on them can be trusted (the sanitizer strips every data attribute from model HTML).
 */
import { findFileReferences, parseFileReference, type FileReference } from '../../shared/fileReferenceGrammar';

export function createFileRefLink(ref: FileReference, ...content: Node[]): HTMLAnchorElement {
  const link = document.createElement('a');
  link.className = 'file-ref';
  link.href = '#';
  link.dataset.filePath = ref.path;
  link.dataset.line = String(ref.line);
  if (ref.endLine !== undefined) link.dataset.endLine = String(ref.endLine);
  link.append(...content);
  return link;
}

export function readFileRefLink(link: HTMLElement): FileReference | undefined {
  const { filePath, line, endLine } = link.dataset;
  if (filePath === undefined || line === undefined) return undefined;
  return endLine === undefined ? { path: filePath, line: Number(line) } : { path: filePath, line: Number(line), endLine: Number(endLine) };
}

/** Replaces the references inside one text node with links. */
function linkifyTextNode(node: Text): void {
  const text = node.data;
  const found = findFileReferences(text);
  if (found.length === 0) return;
  const parts: Node[] = [];
  let last = 0;
  for (const { start, end, reference } of found) {
    if (start > last) parts.push(document.createTextNode(text.slice(last, start)));
    parts.push(createFileRefLink(reference, document.createTextNode(text.slice(start, end))));
    last = end;
  }
  if (last < text.length) parts.push(document.createTextNode(text.slice(last)));
  node.replaceWith(...parts);
}

/** Links file references in prose and inline code; code blocks and existing links are left alone. */
export function linkifyFileRefs(root: DocumentFragment | Element): void {
  for (const code of Array.from(root.querySelectorAll('code'))) {
    if (code.closest('pre, a')) continue;
    const ref = parseFileReference(code.textContent ?? '');
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
