/**
 * Tool calls waiting for the user's Allow or Deny. One owner for every pending decision, so Stop
 * can end them all at once and a click for a call that is no longer waiting does nothing.
 */
export class ApprovalBroker {
  private readonly pending = new Map<string, { resolve: (allow: boolean) => void; reject: (error: unknown) => void }>();

  /** Resolves with the user's decision; rejects with `signal.reason` when the answer is stopped. */
  wait(callId: string, signal: AbortSignal): Promise<boolean> {
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<boolean>((resolve, reject) => {
      const onAbort = (): void => {
        this.pending.delete(callId);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.pending.set(callId, {
        resolve: (allow) => {
          signal.removeEventListener('abort', onAbort);
          resolve(allow);
        },
        reject,
      });
    });
  }

  /** The user's click. False when no such call is waiting (already decided, or stopped). */
  decide(callId: string, allow: boolean): boolean {
    const entry = this.pending.get(callId);
    if (!entry) return false;
    this.pending.delete(callId);
    entry.resolve(allow);
    return true;
  }

  isWaiting(callId: string): boolean {
    return this.pending.has(callId);
  }

  get size(): number {
    return this.pending.size;
  }
}
