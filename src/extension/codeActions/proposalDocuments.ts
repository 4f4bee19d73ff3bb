/**
 * Read-only virtual documents holding a proposed version of a file, the right side of the Apply
 * diff. The URI keeps the original file name so the diff gets its syntax colouring.
 */
import * as vscode from 'vscode';

export const PROPOSAL_SCHEME = 'openrouter-proposal';

export class ProposalDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  /** Stores `text` and returns the URI that shows it. */
  create(original: vscode.Uri, text: string): vscode.Uri {
    const id = `${Date.now().toString(36)}-${++this.counter}`;
    const name = original.path.split('/').pop() || 'proposal';
    const uri = vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: `/${id}/${name}`, query: id });
    this.contents.set(uri.toString(), text);
    return uri;
  }

  update(uri: vscode.Uri, text: string): void {
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  delete(uri: vscode.Uri): void {
    this.contents.delete(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.contents.clear();
    this.changed.dispose();
  }
}
