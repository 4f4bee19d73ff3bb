/**
 * A lock file beside a chat file, so two VS Code windows (two processes) never interleave their
 * read-merge-write of the same chat. Without it, window B can read the file, window A write its
 * final answer, and B then write its merge of the older read over it: A's answer is lost on disk,
 * left "streaming" forever (the conversation fuzz found this). Creating the lock with `wx` is
 * atomic; a lock older than `staleMs` belongs to a window that died mid-write and is taken over.
 */
import { promises as fs } from 'node:fs';

export interface FileLockOptions {
  /** A lock this old is left over from a crash. Writes take milliseconds. */
  readonly staleMs?: number;
  /** Pause between attempts while another window holds the lock. */
  readonly retryMs?: number;
}

export async function withFileLock<T>(lockPath: string, work: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  await acquire(lockPath, options.staleMs ?? 5000, options.retryMs ?? 5);
  try {
    return await work();
  } finally {
    await fs.rm(lockPath, { force: true });
  }
}

async function acquire(lockPath: string, staleMs: number, retryMs: number): Promise<void> {
  for (;;) {
    try {
      const handle = await fs.open(lockPath, 'wx');
      await handle.close();
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    }
    const age = await ageOf(lockPath);
    if (age !== undefined && age > staleMs) {
      await fs.rm(lockPath, { force: true });
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, retryMs));
  }
}

/** Milliseconds since the lock was taken, or undefined when it is already gone. */
async function ageOf(lockPath: string): Promise<number | undefined> {
  try {
    return Date.now() - (await fs.stat(lockPath)).mtimeMs;
  } catch {
    return undefined;
  }
}
