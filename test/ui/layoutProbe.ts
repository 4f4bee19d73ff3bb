/**
 * Issue 23's layout check, run inside the chat's frame (it is passed to `evaluate`, so it uses
 * nothing from outside its own body): the header and the composer's row each stay on one line,
 * and no text overflows its box or runs past the view's edge. Text cut with an ellipsis and code
 * in a horizontal scroller are what the view means to do, and pass. Returns the problems found.
 */
export function findLayoutProblems(): string[] {
  const problems: string[] = [];
  const viewWidth = document.documentElement.clientWidth;
  const describe = (element: Element): string => {
    const classes = typeof element.className === 'string' && element.className ? `.${element.className.trim().split(/\s+/).join('.')}` : '';
    const text = (element.textContent ?? '').trim().slice(0, 30);
    return `<${element.tagName.toLowerCase()}${classes}> "${text}"`;
  };
  const shown = (element: Element): boolean => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  for (const selector of ['.header', '.composer-actions']) {
    const row = document.querySelector(selector);
    if (!row || !shown(row)) {
      problems.push(`${selector} is not shown`);
      continue;
    }
    const boxes = Array.from(row.children).filter(shown).map((child) => child.getBoundingClientRect());
    const firstBottom = Math.min(...boxes.map((box) => box.bottom));
    if (boxes.some((box) => box.top >= firstBottom - 1)) problems.push(`${selector} wraps onto a second line`);
    if (row.getBoundingClientRect().right > viewWidth + 1) problems.push(`${selector} is wider than the view`);
  }
  for (const element of Array.from(document.querySelectorAll('body *'))) {
    if (!shown(element)) continue;
    const ownText = Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
    if (!ownText) continue;
    const style = getComputedStyle(element);
    const inScroller = element.closest('pre, .code-block, textarea') !== null;
    const box = element.getBoundingClientRect();
    if (box.right > viewWidth + 1 && !inScroller) problems.push(`${describe(element)} runs past the view's edge (${Math.round(box.right)} > ${viewWidth})`);
    if (style.display === 'inline' || inScroller) continue;
    const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
    const ellipsis = style.textOverflow === 'ellipsis' && style.overflowX === 'hidden';
    if (element.scrollWidth > element.clientWidth + 1 && !scrolls && !ellipsis) problems.push(`${describe(element)} overflows its box (${element.scrollWidth} > ${element.clientWidth})`);
  }
  return problems;
}
