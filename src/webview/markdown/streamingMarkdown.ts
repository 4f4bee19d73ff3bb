/**
 * Incremental markdown rendering for a streaming answer.
 *
 * The text is split into a stable prefix of finished blocks and a tail. Only the tail is lexed
 * on each update. When the tail lexes to several top-level blocks, every block before the last
 * one is finished (markdown never reopens a block once a later one has started), so it is
 * rendered once, appended, and never parsed again. The last block is "live": it is re-rendered
 * on each update, except a growing fenced code block, whose text is extended in place and only
 * highlighted once the fence closes. Blank lines are kept in the tail, so a list or a fence that
 * contains blank lines stays live until something after it proves it ended.
 *
 * Cost per update is proportional to the size of the last block, not of the answer, and the DOM
 * work is smaller still: a block is never moved, the live block is patched rather than replaced
 * (domPatch.ts), and when it finishes exactly as last shown it is kept as it is.
 */
import type { Token } from 'marked';
import { createLiveCodeBlock } from './codeBlock';
import { isDefinition, lexBlocks, normalizeNewlines } from './markdownLexer';
import type { LinkDefinitions } from './markdownLexer';
import { patchSiblings } from './domPatch';
import { blockHtml, hasCodeBlock, renderBlockHtml } from './renderBlocks';

/**
 * Blocks are grouped into containers of this many blocks; the live block sits at the end of the
 * last one. The browser lays out and restyles the answer by walking its direct children on every
 * update; with the blocks in groups it walks a handful of groups (each laid out and painted once,
 * then reused from cache) instead of every paragraph of a long answer, so the cost of an update
 * stops growing with the answer.
 */
const BLOCKS_PER_GROUP = 32;

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

interface LiveCodeBlock {
  readonly openingLine: string;
  readonly text: Text;
}

/** A block on screen that is still growing: the HTML it was last rendered from, and its nodes. */
interface LiveBlock {
  readonly html: string;
  readonly nodes: readonly ChildNode[];
}

/** A fenced block whose closing fence has arrived, with the line break after it. */
function isClosedFence(token: Token, following: string): boolean {
  if (token.type !== 'code') return false;
  if (!token.raw.endsWith('\n') && !following.startsWith('\n')) return false;
  const lines = token.raw.replace(/\n+$/, '').split('\n');
  const open = FENCE_OPEN.exec(lines[0] ?? '');
  const close = lines.length > 1 ? FENCE_CLOSE.exec(lines[lines.length - 1] ?? '') : null;
  return !!open?.[1] && !!close?.[1] && close[1][0] === open[1][0] && close[1].length >= open[1].length;
}

export class StreamingMarkdown {
  private text = '';
  /** A delta ending in `\r` may be the first half of `\r\n`: hold it until we see the next one. */
  private carriageReturnPending = false;
  /** text[0, stableEnd) is rendered as finished blocks and never looked at again. */
  private stableEnd = 0;
  private links: LinkDefinitions = {};
  /** Reference definitions can be used before they appear; the final render then starts over. */
  private sawDefinitions = false;
  /** The blocks after the finished ones, in order, as last rendered. */
  private live: LiveBlock[] = [];
  private liveCode: LiveCodeBlock | undefined;
  private changed = false;
  /** The last group, and how many finished blocks it holds. */
  private group: HTMLElement | undefined;
  private groupSize = 0;

  constructor(private readonly container: HTMLElement) {}

  get content(): string {
    return this.text;
  }

  append(delta: string): void {
    if (delta === '') return;
    let chunk = (this.carriageReturnPending ? '\r' : '') + delta;
    this.carriageReturnPending = chunk.endsWith('\r');
    if (this.carriageReturnPending) chunk = chunk.slice(0, -1);
    this.text += normalizeNewlines(chunk);
    this.changed = true;
  }

  /** Brings the DOM up to date with the text received so far. Call at most once per frame. */
  update(): void {
    if (!this.changed) return;
    this.changed = false;
    this.renderTail(false);
  }

  /**
   * The authoritative final text. When it continues what we already rendered (the usual case),
   * only the tail is rendered; otherwise the answer is rendered again from scratch.
   */
  finish(finalText: string): void {
    const text = normalizeNewlines(finalText);
    const renderedBefore = this.stableEnd > 0;
    const keepsFinishedBlocks = text.startsWith(this.text.slice(0, this.stableEnd)) && !this.sawDefinitions;
    this.carriageReturnPending = false;
    this.changed = false;
    this.text = text;
    if (!keepsFinishedBlocks) this.reset();
    this.renderTail(true);
    if (this.sawDefinitions && keepsFinishedBlocks && renderedBefore) {
      this.reset();
      this.renderTail(true);
    }
  }

  private reset(): void {
    this.container.replaceChildren();
    this.group = undefined;
    this.groupSize = 0;
    this.stableEnd = 0;
    this.links = {};
    this.live = [];
    this.liveCode = undefined;
  }

  private renderTail(final: boolean): void {
    const tail = this.text.slice(this.stableEnd);
    const tokens = lexBlocks(tail, this.links);
    if (tokens.some(isDefinition)) this.sawDefinitions = true;
    // Offsets come from the tokens' raw text; if it ever failed to add up to the tail, nothing is
    // finished this time (correct, only slower).
    const rawAddsUp = tokens.map((token) => token.raw).join('') === tail;
    const liveFrom = final ? tokens.length : rawAddsUp ? this.firstLiveIndex(tokens, tail) : 0;
    if (liveFrom > 0) this.finishBlocks(tokens.slice(0, liveFrom));
    this.renderLive(tokens.slice(liveFrom));
  }

  /** Index of the block still growing: the last non-blank one, unless it is a closed fence. */
  private firstLiveIndex(tokens: readonly Token[], tail: string): number {
    let index = tokens.length - 1;
    while (index >= 0 && tokens[index]?.type === 'space') index--;
    if (index < 0) return tokens.length;
    const last = tokens[index] as Token;
    const end = tokens.slice(0, index + 1).reduce((sum, token) => sum + token.raw.length, 0);
    return isClosedFence(last, tail.slice(end)) ? tokens.length : index;
  }

  /**
   * The blocks that just finished are, in order, the ones shown as live last time. One that
   * finished exactly as shown stays as it is; any other is patched into its final form (code,
   * for one, gets highlighted).
   */
  private finishBlocks(tokens: readonly Token[]): void {
    const shown = this.live;
    let index = 0;
    for (const token of tokens) {
      this.stableEnd += token.raw.length;
      if (isDefinition(token)) this.links[token.tag] ??= { href: token.href, title: token.title };
      if (token.type === 'space') continue;
      const html = blockHtml(token);
      const previous = shown[index++];
      if (previous?.html !== html || hasCodeBlock(html)) this.place(previous, html, true);
      this.groupSize++;
    }
    this.live = shown.slice(index);
    if (this.liveCode && !this.live.length) this.liveCode = undefined;
  }

  private renderLive(tokens: readonly Token[]): void {
    const blocks = tokens.filter((token) => token.type !== 'space');
    const only = blocks.length === 1 ? blocks[0] : undefined;
    if (only?.type === 'code' && FENCE_OPEN.test(only.raw)) {
      const lineEnd = only.raw.indexOf('\n');
      this.renderLiveCode(lineEnd < 0 ? only.raw : only.raw.slice(0, lineEnd), only.text);
      return;
    }
    if (this.liveCode) this.removeLive();
    const before = this.live;
    this.live = blocks.map((token, index) => {
      const html = blockHtml(token);
      const previous = before[index];
      return previous?.html === html ? previous : this.place(previous, html, false, before[index + 1]);
    });
    for (const stale of before.slice(blocks.length)) for (const node of stale.nodes) node.remove();
  }

  /**
   * Renders `html` into the place of `previous` (patching its nodes), or, for a new block, at the
   * end of the last group, or before `following` when that block is still shown.
   */
  private place(previous: LiveBlock | undefined, html: string, finished: boolean, following?: LiveBlock): LiveBlock {
    const fresh = Array.from(renderBlockHtml(html, finished).childNodes);
    const next = following?.nodes[0];
    const parent = previous?.nodes[0]?.parentNode ?? next?.parentNode ?? this.lastGroup();
    // The following block may already sit in the next group; then this one ends its own group.
    const before = next?.parentNode === parent ? next : null;
    return { html, nodes: patchSiblings(parent, previous?.nodes ?? [], fresh, before) };
  }

  /** The group new blocks go into; a new one once the last holds BLOCKS_PER_GROUP finished blocks. */
  private lastGroup(): HTMLElement {
    if (!this.group || this.groupSize >= BLOCKS_PER_GROUP) {
      this.group = document.createElement('div');
      this.group.className = 'markdown-group';
      this.groupSize = 0;
      this.container.append(this.group);
    }
    return this.group;
  }

  /** Extends the growing code block in place: no parsing, no sanitizing, plain text only. */
  private renderLiveCode(openingLine: string, code: string): void {
    if (this.liveCode?.openingLine !== openingLine) {
      this.removeLive();
      const match = FENCE_OPEN.exec(openingLine);
      const { frame, text } = createLiveCodeBlock(match?.[2] ?? '');
      this.lastGroup().append(frame);
      this.live = [{ html: '', nodes: [frame] }];
      this.liveCode = { openingLine, text };
    }
    const shown = this.liveCode.text;
    if (code.startsWith(shown.data)) shown.appendData(code.slice(shown.data.length));
    else shown.data = code;
  }

  private removeLive(): void {
    for (const block of this.live) for (const node of block.nodes) node.remove();
    this.live = [];
    this.liveCode = undefined;
  }
}
