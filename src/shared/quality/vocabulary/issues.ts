/**
 * Words the issue rules look for: format words (the numbers are read by the format detector),
 * vague filler, cuts, playback speed and negations.
 */
import type { Cue } from '../cues';
import { FORMAT_NOUNS } from './words';

export const FORMAT_CUES: readonly Cue[] = [
  { tag: 'format', terms: ['widescreen', 'letterbox', 'letterboxed', 'letterboxing', 'cinemascope', 'imax', 'aspect ratio', 'frame rate', 'frames per second', 'uhd', 'full hd', 'ultra hd', 'fhd', 'qhd', 'hdr', 'anamorphic widescreen', 'pillarbox', 'pillarboxed'] },
  // Orientation words count only as a format: "vertical 9:16", "square format", ", vertical." — not "a vertical garden", "town square".
  {
    tag: 'format',
    terms: ['vertical', 'square', 'horizontal', 'portrait', 'landscape'],
    need: [{ after: FORMAT_NOUNS, within: 2 }, { before: FORMAT_NOUNS, within: 2 }, { clauseAlone: true }, { after: ['for'], within: 1 }],
    unless: [{ name: true }, { after: ['of', 'photo', 'photography', 'painting', 'shot'] }],
  },
  { tag: 'not:format', terms: ['portrait of', 'landscape of', 'portrait photo', 'portrait shot', 'landscape shot'] },
];

export const FILLER_CUES: readonly Cue[] = [
  {
    tag: 'filler',
    terms: [
      'beautiful', 'beautifully', 'amazing', 'stunning', 'awesome', 'incredible', 'incredibly', 'gorgeous', 'breathtaking', 'spectacular',
      'fantastic', 'wonderful', 'best', 'high quality', 'best quality', 'top quality', 'highest quality', 'ultra quality', 'masterpiece',
      'award winning', 'trending on artstation', 'eye catching', 'mind blowing', 'jaw dropping', 'magnificent', 'insane', 'unbelievable',
      'outstanding', 'superb', 'fabulous', 'marvelous', 'marvellous', 'impressive', 'perfect quality', 'next level', 'wow', 'dope',
      'ultra detailed', 'super detailed', 'highly detailed', 'hyper detailed', 'very detailed', '8k quality', '4k quality',
    ],
  },
  { tag: 'filler', terms: ['perfect'], unless: [{ after: ['circle', 'square', 'symmetry', 'reflection', 'loop', 'spiral', 'line', 'row', 'grid'] }] },
  {
    tag: 'filler',
    terms: ['cool', 'nice', 'good', 'great', 'epic', 'fancy', 'pretty'],
    unless: [
      { after: ['blue', 'tones', 'tone', 'toned', 'light', 'lighting', 'breeze', 'air', 'morning', 'evening', 'night', 'colors', 'colours', 'palette', 'shade', 'shadows', 'water', 'mist', 'white', 'grey', 'gray', 'green', 'teal', 'daylight', 'temperature', 'dane', 'danes', 'lakes', 'wall', 'plains', 'barrier', 'outdoors', 'horned', 'tit', 'grandmother', 'grandfather', 'afternoon', 'boy', 'girl', 'dog', 'orchestral', 'much', 'many', 'deal'] },
      { name: true },
    ],
  },
  { tag: 'filler:soft', terms: ['cinematic', 'very cinematic', 'ultra realistic', 'hyperrealistic', 'photorealistic', 'realistic', 'professional', 'high end', 'premium', 'sleek', 'stylish', 'aesthetic', 'vibes'] },
  { tag: 'not:filler', terms: ['best friend', 'best friends', 'best man', 'good morning', 'good night', 'great white', 'great dane', 'great lakes', 'great wall', 'pretty much', 'cool blue', 'cool tones'] },
];

export const CUT_CUES: readonly Cue[] = [
  {
    tag: 'cut',
    terms: [
      'cut to', 'cuts to', 'cutting to', 'smash cut', 'jump cut', 'match cut', 'hard cut', 'quick cut', 'quick cuts', 'fast cuts', 'rapid cuts',
      'cut away to', 'cuts away to', 'cross dissolve', 'dissolve to', 'dissolves to', 'transition to', 'transitions to', 'wipe to', 'next scene',
      'new scene', 'scene change', 'next shot', 'then cut', 'cut back to', 'intercut', 'intercut with', 'montage', 'split screen',
    ],
  },
];

export const SPEED_CUES: readonly Cue[] = [
  { tag: 'speed:slow', terms: ['slow motion', 'slowmo', 'slow mo', 'slowed down', 'high speed camera', 'super slow', 'bullet time'] },
  { tag: 'speed:fast', terms: ['time lapse', 'timelapse', 'timelapses', 'hyperlapse', 'hyper lapse', 'fast motion', 'sped up', 'fast forward', 'fast forwarded', 'speed ramp', 'undercranked'] },
];

export const NEGATOR_CUES: readonly Cue[] = [
  { tag: 'negator', terms: ['no', 'without', 'not', 'never', "don't", 'do not', "doesn't", 'does not', 'avoid', 'avoiding', 'exclude', 'excluding', 'nobody', 'no one', 'none', 'zero', 'free of', 'absence of'], unless: [{ after: ['longer', 'matter', 'only', 'just', 'doubt', 'more', 'less', 'one', 'sooner'] }] },
];
