/**
 * Writes an inline edit's text into its range, in order, one `editor.edit` at a time, and knows
 * which document changes were its own. The undo trick: streaming writes join one undo element
 * (no undo stops between them), the final restore closes it with a net effect of nothing, and
 * the accepted text is then written as its own element, so ONE Undo goes back to the original.
 */
import type * as vscode from 'vscode';
import { TrackedRange } from '../../core/codeActions/trackedRange';
import { rangeOfOffsets } from './editGuards';

/** `noEditor`: no visible editor shows the document (hidden or closed); nothing was written. */
export type WriteResult = 'ok' | 'noEditor' | 'refused';

export interface WriteStops {
  readonly undoStopBefore: boolean;
  readonly undoStopAfter: boolean;
}

interface ExpectedChange {
  readonly offset: number;
  readonly length: number;
  /** What the range holds once our write landed. */
  readonly text: string;
}

export class InlineEditWriter {
  private chain: Promise<WriteResult> = Promise.resolve('ok');
  private expected: ExpectedChange | undefined;
  /** Where the text we wrote sits; foreign edits before it move it, edits into it are noted. */
  readonly range: TrackedRange;
  private written: string;
  private wroteAnything = false;

  constructor(
    readonly document: vscode.TextDocument,
    startOffset: number,
    readonly originalText: string,
    private readonly editorFor: () => vscode.TextEditor | undefined,
  ) {
    this.range = new TrackedRange(startOffset, startOffset + originalText.length);
    this.written = originalText;
  }

  get currentText(): string {
    return this.written;
  }

  get hasWritten(): boolean {
    return this.wroteAnything;
  }

  /** Queues a write of `text` over the range, after the writes already queued. */
  write(text: string, stops: WriteStops): Promise<WriteResult> {
    this.chain = this.chain.then(() => this.writeNow(text, stops));
    return this.chain;
  }

  /** Waits for queued writes. */
  async settled(): Promise<void> {
    await this.chain;
  }

  private async writeNow(text: string, stops: WriteStops): Promise<WriteResult> {
    if (text === this.written && (!stops.undoStopAfter || !this.wroteAnything)) return 'ok';
    if (this.document.isClosed || this.range.touched) return 'refused';
    const editor = this.editorFor();
    if (!editor) return 'noEditor';
    const range = rangeOfOffsets(this.document, this.range.start, this.range.end);
    this.expected = { offset: this.range.start, length: this.range.end - this.range.start, text };
    try {
      const ok = await editor.edit((edit) => edit.replace(range, text), { undoStopBefore: stops.undoStopBefore || !this.wroteAnything, undoStopAfter: stops.undoStopAfter });
      if (!ok) return 'refused';
    } catch {
      // The editor was closed between the check and the edit.
      return 'noEditor';
    } finally {
      this.expected = undefined;
    }
    this.wroteAnything = true;
    this.written = text;
    this.range.reset(this.range.start, this.range.start + text.length);
    return 'ok';
  }

  /**
   * Follows a change of the document. Returns true when it was foreign and reached into the range
   * (the caller must stop); our own writes and changes elsewhere return false.
   */
  observe(event: vscode.TextDocumentChangeEvent): boolean {
    if (event.document !== this.document || event.contentChanges.length === 0) return false;
    const expected = this.expected;
    // Our own write, however VS Code reports it (whole, or trimmed to what differs): every change
    // lies inside the range we are replacing, and afterwards the range holds exactly our text. The
    // text matters: a user's edit inside the range can arrive while our write is under way (VS Code
    // then refuses our write), and taking it for ours would write over it. The range is reset once
    // the write resolves.
    if (
      expected &&
      event.contentChanges.every((c) => c.rangeOffset >= expected.offset && c.rangeOffset + c.rangeLength <= expected.offset + expected.length) &&
      this.document.getText(rangeOfOffsets(this.document, expected.offset, expected.offset + expected.text.length)) === expected.text
    ) {
      return false;
    }
    const changes = [...event.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset);
    for (const change of changes) this.range.apply({ offset: change.rangeOffset, length: change.rangeLength, insertedLength: change.text.length });
    return this.range.touched;
  }
}
