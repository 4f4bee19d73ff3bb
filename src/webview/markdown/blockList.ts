/**
 * The blocks of one answer as they are on screen, in order, and the groups that hold them.
 *
 * Block `i` always sits in group `floor(i / BLOCKS_PER_GROUP)`, whichever way it got there
 * (streamed, finished, or rendered in one go), so an answer that ends with the same blocks ends
 * with the same DOM. Blocks are addressed by index: showing a block where one is already shown
 * patches it in place (domPatch.ts) or keeps it when it is unchanged.
 */
import { patchSiblings } from './domPatch';
import { hasCodeBlock, renderBlockHtml } from './renderBlocks';

/**
 * Blocks are grouped into containers of this many blocks. The browser lays out and restyles the
 * answer by walking its direct children on every update; with the blocks in groups it walks a
 * handful of groups (each laid out and painted once, then reused from cache) instead of every
 * paragraph of a long answer, so the cost of an update stops growing with the answer.
 */
const BLOCKS_PER_GROUP = 32;

interface ShownBlock {
  /** The HTML the block was rendered from ('' for a growing code block, which has its own DOM). */
  readonly html: string;
  readonly nodes: readonly ChildNode[];
  /** Rendered as finished (code highlighted), not as a growing block. */
  readonly finished: boolean;
}

export class BlockList {
  private readonly blocks: ShownBlock[] = [];
  private readonly groups: HTMLElement[] = [];

  constructor(private readonly container: HTMLElement) {}

  get length(): number {
    return this.blocks.length;
  }

  /**
   * Shows `html` as block `index` (at most one past the last). A block already shown from the
   * same HTML is kept as it is, unless it now finishes and holds code (which gets highlighted).
   */
  show(index: number, html: string, finished: boolean): void {
    const shown = this.blocks[index];
    if (shown?.html === html && (shown.finished || !finished || !hasCodeBlock(html))) {
      if (finished && !shown.finished) this.blocks[index] = { ...shown, finished };
      return;
    }
    const fresh = Array.from(renderBlockHtml(html, finished).childNodes);
    const group = this.groupFor(index);
    const nodes = patchSiblings(group, shown?.nodes ?? [], fresh, this.nodeAfter(index, group));
    this.blocks[index] = { html, nodes, finished };
  }

  /** Shows a node we build and grow ourselves (a growing code block) as block `index`, replacing what was there. */
  showNode(index: number, node: ChildNode): void {
    const group = this.groupFor(index);
    group.insertBefore(node, this.blocks[index]?.nodes[0] ?? this.nodeAfter(index, group));
    for (const old of this.blocks[index]?.nodes ?? []) old.remove();
    this.blocks[index] = { html: '', nodes: [node], finished: false };
  }

  /** Removes every block from `length` on, and the groups left empty. */
  truncate(length: number): void {
    for (const block of this.blocks.splice(length)) for (const node of block.nodes) node.remove();
    for (const group of this.groups.splice(Math.ceil(length / BLOCKS_PER_GROUP))) group.remove();
  }

  private groupFor(index: number): HTMLElement {
    const wanted = Math.floor(index / BLOCKS_PER_GROUP);
    while (this.groups.length <= wanted) {
      const group = document.createElement('div');
      group.className = 'markdown-group';
      this.container.append(group);
      this.groups.push(group);
    }
    return this.groups[wanted] as HTMLElement;
  }

  /** Where new nodes of block `index` go: before the first node of a later block in the same group. */
  private nodeAfter(index: number, group: HTMLElement): ChildNode | null {
    for (let later = index + 1; later < this.blocks.length; later++) {
      const first = this.blocks[later]?.nodes[0];
      if (first) return first.parentNode === group ? first : null;
    }
    return null;
  }
}
