/**
 * Which code an answer is about. A code action's answer belongs to the lines it was asked about;
 * Apply on that answer must replace exactly those lines, wherever the user has gone since. The
 * range is followed through edits (see TrackedRange), so edits elsewhere do not break it and
 * edits inside it are detected.
 */
import * as vscode from 'vscode';
import { TrackedRange } from '../../core/codeActions/trackedRange';

export interface CodeOrigin {
  readonly uri: vscode.Uri;
  readonly originalText: string;
  readonly version: number;
  readonly tracked: TrackedRange;
  /** Text of the range's first line and its start column, for re-indenting the proposal. */
  readonly startLineText: string;
  readonly startCharacter: number;
}

/** Keeps origins of recent answers only: an old answer's lines are long gone anyway. */
const MAX_ORIGINS = 50;

export class OriginRegistry implements vscode.Disposable {
  private readonly byMessage = new Map<string, CodeOrigin>();
  private readonly live = new Set<CodeOrigin>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeTextDocument((event) => this.follow(event));
  }

  /** Starts following `range` of `document`; returns the origin for `remember`. */
  track(document: vscode.TextDocument, range: vscode.Range): CodeOrigin {
    const origin: CodeOrigin = {
      uri: document.uri,
      originalText: document.getText(range),
      version: document.version,
      tracked: new TrackedRange(document.offsetAt(range.start), document.offsetAt(range.end)),
      startLineText: document.lineAt(range.start.line).text,
      startCharacter: range.start.character,
    };
    this.live.add(origin);
    this.trim();
    return origin;
  }

  remember(messageId: string, origin: CodeOrigin): void {
    this.byMessage.delete(messageId);
    this.byMessage.set(messageId, origin);
    this.trim();
  }

  forMessage(messageId: string): CodeOrigin | undefined {
    return this.byMessage.get(messageId);
  }

  /** Stops following an origin no answer refers to (e.g. an Apply that ended). */
  release(origin: CodeOrigin): void {
    if (![...this.byMessage.values()].includes(origin)) this.live.delete(origin);
  }

  private trim(): void {
    while (this.byMessage.size > MAX_ORIGINS) {
      const oldest = this.byMessage.keys().next().value;
      if (oldest === undefined) break;
      const origin = this.byMessage.get(oldest);
      this.byMessage.delete(oldest);
      if (origin) this.release(origin);
    }
    while (this.live.size > MAX_ORIGINS * 2) {
      const oldest = this.live.values().next().value;
      if (oldest === undefined) break;
      this.live.delete(oldest);
    }
  }

  private follow(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0) return;
    const key = event.document.uri.toString();
    // VS Code reports one event's changes against the document before the event, last first.
    const changes = [...event.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset);
    for (const origin of this.live) {
      if (origin.uri.toString() !== key) continue;
      for (const change of changes) origin.tracked.apply({ offset: change.rangeOffset, length: change.rangeLength, insertedLength: change.text.length });
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.byMessage.clear();
    this.live.clear();
  }
}
