/**
 * Where finished clips are kept, one per generation: on the embedded engine files in the data
 * dir (file-store.ts), on PostgreSQL rows every server process reads (postgres-store.ts).
 */
import type { Readable } from 'node:stream';

/** Byte offsets, both included, as in a Range header. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface VideoStore {
  /**
   * Stores a generation's clip durably and resolves to the name it is read by (kept as the
   * generation's video_path). Saving a generation again, in this or another process, is harmless.
   */
  save(generationId: string, bytes: Uint8Array): Promise<string>;
  /** The clip's size in bytes, or null when there is no such clip. */
  size(name: string): Promise<number | null>;
  /** The bytes of one range of the clip (the whole clip is 0 to size - 1); the range must lie within it. */
  read(name: string, range: ByteRange): Readable;
}
