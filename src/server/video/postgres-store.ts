/**
 * Finished clips as rows of video_clips on PostgreSQL, so every server process on the database
 * serves every clip whichever process downloaded it. The name of a clip is its generation's id.
 * Reads fetch one bounded slice at a time with substring(): the column is stored uncompressed
 * (migration 3), so PostgreSQL reads only the TOAST chunks a slice covers, never the whole clip.
 * Clips stored before migration 3 stay files in the data dir of the process that stored them
 * and are still read from there: their names are file names (`<id>.mp4`), and a generation id
 * never has a dot.
 */
import { Readable } from 'node:stream';
import type { Queryable } from '../db';
import type { ByteRange, VideoStore } from './store';

/** Bytes per query when streaming a clip out: memory per response stays bounded by this. */
const SLICE_BYTES = 1024 * 1024;

export class PostgresVideoStore implements VideoStore {
  constructor(
    private readonly db: Queryable,
    private readonly filesBefore: VideoStore,
  ) {}

  private storedAsFile(name: string): boolean {
    return name.includes('.');
  }

  /**
   * One statement, so the clip is stored whole or not at all. A second save of a generation
   * (a webhook retried to another process, a redelivery after a crash) keeps the first clip:
   * it is the same one, already served, and nobody sees an error.
   */
  async save(generationId: string, bytes: Uint8Array): Promise<string> {
    await this.db.run('INSERT INTO video_clips (generation_id, size, bytes) VALUES (?, ?, ?) ON CONFLICT (generation_id) DO NOTHING', [
      generationId,
      bytes.byteLength,
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    ]);
    return generationId;
  }

  async size(name: string): Promise<number | null> {
    if (this.storedAsFile(name)) return this.filesBefore.size(name);
    const row = await this.db.get<{ size: number }>('SELECT size FROM video_clips WHERE generation_id = ?', [name]);
    return row ? row.size : null;
  }

  read(name: string, range: ByteRange): Readable {
    if (this.storedAsFile(name)) return this.filesBefore.read(name, range);
    return Readable.from(this.slices(name, range), { objectMode: false });
  }

  private async *slices(name: string, range: ByteRange): AsyncGenerator<Buffer> {
    for (let at = range.start; at <= range.end; at += SLICE_BYTES) {
      const length = Math.min(SLICE_BYTES, range.end - at + 1);
      // substring counts from 1.
      const row = await this.db.get<{ slice: Buffer }>('SELECT substring(bytes FROM ? FOR ?) AS slice FROM video_clips WHERE generation_id = ?', [
        at + 1,
        length,
        name,
      ]);
      if (row?.slice.length !== length) throw new Error(`clip ${name} has no bytes ${at}-${at + length - 1}`);
      yield row.slice;
    }
  }
}
