/**
 * The clip the simulated provider serves must be a real, small, playable H.264 MP4: checked
 * by walking its MP4 boxes here and by asking ffprobe (installed wherever the tests run).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAMPLE_CLIP_PATH } from '../../../src/server/providers/simulated/service';

interface Box {
  type: string;
  start: number;
  size: number;
}

function topLevelBoxes(buf: Buffer): Box[] {
  const boxes: Box[] = [];
  let offset = 0;
  while (offset + 8 <= buf.length) {
    let size = buf.readUInt32BE(offset);
    const type = buf.toString('latin1', offset + 4, offset + 8);
    if (size === 1) size = Number(buf.readBigUInt64BE(offset + 8));
    if (size === 0) size = buf.length - offset;
    if (size < 8 || offset + size > buf.length) throw new Error(`bad box ${type} at ${offset}`);
    boxes.push({ type, start: offset, size });
    offset += size;
  }
  expect(offset).toBe(buf.length);
  return boxes;
}

describe('resources/sample-clip.mp4', () => {
  const clip = readFileSync(SAMPLE_CLIP_PATH);

  it('is small', () => {
    expect(statSync(SAMPLE_CLIP_PATH).size).toBeLessThan(200 * 1024);
    expect(clip.length).toBeGreaterThan(10 * 1024);
  });

  it('is an MP4 with its index before its media (+faststart) and an H.264 track', () => {
    const boxes = topLevelBoxes(clip);
    expect(boxes[0]?.type).toBe('ftyp');
    const types = boxes.map((b) => b.type);
    expect(types).toContain('moov');
    expect(types).toContain('mdat');
    expect(types.indexOf('moov')).toBeLessThan(types.indexOf('mdat'));
    const moov = boxes.find((b) => b.type === 'moov');
    if (!moov) throw new Error('no moov');
    expect(clip.subarray(moov.start, moov.start + moov.size).includes(Buffer.from('avc1'))).toBe(true);
  });

  it('plays as 2–4 s of 8-bit 4:2:0 H.264 according to ffprobe', () => {
    const out = execFileSync(
      'ffprobe',
      ['-v', 'error', '-show_entries', 'format=duration:stream=codec_type,codec_name,pix_fmt,width,height', '-of', 'json', SAMPLE_CLIP_PATH],
      { encoding: 'utf8' },
    );
    const info = JSON.parse(out) as {
      format: { duration: string };
      streams: { codec_type: string; codec_name: string; pix_fmt?: string; width?: number; height?: number }[];
    };
    const duration = Number(info.format.duration);
    expect(duration).toBeGreaterThanOrEqual(2);
    expect(duration).toBeLessThanOrEqual(4);
    const video = info.streams.find((s) => s.codec_type === 'video');
    expect(video).toMatchObject({ codec_name: 'h264', pix_fmt: 'yuv420p' });
    expect(video?.width).toBeGreaterThan(0);
  });

  it('decodes from start to end without errors', () => {
    const r = spawnSync('ffmpeg', ['-v', 'error', '-i', SAMPLE_CLIP_PATH, '-f', 'null', '-'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr.trim()).toBe('');
  });
});
