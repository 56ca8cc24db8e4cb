/**
 * Files that could not be read are moved into <dataDir>/damaged/ (never deleted, never
 * silently skipped) and listed here so the UI can say what happened.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { DamagedFile } from '../../shared/studio/models';

export class DamagedFiles {
  private readonly files: DamagedFile[] = [];

  constructor(
    private readonly damagedDir: string,
    private readonly now: () => Date,
  ) {}

  async setAside(path: string, reason: string): Promise<void> {
    await mkdir(this.damagedDir, { recursive: true });
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    // The random part keeps two files set aside in the same millisecond from colliding.
    const movedTo = join(this.damagedDir, `${stamp}-${randomUUID().slice(0, 8)}-${basename(path)}`);
    await rename(path, movedTo);
    this.files.push({ path, reason, movedTo });
  }

  list(): DamagedFile[] {
    return [...this.files];
  }
}
