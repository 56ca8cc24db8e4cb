/**
 * Maps our generation options to what a Veo model on the Gemini API accepts. The rules:
 *
 * - Aspect ratio: Veo makes 16:9 and 9:16 only; 1:1 is refused (`unsupported_aspect_ratio`).
 * - Duration: Veo 3.x makes 4, 6 or 8 s clips, Veo 2 makes 5–8 s. A length Veo cannot make
 *   is rounded UP to the next one it can (the clip is never shorter than what was paid for);
 *   a length over the model's longest is refused (`unsupported_duration`).
 * - Audio: the Gemini API has no audio switch (the SDK refuses `generateAudio` there). Veo 3.x
 *   clips always have sound, so asking for none still gets a clip with sound; Veo 2 clips are
 *   silent, so asking it for audio is refused (`unsupported_audio`).
 * - Resolution is the operator's choice (GEMINI_RESOLUTION). Veo 3.x makes 1080p only for 8 s
 *   clips, so other lengths fall back to 720p; Veo 2 makes 720p only.
 * - Any model that is not Veo 2 is treated as Veo 3.x.
 */
import type { GenerateVideosConfig } from '@google/genai';
import { ProviderError, type ProviderTaskInput } from '../provider';

export const GEMINI_RESOLUTIONS = ['720p', '1080p'] as const;
export type GeminiResolution = (typeof GEMINI_RESOLUTIONS)[number];

interface VeoCapabilities {
  durations: readonly number[];
  aspectRatios: readonly string[];
  audio: 'always' | 'never';
  /** Durations at which 1080p is available. */
  fullHdDurations: readonly number[];
}

const VEO_3: VeoCapabilities = {
  durations: [4, 6, 8],
  aspectRatios: ['16:9', '9:16'],
  audio: 'always',
  fullHdDurations: [8],
};

const VEO_2: VeoCapabilities = {
  durations: [5, 6, 7, 8],
  aspectRatios: ['16:9', '9:16'],
  audio: 'never',
  fullHdDurations: [],
};

export function capabilitiesOf(model: string): VeoCapabilities {
  return model.replace(/^models\//, '').startsWith('veo-2') ? VEO_2 : VEO_3;
}

export interface VeoRequest {
  prompt: string;
  config: GenerateVideosConfig;
}

export function toVeoRequest(input: ProviderTaskInput, model: string, resolution: GeminiResolution): VeoRequest {
  const caps = capabilitiesOf(model);
  if (!caps.aspectRatios.includes(input.aspectRatio)) {
    throw new ProviderError(
      'rejected',
      `this provider makes ${caps.aspectRatios.join(' or ')} videos, not ${input.aspectRatio}`,
      'unsupported_aspect_ratio',
    );
  }
  const durationSeconds = caps.durations.find((d) => d >= input.durationSeconds);
  if (durationSeconds === undefined) {
    throw new ProviderError(
      'rejected',
      `this provider makes videos of at most ${Math.max(...caps.durations)} seconds`,
      'unsupported_duration',
    );
  }
  if (input.generateAudio && caps.audio === 'never') {
    throw new ProviderError('rejected', 'this provider makes videos without audio', 'unsupported_audio');
  }
  const config: GenerateVideosConfig = {
    numberOfVideos: 1,
    durationSeconds,
    aspectRatio: input.aspectRatio,
  };
  if (resolution === '1080p' && caps.fullHdDurations.includes(durationSeconds)) config.resolution = '1080p';
  if (input.negativePrompt && input.negativePrompt.trim() !== '') config.negativePrompt = input.negativePrompt;
  return { prompt: input.prompt, config };
}
