/**
 * A range of a document followed through later edits, as offsets. Apply and inline edit hold on
 * to "the lines the answer belongs to" while the user keeps typing: edits before the range move
 * it, edits after it do not matter, and an edit that touches it means the original text is gone,
 * so nothing may be written over it.
 */

export interface TextChange {
  /** Offset where the replaced text started, in the document before this change. */
  readonly offset: number;
  /** Length of the replaced text. */
  readonly length: number;
  /** Length of the text that replaced it. */
  readonly insertedLength: number;
}

export class TrackedRange {
  private touchedByEdit = false;

  constructor(
    private startOffset: number,
    private endOffset: number,
  ) {}

  get start(): number {
    return this.startOffset;
  }

  get end(): number {
    return this.endOffset;
  }

  /** True once any foreign edit reached into the range (or replaced it). */
  get touched(): boolean {
    return this.touchedByEdit;
  }

  /**
   * Follows one edit. Changes in one event all refer to the document before the event, so the
   * caller passes them in descending offset order (as VS Code reports them) or one at a time.
   */
  apply(change: TextChange): void {
    const changeEnd = change.offset + change.length;
    const delta = change.insertedLength - change.length;
    if (changeEnd <= this.startOffset) {
      // Entirely before (an insertion exactly at the start counts as before: the range moves).
      this.startOffset += delta;
      this.endOffset += delta;
    } else if (change.offset >= this.endOffset) {
      // Entirely after (typing right after the range): nothing moves.
    } else {
      this.touchedByEdit = true;
      this.endOffset = Math.max(this.startOffset, this.endOffset + delta);
    }
  }

  /** Moves the range to new offsets after our own edit (which is not a foreign change). */
  reset(startOffset: number, endOffset: number): void {
    this.startOffset = startOffset;
    this.endOffset = endOffset;
  }
}

export type DriftVerdict = 'unchanged' | 'movedButIntact' | 'edited';

/**
 * May the original range still be overwritten? Same version: yes. A later version: only if no
 * edit touched the range and its text is still exactly the original.
 */
export function rangeDrift(input: {
  readonly originalVersion: number;
  readonly currentVersion: number;
  readonly originalText: string;
  readonly currentText: string;
  readonly touched: boolean;
}): DriftVerdict {
  if (input.currentVersion === input.originalVersion && input.currentText === input.originalText) return 'unchanged';
  if (!input.touched && input.currentText === input.originalText) return 'movedButIntact';
  return 'edited';
}
