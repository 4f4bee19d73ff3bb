/**
 * Adds every answer's cost to today's and this month's spend, kept in globalState (on this
 * computer only), and tells the status bar. The cost is the answer's own figure (exact, BYOK
 * aware); a stopped or failed answer counts what OpenRouter billed for it, which comes later.
 */
import * as vscode from 'vscode';
import { recordSpend, spendOf, summarizeSpend, type SpendState, type SpendSummary } from '../core/spend/spendLedger';
import type { HostMessage } from '../shared/protocol';

const SPEND_KEY = 'openrouterChat.spend';

export class SpendTracker implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {}

  /** Watches what the host posts to the view: an ended answer's cost, when it is known (see spendOf). */
  observe(message: HostMessage): void {
    const cost = spendOf(message);
    if (cost === undefined) return;
    const next = recordSpend(this.memento.get<SpendState>(SPEND_KEY), cost, new Date());
    void Promise.resolve(this.memento.update(SPEND_KEY, next)).then(() => this.changed.fire());
  }

  summary(): SpendSummary {
    return summarizeSpend(this.memento.get(SPEND_KEY), new Date());
  }

  dispose(): void {
    this.changed.dispose();
  }
}
