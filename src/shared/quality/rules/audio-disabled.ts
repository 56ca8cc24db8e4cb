/** Sound asked for while audio generation is off: the clip will be silent. */
import { spanOf } from './spans';
import type { Rule } from './types';

export const audioDisabled: Rule = {
  code: 'audio_disabled',
  penalty: 3,
  maxPenalty: 3,
  check({ doc, generateAudio }) {
    if (generateAudio !== false) return [];
    const asked = doc.inFamily('audio').filter((m) => m.tag !== 'audio:silence' && !doc.isNegated(m));
    if (asked.length === 0) return [];
    return [{
      code: 'audio_disabled',
      severity: 'warning',
      message: 'The prompt asks for sound, but audio generation is off: the clip will be silent.',
      suggestion: 'Turn audio generation on, or leave the sound out of the prompt.',
      spans: asked.map((m) => spanOf(doc, m)),
    }];
  },
};
