/** More scenes or cuts than the duration can hold (about one shot per three seconds). */
import { spanOf } from './spans';
import type { Rule } from './types';

const SECONDS_PER_SHOT = 3;
const SCENE_WORDS: ReadonlySet<string> = new Set(['scene', 'shot']);

export function sceneCapacity(seconds: number): number {
  return Math.max(1, Math.floor(seconds / SECONDS_PER_SHOT));
}

export const tooManyScenes: Rule = {
  code: 'too_many_scenes',
  penalty: 8,
  maxPenalty: 8,
  check({ doc, durationSeconds }) {
    const cuts = doc.tagged('cut');
    // A montage is several shots at least.
    let scenes = 1;
    for (const c of cuts) scenes += doc.tokens[c.first]!.norm === 'montage' ? 2 : 1;
    // "Scene 1: … Scene 2: … Scene 3: …" numbers its scenes.
    const numbered = new Set<number>();
    doc.tokens.forEach((t, i) => {
      const next = doc.tokens[i + 1];
      if (SCENE_WORDS.has(t.norm) && next?.kind === 'number' && next.suffix === '' && next.value !== undefined) numbered.add(next.value);
    });
    scenes = Math.max(scenes, numbered.size);
    const capacity = sceneCapacity(durationSeconds);
    if (scenes <= capacity) return [];
    return [{
      code: 'too_many_scenes',
      severity: 'warning',
      message: `The prompt asks for ${scenes} shots; ${durationSeconds} seconds holds about ${capacity}.`,
      suggestion: 'Cut it to one or two shots, or choose a longer duration.',
      spans: cuts.map((c) => spanOf(doc, c)),
    }];
  },
};
