/**
 * Token probabilities on a finished answer (the `logprobs` setting). The answer's tokens are found
 * in its rendered text (tokenAlignment.ts) and wrapped in spans; hovering or focusing one shows a
 * tooltip with its probability and the alternatives the model weighed. Unlikely tokens are
 * underlined, so the doubtful parts of an answer stand out at a glance.
 *
 * Keyboard: the first token is one tab stop in the answer; the arrow keys move between tokens
 * (Home / End to the ends), Escape hides the tooltip. The tooltip is the focused token's
 * description, so a screen reader reads it too.
 *
 * A long answer has thousands of tokens: they are wrapped a slice at a time, yielding between
 * slices so the view stays responsive.
 */
import type { TokenLogprob } from '../../shared/protocol';
import { t } from '../i18n';
import { alignTokens, type TokenRange } from '../markdown/tokenAlignment';

const TOKEN_CLASS = 'token-prob';
/** Text that is not the answer's own: code toolbars, buttons, the tooltip. */
const NOT_ANSWER_TEXT = '.code-toolbar, button, .token-tip';
/** Token pieces wrapped per slice of work. */
const SLICE = 300;
/** Below these probabilities a token is marked unsure, then unlikely. */
const UNSURE = 0.5;
const UNLIKELY = 0.1;

interface Piece {
  readonly from: number;
  readonly to: number;
  readonly token: number;
}

interface TextAt {
  readonly node: Text;
  /** Offset of the node's text in the answer's joined text. */
  readonly start: number;
}

interface NodePieces {
  readonly node: Text;
  readonly pieces: Piece[];
}

let tipCount = 0;

export class TokenProbabilities {
  private tokens: readonly TokenLogprob[] = [];
  /** Bumped on every show and on dispose: slices of an older run stop. */
  private run = 0;
  private tip: HTMLElement | undefined;
  private shownFor: HTMLElement | undefined;

  /** `answer`: the rendered markdown; `host`: the message element the tooltip is placed in (positioned by its `has-token-probs` mark, messageMarks.ts). */
  constructor(
    private readonly answer: HTMLElement,
    private readonly host: HTMLElement,
  ) {
    answer.addEventListener('pointerover', (event) => {
      const token = tokenAt(event.target);
      if (token) this.showTip(token);
    });
    answer.addEventListener('pointerout', (event) => {
      const token = tokenAt(event.target);
      const to = event.relatedTarget;
      if (token && token !== document.activeElement && !(to instanceof Node && token.contains(to))) this.hideTip();
    });
    answer.addEventListener('focusin', (event) => {
      const token = tokenAt(event.target);
      if (token) this.showTip(token);
    });
    answer.addEventListener('focusout', (event) => {
      if (tokenAt(event.target)) this.hideTip();
    });
    answer.addEventListener('keydown', (event) => this.onKey(event));
  }

  /** Marks the answer's tokens (after its final render); none or an empty list removes them. */
  show(tokens: readonly TokenLogprob[] | undefined): void {
    const run = ++this.run;
    this.hideTip();
    unwrapTokens(this.answer);
    this.tokens = tokens ?? [];
    if (this.tokens.length === 0) return;
    const { nodes, text } = answerText(this.answer);
    const ranges = alignTokens(text, this.tokens.map(([token]) => token));
    this.wrapFrom(piecesByNode(nodes, ranges), 0, run);
  }

  dispose(): void {
    this.run++;
    this.tip?.remove();
  }

  private wrapFrom(groups: readonly NodePieces[], start: number, run: number): void {
    if (run !== this.run) return;
    let done = 0;
    let index = start;
    for (; index < groups.length && done < SLICE; index++) {
      const group = groups[index] as NodePieces;
      this.wrapNode(group, index === 0);
      done += group.pieces.length;
    }
    if (index < groups.length) setTimeout(() => this.wrapFrom(groups, index, run), 0);
  }

  private wrapNode({ node, pieces }: NodePieces, first: boolean): void {
    if (!node.parentNode) return;
    const data = node.data;
    const fragment = document.createDocumentFragment();
    let at = 0;
    for (const piece of pieces) {
      if (piece.from > at) fragment.append(data.slice(at, piece.from));
      fragment.append(this.tokenSpan(data.slice(piece.from, piece.to), piece.token, first && piece === pieces[0]));
      at = piece.to;
    }
    if (at < data.length) fragment.append(data.slice(at));
    node.replaceWith(fragment);
  }

  private tokenSpan(text: string, token: number, tabStop: boolean): HTMLElement {
    const span = document.createElement('span');
    const probability = Math.exp(this.tokens[token]?.[1] ?? 0);
    span.className = probability < UNLIKELY ? `${TOKEN_CLASS} token-unlikely` : probability < UNSURE ? `${TOKEN_CLASS} token-unsure` : TOKEN_CLASS;
    span.dataset.token = String(token);
    span.textContent = text;
    if (tabStop) span.tabIndex = 0;
    return span;
  }

  private onKey(event: KeyboardEvent): void {
    const token = tokenAt(event.target);
    if (!token) return;
    if (event.key === 'Escape') {
      this.hideTip();
      return;
    }
    const spans = Array.from(this.answer.querySelectorAll<HTMLElement>(`.${TOKEN_CLASS}`));
    const at = spans.indexOf(token);
    let next: HTMLElement | undefined;
    if (event.key === 'ArrowRight') next = spans.slice(at + 1).find((span) => span.dataset.token !== token.dataset.token);
    else if (event.key === 'ArrowLeft') next = spans.slice(0, Math.max(0, at)).reverse().find((span) => span.dataset.token !== token.dataset.token);
    else if (event.key === 'Home') next = spans[0];
    else if (event.key === 'End') next = spans.at(-1);
    else return;
    event.preventDefault();
    if (!next || next === token) return;
    // One tab stop: the focused token holds it, so Tab leaves the answer and Shift+Tab comes back here.
    token.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  }

  private showTip(token: HTMLElement): void {
    const entry = this.tokens[Number(token.dataset.token)];
    if (!entry) return;
    const tip = this.ensureTip();
    tip.replaceChildren(...tipContent(entry));
    tip.hidden = false;
    this.shownFor?.removeAttribute('aria-describedby');
    token.setAttribute('aria-describedby', tip.id);
    this.shownFor = token;
    const box = token.getBoundingClientRect();
    const frame = this.host.getBoundingClientRect();
    const left = Math.min(box.left - frame.left, Math.max(0, frame.width - tip.offsetWidth));
    tip.style.left = `${Math.max(0, left)}px`;
    tip.style.top = `${box.bottom - frame.top + 4}px`;
  }

  private hideTip(): void {
    if (this.tip) this.tip.hidden = true;
    this.shownFor?.removeAttribute('aria-describedby');
    this.shownFor = undefined;
  }

  private ensureTip(): HTMLElement {
    if (this.tip) return this.tip;
    const tip = document.createElement('div');
    tip.className = 'token-tip';
    tip.id = `token-tip-${++tipCount}`;
    tip.setAttribute('role', 'tooltip');
    tip.hidden = true;
    this.host.append(tip);
    this.tip = tip;
    return tip;
  }
}

function tokenAt(target: EventTarget | null): HTMLElement | undefined {
  return target instanceof Element ? (target.closest<HTMLElement>(`.${TOKEN_CLASS}`) ?? undefined) : undefined;
}

/** A probability as the tooltip shows it: one decimal, "<0.1" for the vanishingly small. */
export function percent(logprob: number): string {
  const value = Math.exp(logprob) * 100;
  return value < 0.05 ? '<0.1' : value.toFixed(1);
}

/** Whitespace made visible, so " the" and "the" (and a newline) can be told apart. */
function visible(token: string): string {
  return token.replace(/ /g, '␣').replace(/\n/g, '↵').replace(/\t/g, '⇥') || '∅';
}

function tipContent([token, logprob, alternatives]: TokenLogprob): HTMLElement[] {
  const head = document.createElement('div');
  head.className = 'token-tip-head';
  head.append(tokenText(token), ' ', t('Probability {0} %', percent(logprob)));
  if (!alternatives?.length) return [head];
  const label = document.createElement('div');
  label.className = 'token-tip-label';
  label.textContent = t('Alternatives');
  const list = document.createElement('ol');
  list.className = 'token-tip-alternatives';
  for (const [alternative, altLogprob] of alternatives) {
    const item = document.createElement('li');
    if (alternative === token) item.className = 'chosen';
    item.append(tokenText(alternative), ' ', t('{0} %', percent(altLogprob)));
    list.append(item);
  }
  return [head, label, list];
}

function tokenText(token: string): HTMLElement {
  const code = document.createElement('code');
  code.className = 'token-tip-token';
  code.textContent = visible(token);
  return code;
}

/** The answer's text nodes in order, with their text joined. */
function answerText(root: HTMLElement): { nodes: TextAt[]; text: string } {
  const nodes: TextAt[] = [];
  let text = '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(NOT_ANSWER_TEXT) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (data === '') continue;
    nodes.push({ node: node as Text, start: text.length });
    text += data;
  }
  return { nodes, text };
}

/** The token ranges cut at text node boundaries, grouped by node, in document order. */
function piecesByNode(nodes: readonly TextAt[], ranges: readonly TokenRange[]): NodePieces[] {
  const groups: NodePieces[] = [];
  const endOf = (text: TextAt): number => text.start + text.node.data.length;
  let at = 0;
  for (const range of ranges) {
    while (at < nodes.length && endOf(nodes[at] as TextAt) <= range.start) at++;
    for (let index = at; index < nodes.length; index++) {
      const { node, start } = nodes[index] as TextAt;
      if (start >= range.end) break;
      const from = Math.max(range.start, start) - start;
      const to = Math.min(range.end, start + node.data.length) - start;
      if (to <= from) continue;
      const last = groups.at(-1);
      if (last?.node === node) last.pieces.push({ from, to, token: range.token });
      else groups.push({ node, pieces: [{ from, to, token: range.token }] });
    }
  }
  return groups;
}

/** Removes the token spans, leaving the text as rendered. */
function unwrapTokens(root: HTMLElement): void {
  const spans = root.querySelectorAll(`.${TOKEN_CLASS}`);
  if (spans.length === 0) return;
  for (const span of Array.from(spans)) span.replaceWith(span.textContent ?? '');
  root.normalize();
}
