/** Temp directories that live exactly as long as the test that made them. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A new empty directory under the OS temp dir, removed once the current test has finished:
 * after its afterEach hooks, so whatever they close (databases, stores, studios) is closed
 * first. Call it inside a test or a beforeEach hook.
 */
export function testTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
