import { describe, expect, it } from 'vitest';
import { toVeoRequest } from '../../../src/server/providers/gemini/options';
import { ProviderError, type ProviderTaskInput } from '../../../src/server/providers/provider';

const base: ProviderTaskInput = {
  taskId: 't1',
  prompt: 'A drone shot over a glacier at sunrise',
  durationSeconds: 8,
  aspectRatio: '16:9',
  generateAudio: false,
};

function rejectionCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof ProviderError) return `${err.kind}:${err.code}`;
    throw err;
  }
  return undefined;
}

describe('Veo option mapping', () => {
  it('passes supported options through and asks for one video', () => {
    const r = toVeoRequest({ ...base, negativePrompt: 'text overlays' }, 'veo-3.1-generate-preview', '720p');
    expect(r.prompt).toBe(base.prompt);
    expect(r.config).toEqual({ numberOfVideos: 1, durationSeconds: 8, aspectRatio: '16:9', negativePrompt: 'text overlays' });
  });

  it.each([
    [2, 4],
    [4, 4],
    [5, 6],
    [7, 8],
    [8, 8],
  ])('rounds %i s up to a Veo 3 length of %i s', (asked, made) => {
    expect(toVeoRequest({ ...base, durationSeconds: asked }, 'veo-3.1-generate-preview', '720p').config.durationSeconds).toBe(made);
  });

  it('rounds up to Veo 2 lengths, which start at 5 s', () => {
    expect(toVeoRequest({ ...base, durationSeconds: 3 }, 'veo-2.0-generate-001', '720p').config.durationSeconds).toBe(5);
    expect(toVeoRequest({ ...base, durationSeconds: 7 }, 'models/veo-2.0-generate-001', '720p').config.durationSeconds).toBe(7);
  });

  it('refuses lengths over the longest Veo makes', () => {
    expect(rejectionCode(() => toVeoRequest({ ...base, durationSeconds: 9 }, 'veo-3.1-generate-preview', '720p'))).toBe(
      'rejected:unsupported_duration',
    );
  });

  it('refuses square video', () => {
    expect(rejectionCode(() => toVeoRequest({ ...base, aspectRatio: '1:1' }, 'veo-3.1-generate-preview', '720p'))).toBe(
      'rejected:unsupported_aspect_ratio',
    );
    expect(toVeoRequest({ ...base, aspectRatio: '9:16' }, 'veo-3.1-generate-preview', '720p').config.aspectRatio).toBe('9:16');
  });

  it('refuses audio from a silent model and never sends the audio switch the Gemini API lacks', () => {
    expect(rejectionCode(() => toVeoRequest({ ...base, generateAudio: true }, 'veo-2.0-generate-001', '720p'))).toBe(
      'rejected:unsupported_audio',
    );
    const r = toVeoRequest({ ...base, generateAudio: true }, 'veo-3.1-generate-preview', '720p');
    expect(r.config).not.toHaveProperty('generateAudio');
  });

  it('asks for 1080p only where Veo makes it (8 s clips on Veo 3)', () => {
    expect(toVeoRequest(base, 'veo-3.1-generate-preview', '1080p').config.resolution).toBe('1080p');
    expect(toVeoRequest({ ...base, durationSeconds: 6 }, 'veo-3.1-generate-preview', '1080p').config).not.toHaveProperty('resolution');
    expect(toVeoRequest(base, 'veo-2.0-generate-001', '1080p').config).not.toHaveProperty('resolution');
  });

  it('drops a blank negative prompt', () => {
    expect(toVeoRequest({ ...base, negativePrompt: '   ' }, 'veo-3.1-generate-preview', '720p').config).not.toHaveProperty('negativePrompt');
  });
});
