/**
 * The ranges this window follows through edits. A code action's answer belongs to the lines it
 * was asked about; the question stores them (core/codeActions/codeOrigin), and while this window
 * runs the range is also followed live (see TrackedRange), so edits above it move it and edits
 * inside it are detected even when the same text stands twice in the file.
 *
 * A live range is linked to the very CodeOrigin object the chat holds on its question. A reload,
 * or a chat read back from disk, holds a new object with no live range: Apply then finds the
 * place from the stored text alone.
 */
import * as vscode from 'vscode';
import type { CodeOrigin } from '../../core/codeActions/codeOrigin';
import { TrackedRange } from '../../core/codeActions/trackedRange';

export interface LiveOrigin {
  readonly uri: vscode.Uri;
  readonly originalText: string;
  readonly version: number;
  readonly tracked: TrackedRange;
}

/** Keeps live ranges of recent questions only: an old question's lines are long gone anyway. */
const MAX_ORIGINS = 50;

export class OriginRegistry implements vscode.Disposable {
  private readonly byOrigin = new Map<CodeOrigin, LiveOrigin>();
  private readonly live = new Set<LiveOrigin>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeTextDocument((event) => this.follow(event));
  }

  /** Starts following `range` of `document`. */
  track(document: vscode.TextDocument, range: vscode.Range): LiveOrigin {
    const origin: LiveOrigin = {
      uri: document.uri,
      originalText: document.getText(range),
      version: document.version,
      tracked: new TrackedRange(document.offsetAt(range.start), document.offsetAt(range.end)),
    };
    this.live.add(origin);
    this.trim();
    return origin;
  }

  /** What a question stores: where `live` is now, with its original text. */
  stored(document: vscode.TextDocument, live: LiveOrigin): CodeOrigin {
    const start = document.positionAt(live.tracked.start);
    const end = document.positionAt(live.tracked.end);
    return { uri: document.uri.toString(), start: live.tracked.start, end: live.tracked.end, startLine: start.line + 1, endLine: end.line + 1, version: live.version, text: live.originalText };
  }

  /** Links a question's stored origin to the range this window follows for it. */
  link(origin: CodeOrigin, live: LiveOrigin): void {
    this.byOrigin.delete(origin);
    this.byOrigin.set(origin, live);
    this.trim();
  }

  liveFor(origin: CodeOrigin): LiveOrigin | undefined {
    return this.byOrigin.get(origin);
  }

  /** Stops following a range no question refers to (e.g. an Apply that ended). */
  release(origin: LiveOrigin): void {
    if (![...this.byOrigin.values()].includes(origin)) this.live.delete(origin);
  }

  private trim(): void {
    while (this.byOrigin.size > MAX_ORIGINS) {
      const oldest = this.byOrigin.keys().next().value;
      if (oldest === undefined) break;
      const origin = this.byOrigin.get(oldest);
      this.byOrigin.delete(oldest);
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
    this.byOrigin.clear();
    this.live.clear();
  }
}
