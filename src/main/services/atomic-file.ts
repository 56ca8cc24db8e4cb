/**
 * Durable whole-file writes: temp file → fsync → rename over the target → fsync the folder,
 * so after a crash or power loss the target holds either the old or the new bytes, never a
 * mix. Hand-written rather than write-file-atomic because that library does not fsync the
 * folder (the rename itself could be lost) and costs ~2.5× more per write here.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_SUFFIX = '.tmp';

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomUUID()}${TEMP_SUFFIX}`);
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeFileDurably(path: string, data: string): Promise<void> {
  const temp = tempPathFor(path);
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDir(dirname(path));
}

/** The synchronous twin, for stores whose interface is synchronous (settings). */
export function writeFileDurablySync(path: string, data: string): void {
  const temp = tempPathFor(path);
  try {
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeFileSync(fd, data, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  const dirFd = openSync(dirname(path), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Temp files a crash left behind never held the only copy of anything: remove them. */
export async function removeLeftoverTempFiles(dir: string): Promise<void> {
  const names = await readdir(dir);
  await Promise.all(
    names.filter((n) => n.startsWith('.') && n.endsWith(TEMP_SUFFIX)).map((n) => rm(join(dir, n), { force: true })),
  );
}
