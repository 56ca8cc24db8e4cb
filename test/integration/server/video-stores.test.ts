/**
 * Both clip stores behind one interface: the files of the embedded engine and the rows of
 * PostgreSQL. Whole reads and every kind of range return exactly the stored bytes, saving a
 * generation again (in another process too) is harmless, and on PostgreSQL a range read touches
 * only the part of the clip it returns and clips stored as files before still play.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../../src/server/db/postgres';
import { FileVideoStore } from '../../../src/server/video/file-store';
import { PostgresVideoStore } from '../../../src/server/video/postgres-store';
import type { VideoStore } from '../../../src/server/video/store';
import { freshPostgresDatabase } from './helpers/postgres';

// Over two 1 MiB slices, so whole reads and some ranges span several of PostgreSQL's queries.
const CLIP = randomBytes(2 * 1024 * 1024 + 123);
const MIB = 1024 * 1024;
const IDS = ['gen_a', 'gen_b', 'gen_c'];

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface Subject {
  store: VideoStore;
  /** A second store on the same storage, as another server process would have. */
  other: VideoStore;
  close(): Promise<void>;
}

async function postgresSubject(): Promise<Subject & { db: PostgresDatabase; filesBefore: FileVideoStore }> {
  const dir = mkdtempSync(join(tmpdir(), 'shotlist-clips-before-'));
  const filesBefore = new FileVideoStore(dir);
  const url = await freshPostgresDatabase();
  const db = await PostgresDatabase.open(url);
  const otherDb = await PostgresDatabase.open(url);
  await db.run(`INSERT INTO users (id, name, created_at) VALUES ('u1', 'u1', 0)`);
  for (const id of IDS) {
    await db.run(
      `INSERT INTO generations (id, user_id, status, created_at, updated_at, credits, reserved_day, prompt_hash, prompt_preview,
         duration_seconds, aspect_ratio, generate_audio, submit_state, submit_deadline, provider)
       VALUES (?, 'u1', 'running', 0, 0, 4, '2030-01-01', 'h', 'p', 4, '16:9', 0, 'submitted', 0, 'fake')`,
      [id],
    );
  }
  return {
    db,
    filesBefore,
    store: new PostgresVideoStore(db, filesBefore),
    other: new PostgresVideoStore(otherDb, filesBefore),
    async close() {
      await Promise.all([db.close(), otherDb.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function fileSubject(): Subject {
  const dir = mkdtempSync(join(tmpdir(), 'shotlist-clips-'));
  return {
    store: new FileVideoStore(dir),
    other: new FileVideoStore(dir),
    async close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const SUBJECTS: Array<[string, () => Promise<Subject>]> = [
  ['files', async () => fileSubject()],
  ['PostgreSQL', postgresSubject],
];

describe.each(SUBJECTS)('the clip store on %s', (_name, make) => {
  let s: Subject;
  beforeAll(async () => {
    s = await make();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('saves a clip and reads it back whole, with its size', async () => {
    const name = await s.store.save('gen_a', CLIP);
    expect(await s.store.size(name)).toBe(CLIP.length);
    expect((await bytesOf(s.store.read(name, { start: 0, end: CLIP.length - 1 }))).equals(CLIP)).toBe(true);
  });

  it('reads the first bytes, a middle range across a slice boundary, a suffix and the last byte', async () => {
    const name = await s.store.save('gen_b', CLIP);
    const ranges = [
      { start: 0, end: 7 },
      { start: MIB - 5, end: MIB + 4 },
      { start: 17, end: 2 * MIB + 50 },
      { start: CLIP.length - 100, end: CLIP.length - 1 },
      { start: CLIP.length - 1, end: CLIP.length - 1 },
    ];
    for (const r of ranges) {
      const got = await bytesOf(s.store.read(name, r));
      expect(got.length).toBe(r.end - r.start + 1);
      expect(got.equals(CLIP.subarray(r.start, r.end + 1))).toBe(true);
    }
  });

  it('a second save of a generation, from this store and at once from another, changes nothing and fails nobody', async () => {
    const first = await s.store.save('gen_c', CLIP);
    const again = await Promise.all([s.store.save('gen_c', CLIP), s.other.save('gen_c', CLIP), s.other.save('gen_c', CLIP)]);
    expect(again).toEqual([first, first, first]);
    expect(await s.other.size(first)).toBe(CLIP.length);
    expect((await bytesOf(s.other.read(first, { start: 0, end: CLIP.length - 1 }))).equals(CLIP)).toBe(true);
  });

  it('has no size for a clip never saved, and reading one fails rather than returning nothing', async () => {
    expect(await s.store.size('gen_missing')).toBeNull();
    await expect(bytesOf(s.store.read('gen_missing', { start: 0, end: 9 }))).rejects.toThrow();
  });
});

describe('clips on PostgreSQL', () => {
  let s: Awaited<ReturnType<typeof postgresSubject>>;
  beforeAll(async () => {
    s = await postgresSubject();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a one-byte read touches a few blocks where reading the whole clip touches hundreds, even for a compressible clip', async () => {
    // Compressible bytes: stored compressed (PostgreSQL's default), a slice would decompress its whole prefix.
    const clip = Buffer.concat([Buffer.alloc(2 * MIB, 'same frame '), randomBytes(MIB)]);
    const name = await s.store.save('gen_a', clip);
    const blocks = async (select: string): Promise<number> => {
      const [row] = await s.db.all<{ 'QUERY PLAN': Array<{ Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number } }> }>(
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT ${select} FROM video_clips WHERE generation_id = ?`,
        [name],
      );
      const plan = row!['QUERY PLAN'][0]!.Plan;
      return plan['Shared Hit Blocks'] + plan['Shared Read Blocks'];
    };
    const lastByte = await blocks(`substring(bytes FROM ${clip.length} FOR 1)`);
    const whole = await blocks('md5(bytes)');
    expect(whole).toBeGreaterThan(300);
    expect(lastByte).toBeLessThan(10);
    expect((await bytesOf(s.store.read(name, { start: clip.length - 1, end: clip.length - 1 }))).equals(clip.subarray(-1))).toBe(true);
  });

  it('still serves a clip stored as a file before clips moved into the database, by its file name', async () => {
    const fileName = await s.filesBefore.save('gen_b', CLIP);
    expect(await s.store.size(fileName)).toBe(CLIP.length);
    expect((await bytesOf(s.store.read(fileName, { start: 5, end: 9 }))).equals(CLIP.subarray(5, 10))).toBe(true);
    // The database has no row for gen_b: its id alone names no clip.
    expect(await s.store.size('gen_b')).toBeNull();
  });
});
