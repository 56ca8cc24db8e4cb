/** A process killed in the middle of saving never leaves a half-written or lost draft. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHarness, tempDir } from './studio-harness';

const SAVER = join(import.meta.dirname, 'crash-saver.ts');

function runAndKill(dataDir: string, draftId: string, afterSaves: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SAVER, dataDir, draftId], { stdio: ['ignore', 'pipe', 'pipe'] });
    let confirmed = 0;
    let seen = 0;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n').filter(Boolean)) {
        confirmed = Number(line);
        seen += 1;
      }
      if (seen >= afterSaves) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(confirmed) : reject(new Error(`saver exited ${code}: ${stderr}`))));
  });
}

describe('crash safety', () => {
  it('after SIGKILL mid-save, the draft opens intact at a version no older than the last confirmed save', async () => {
    const dataDir = await tempDir();
    const setup = await startHarness({ dataDir });
    const draft = await setup.call('drafts.create', { title: 'crash me' });
    await setup.studio.close();

    for (const afterSaves of [5, 17, 31]) {
      const confirmed = await runAndKill(dataDir, draft.id, afterSaves);
      const h = await startHarness({ dataDir });
      const reopened = await h.call('drafts.get', { id: draft.id });
      expect(await h.call('drafts.damaged', {})).toEqual([]);
      expect(reopened.version).toBeGreaterThanOrEqual(confirmed);
      expect(reopened.history).toHaveLength(reopened.version - 1);
      expect(reopened.prompt).toBe(reopened.title.replace('save', 'prompt'));
      await h.studio.close();
    }
  });
});
