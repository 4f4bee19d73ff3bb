/**
 * Brings rendered DOM in line with a freshly rendered (sanitized) copy while changing as little
 * as possible. The block that is still growing is re-rendered on every update; replacing it
 * wholesale would make the browser rebuild its style and layout objects and reshape all of its
 * text each time. Patched instead, a growing paragraph usually changes one text node, which the
 * browser lays out incrementally.
 *
 * Every node and attribute written here comes from `next`, which went through the sanitizer, so
 * patching cannot introduce anything the sanitizer did not allow.
 */

function sameKind(current: Node, next: Node): boolean {
  return current.nodeType === next.nodeType && current.nodeName === next.nodeName;
}

function patchAttributes(current: Element, next: Element): void {
  const names = next.getAttributeNames();
  // Not the same names in the same order (a reused link now a file reference): all go, so the
  // element ends as a one-shot render makes it, down to the order its attributes serialize in.
  const had = current.getAttributeNames();
  if (had.join() !== names.join()) for (const name of had) current.removeAttribute(name);
  for (const name of names) {
    const value = next.getAttribute(name) ?? '';
    if (current.getAttribute(name) !== value) current.setAttribute(name, value);
  }
}

function patchText(current: CharacterData, next: CharacterData): void {
  if (current.data === next.data) return;
  // Appending keeps the browser's work proportional to the new text.
  if (next.data.startsWith(current.data)) current.appendData(next.data.slice(current.data.length));
  else current.data = next.data;
}

/** Patches `current` into `next`'s shape; returns the node now in the document. */
function patchNode(current: ChildNode, next: ChildNode): ChildNode {
  if (!sameKind(current, next)) {
    current.replaceWith(next);
    return next;
  }
  if (current instanceof CharacterData && next instanceof CharacterData) {
    patchText(current, next);
  } else if (current instanceof Element && next instanceof Element) {
    patchAttributes(current, next);
    patchSiblings(current, Array.from(current.childNodes), Array.from(next.childNodes), null);
  }
  return current;
}

/**
 * Makes the sibling run `current` (in `parent`, in order) look like `next`. New nodes are
 * inserted before `before`. Returns the run as it is now in the document.
 */
export function patchSiblings(parent: Node, current: readonly ChildNode[], next: readonly ChildNode[], before: Node | null): ChildNode[] {
  const result = next.map((node, index) => {
    const existing = current[index];
    if (existing) return patchNode(existing, node);
    parent.insertBefore(node, before);
    return node;
  });
  for (const extra of current.slice(next.length)) extra.remove();
  return result;
}
