/**
 * The file steps the chat store and its index share: read or stat a file that may be gone, name
 * a file's lock, and write a file so readers never see half of it.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FileStamp } from './chatIndex';

export async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

export async function statOptional(file: string): Promise<FileStamp | undefined> {
  try {
    const stat = await fs.stat(file);
    return { mtimeMs: stat.mtimeMs, size: stat.size };
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

export function lockOf(file: string): string {
  return `${file}.lock`;
}

/**
 * Write to a unique temporary file, flush it to disk, then rename over the target. A rename is
 * atomic on one file system, so readers see the old file or the new one, never half of either.
 */
export async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.mkdir(join(file, '..'), { recursive: true });
  const handle = await fs.open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

export function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
