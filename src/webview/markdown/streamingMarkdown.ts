/**
 * Incremental markdown rendering for a streaming answer.
 *
 * The text is split into a stable prefix of final blocks and a tail. Only the tail is lexed on
 * each update. Leading blocks of the tail become final once no later text can change them
 * (finalBlocks.ts): they are rendered once and never parsed again. The blocks after them are
 * "live": re-rendered on each update, except a growing fenced code block, whose text is extended
 * in place and only highlighted once the fence closes.
 *
 * Streaming may show a provisional view (a block that is still growing, a reference whose
 * definition has not arrived); the end state may not. `finish` renders the final text so that
 * the DOM is exactly that of rendering it once: the tail is rendered as final, and when the answer
 * defines references (which can change blocks already shown) every block is rendered again,
 * keeping the ones that come out the same.
 *
 * Cost per update is proportional to the size of the live blocks, not of the answer, and the DOM
 * work is smaller still: a block is never moved, a live block is patched rather than replaced
 * (domPatch.ts), and when it finishes exactly as last shown it is kept as it is.
 */
import type { Token } from 'marked';
import { BlockList } from './blockList';
import { createLiveCodeBlock } from './codeBlock';
import { FENCE_OPEN } from './fences';
import { countFinalTokens } from './finalBlocks';
import { isDefinition, lexBlocks, normalizeNewlines } from './markdownLexer';
import type { LinkDefinitions } from './markdownLexer';
import { blockHtml } from './renderBlocks';

interface LiveCodeBlock {
  readonly openingLine: string;
  readonly text: Text;
}

export class StreamingMarkdown {
  private text = '';
  /**
   * text[stableEnd, end): what the next update lexes, kept apart so an update never touches the
   * whole text. (Slicing the whole text would copy it each time: appended to piece by piece it is
   * a rope, which a slice first flattens; at 1 MB that was a millisecond an update, and garbage.)
   */
  private tail = '';
  /** A delta ending in `\r` may be the first half of `\r\n`: hold it until we see the next one. */
  private carriageReturnPending = false;
  /** text[0, stableEnd) is rendered as final blocks and never looked at again while streaming. */
  private stableEnd = 0;
  /** How many blocks on screen are final; the live ones follow them. */
  private finalBlocks = 0;
  private links: LinkDefinitions = {};
  /** Reference definitions can be used before they appear; the final render then starts over. */
  private sawDefinitions = false;
  /** The growing fenced block, shown as the first live block. */
  private liveCode: LiveCodeBlock | undefined;
  private changed = false;
  private readonly blocks: BlockList;

  constructor(container: HTMLElement) {
    this.blocks = new BlockList(container);
  }

  get content(): string {
    return this.text;
  }

  append(delta: string): void {
    if (delta === '') return;
    let chunk = (this.carriageReturnPending ? '\r' : '') + delta;
    this.carriageReturnPending = chunk.endsWith('\r');
    if (this.carriageReturnPending) chunk = chunk.slice(0, -1);
    const normalized = normalizeNewlines(chunk);
    this.text += normalized;
    this.tail += normalized;
    this.changed = true;
  }

  /** Brings the DOM up to date with the text received so far. Call at most once per frame. */
  update(): void {
    if (!this.changed) return;
    this.changed = false;
    this.renderTail(false);
  }

  /**
   * The authoritative final text. Afterwards the DOM is the one-shot render of it. When it
   * continues what we already rendered (the usual case), only the tail is rendered; otherwise,
   * or when the answer defines references, every block is rendered again.
   */
  finish(finalText: string): void {
    const text = normalizeNewlines(finalText);
    const continues = text.startsWith(this.text.slice(0, this.stableEnd));
    this.carriageReturnPending = false;
    this.changed = false;
    this.text = text;
    this.tail = text.slice(this.stableEnd);
    if (!continues || this.sawDefinitions) this.startOver();
    const fromTheStart = this.stableEnd === 0;
    this.renderTail(true);
    if (this.sawDefinitions && !fromTheStart) {
      this.startOver();
      this.renderTail(true);
    }
  }

  /** The next render starts from the first block; blocks that come out the same stay as they are. */
  private startOver(): void {
    this.stableEnd = 0;
    this.tail = this.text;
    this.finalBlocks = 0;
    this.links = {};
    this.liveCode = undefined;
  }

  private renderTail(final: boolean): void {
    const tail = this.tail;
    const tailStart = this.stableEnd;
    const { tokens, links } = lexBlocks(tail, this.links);
    if (Object.keys(links).length > 0) this.sawDefinitions = true;
    // Offsets come from the tokens' raw text; if it ever failed to add up to the tail, nothing is
    // final this time (correct, only slower).
    const rawAddsUp = tokens.map((token) => token.raw).join('') === tail;
    const finalCount = final ? tokens.length : rawAddsUp ? countFinalTokens(tokens, tail, this.links) : 0;
    this.finishBlocks(tokens.slice(0, finalCount));
    this.tail = tail.slice(this.stableEnd - tailStart);
    if (final) {
      this.stableEnd = this.text.length;
      this.tail = '';
    }
    this.renderLive(tokens.slice(finalCount));
  }

  /**
   * The blocks that just became final are, in order, the first ones shown as live. One that
   * finished exactly as shown stays as it is; any other is patched into its final form (code,
   * for one, gets highlighted).
   */
  private finishBlocks(tokens: readonly Token[]): void {
    for (const token of tokens) {
      this.stableEnd += token.raw.length;
      if (isDefinition(token)) this.links[token.tag] ??= { href: token.href, title: token.title };
      if (token.type === 'space') continue;
      this.blocks.show(this.finalBlocks++, blockHtml(token), true);
      this.liveCode = undefined;
    }
  }

  private renderLive(tokens: readonly Token[]): void {
    const live = tokens.filter((token) => token.type !== 'space');
    const only = live.length === 1 ? live[0] : undefined;
    if (only?.type === 'code' && FENCE_OPEN.test(only.raw)) {
      const lineEnd = only.raw.indexOf('\n');
      this.renderLiveCode(lineEnd < 0 ? only.raw : only.raw.slice(0, lineEnd), only.text);
      return;
    }
    this.liveCode = undefined;
    live.forEach((token, index) => this.blocks.show(this.finalBlocks + index, blockHtml(token), false));
    this.blocks.truncate(this.finalBlocks + live.length);
  }

  /** Extends the growing code block in place: no parsing, no sanitizing, plain text only. */
  private renderLiveCode(openingLine: string, code: string): void {
    if (this.liveCode?.openingLine !== openingLine) {
      const match = FENCE_OPEN.exec(openingLine);
      const { frame, text } = createLiveCodeBlock(match?.[2] ?? '');
      this.blocks.showNode(this.finalBlocks, frame);
      this.liveCode = { openingLine, text };
    }
    this.blocks.truncate(this.finalBlocks + 1);
    const shown = this.liveCode.text;
    if (code.startsWith(shown.data)) shown.appendData(code.slice(shown.data.length));
    else shown.data = code;
  }
}
