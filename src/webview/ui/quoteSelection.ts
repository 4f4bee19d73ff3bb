/**
 * Quote: select text inside an answer and a Quote button appears; it puts the selection into the
 * Message box as a Markdown quote, after whatever is typed there, ready for the follow-up.
 */
import { button } from '../dom';
import { t } from '../i18n';

/** `text` as Markdown quote lines, followed by an empty line for the reply. */
export function asQuote(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').trim().split('\n');
  return `${lines.map((line) => (line === '' ? '>' : `> ${line}`)).join('\n')}\n\n`;
}

export class QuoteSelection {
  readonly element: HTMLButtonElement;
  private selected = '';

  /** `onQuote` gets the quote to add to the draft. */
  constructor(
    private readonly conversation: HTMLElement,
    onQuote: (quote: string) => void,
  ) {
    this.element = button(t('Quote'), () => {
      if (this.selected) onQuote(asQuote(this.selected));
      this.hide();
      window.getSelection()?.removeAllRanges();
    }, 'button quote-selection');
    // Pressing the button must not clear the selection it quotes.
    this.element.addEventListener('mousedown', (event) => event.preventDefault());
    this.element.hidden = true;
    document.addEventListener('selectionchange', () => this.update());
  }

  private update(): void {
    const selection = window.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
    const text = selection?.toString().trim() ?? '';
    const answer = range ? answerOf(range.commonAncestorContainer) : undefined;
    if (!range || text === '' || !answer || !this.conversation.contains(answer)) return this.hide();
    this.selected = text;
    const box = range.getBoundingClientRect();
    const frame = this.conversation.getBoundingClientRect();
    this.element.style.top = `${Math.max(0, box.bottom - frame.top + 4)}px`;
    this.element.style.left = `${Math.max(0, Math.min(box.left - frame.left, frame.width - 80))}px`;
    this.element.hidden = false;
  }

  private hide(): void {
    this.selected = '';
    this.element.hidden = true;
  }
}

function answerOf(node: Node): Element | undefined {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest('.message-assistant .markdown-body') ?? undefined;
}
