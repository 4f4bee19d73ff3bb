/**
 * Slash commands in the Message box. Typing `/` at the start opens a `listbox` "Commands" of the
 * commands that begin with what is typed; Up/Down choose, Enter or Tab runs, Esc closes. The
 * selection commands act on the editor's selection exactly as the context-menu commands do.
 */
import type { WebviewMessage } from '../../../shared/protocol';
import { el } from '../../dom';
import { t } from '../../i18n';
import type { WebviewString } from '../../../shared/webviewStrings';

interface SlashCommand {
  readonly name: string;
  readonly description: WebviewString;
  readonly message: WebviewMessage;
}

const COMMANDS: readonly SlashCommand[] = [
  { name: '/explain', description: 'Explain the selected code', message: { type: 'selectionCommand', command: 'explain' } },
  { name: '/fix', description: 'Fix the selected code', message: { type: 'selectionCommand', command: 'fix' } },
  { name: '/tests', description: 'Write tests for the selected code', message: { type: 'selectionCommand', command: 'tests' } },
  { name: '/doc', description: 'Document the selected code', message: { type: 'selectionCommand', command: 'doc' } },
  { name: '/new', description: 'Start a new chat', message: { type: 'newChat' } },
  { name: '/model', description: 'Choose the model for this chat', message: { type: 'pickChatModel' } },
  { name: '/compact', description: 'Summarize the earlier messages into one, to save context', message: { type: 'compact' } },
];

/** The commands offered for what is typed: only while it is one word starting with `/`. */
export function matchingCommands(text: string): readonly SlashCommand[] {
  if (!/^\/\S*$/.test(text)) return [];
  const typed = text.toLowerCase();
  return COMMANDS.filter((command) => command.name.startsWith(typed));
}

export class SlashCommands {
  readonly element: HTMLElement;
  private shown: readonly SlashCommand[] = [];
  private active = 0;

  constructor(
    private readonly input: HTMLTextAreaElement,
    /** Runs the chosen command; the app clears the box. */
    private readonly run: (message: WebviewMessage) => void,
  ) {
    this.element = el('ul', { className: 'slash-commands', attrs: { role: 'listbox', 'aria-label': t('Commands'), id: 'slash-commands' } });
    this.element.hidden = true;
    input.addEventListener('input', () => this.refresh());
    input.addEventListener('blur', () => this.close());
  }

  /** Keys the popup takes before the composer sees them (the app listens in the capture phase). */
  handleKey(event: KeyboardEvent): void {
    if (this.element.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      this.active = (this.active + (event.key === 'ArrowDown' ? 1 : this.shown.length - 1)) % this.shown.length;
      this.render();
    } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      this.choose(this.active);
    } else if (event.key === 'Escape') {
      this.close();
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  private refresh(): void {
    this.shown = matchingCommands(this.input.value);
    this.active = 0;
    this.render();
  }

  private choose(index: number): void {
    const command = this.shown[index];
    this.close();
    if (command) this.run(command.message);
  }

  private close(): void {
    this.shown = [];
    this.render();
  }

  private render(): void {
    const open = this.shown.length > 0;
    this.element.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    if (open) this.input.setAttribute('aria-controls', 'slash-commands');
    this.element.replaceChildren(
      ...this.shown.map((command, index) => {
        const option = el(
          'li',
          { className: 'slash-command', attrs: { role: 'option', id: `slash-${command.name.slice(1)}`, 'aria-selected': String(index === this.active) } },
          el('span', { className: 'slash-name', text: command.name }),
          el('span', { className: 'slash-description', text: t(command.description) }),
        );
        // mousedown, not click: the box must not lose focus (which would close the list) first.
        option.addEventListener('mousedown', (event) => {
          event.preventDefault();
          this.choose(index);
        });
        return option;
      }),
    );
    const active = this.shown[this.active];
    if (open && active) this.input.setAttribute('aria-activedescendant', `slash-${active.name.slice(1)}`);
    else this.input.removeAttribute('aria-activedescendant');
  }
}
