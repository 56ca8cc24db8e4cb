/**
 * Lighting and mood (LABELS.md): light sources or quality, or an explicit mood or atmosphere.
 * Not words that only look like light ("a light breeze", "the screen lights up").
 * Also the time-of-day classes the contradiction rule compares (night against noon).
 */
import type { Cue } from '../cues';
import { nouns } from './inflect';
import {
  AMBIENCE_AUDIO_CONTEXT, AUDIO_NOUNS_AFTER_MOOD, LIGHT_NOT_LIGHTING, MOOD_NOUNS, NIGHT_COMPOUNDS, SKY_WORDS, SUN_NOT_LIGHT, TONE_MODIFIERS,
} from './words';
import { COLOURS } from './detail';

const NIGHT = ['night', 'nighttime', 'midnight', 'nightfall'];
const MIDDAY = ['noon', 'midday', 'high noon', 'broad daylight', 'noonday', 'midday sun', 'noon sun'];
const DAWN = ['dawn', 'sunrise', 'sunrises', 'daybreak', 'first light', 'break of day'];
const DUSK = ['dusk', 'sunset', 'sunsets', 'sundown', 'blue hour', 'twilight', 'nightfall', 'gloaming'];
const GOLDEN = ['golden hour', 'magic hour'];

/** Adjectives that state a mood on their own ("eerie", "serene"), unless they describe music. */
const MOOD_ADJECTIVES = [
  'eerie', 'ominous', 'serene', 'tranquil', 'peaceful', 'melancholic', 'melancholy', 'moody', 'dreamy', 'dreamlike', 'ethereal',
  'mysterious', 'gloomy', 'somber', 'sombre', 'nostalgic', 'whimsical', 'romantic', 'suspenseful', 'foreboding', 'haunting', 'menacing',
  'cozy', 'cosy', 'intimate', 'solemn', 'brooding', 'sinister', 'creepy', 'spooky', 'surreal', 'idyllic', 'bleak', 'noir', 'atmospheric',
  'ambient', 'mystical', 'magical', 'enchanting', 'enchanted', 'otherworldly', 'tense', 'claustrophobic', 'desolate', 'lonely', 'festive',
  'joyful', 'cheerful', 'hopeful', 'uplifting', 'wistful', 'contemplative', 'meditative', 'stormy', 'gritty', 'dystopian', 'luminous',
];

export const LIGHTING_CUES: readonly Cue[] = [
  {
    tag: 'lighting',
    terms: [
      'lighting', 'lit', 'sunlit', 'moonlit', 'candlelit', 'candle lit', 'starlit', 'lamplit', 'firelit', 'backlit', 'underlit', 'sidelit',
      'toplit', 'neon lit', 'dimly', 'brightly lit', ...nouns('backlight', 'sidelight', 'toplight', 'downlight', 'uplight'), 'backlighting',
      'daylight', 'sunlight', 'moonlight', 'starlight', 'candlelight', 'firelight', 'lamplight', 'torchlight', 'gaslight', 'twilight',
      ...nouns('sunbeam', 'sunray', 'spotlight', 'floodlight', 'streetlight', 'streetlamp', 'headlight', 'taillight', 'lantern', 'candle',
        'chandelier', 'lamp', 'bulb', 'lightbulb', 'strobe', 'softbox', 'shadow', 'silhouette', 'reflector', 'sconce'),
      'street lamp', 'street lamps', 'soft box', 'ring light', 'ring lights', 'spotlit', 'floodlit', 'sunshine', 'sunny', 'sunlight',
      ...DAWN, ...DUSK, ...GOLDEN, 'nighttime', 'midnight', 'noon', 'midday', 'broad daylight', 'tungsten', 'halogen', 'incandescent',
      'lightning', 'illuminated', 'illuminates', 'illuminate', 'illuminating', 'illumination', 'glow', 'glows', 'glowing', 'glowed',
      'shadowy', 'silhouetted', 'chiaroscuro', 'overcast', 'haze', 'hazy', 'fog', 'foggy', 'mist', 'misty', 'smoky', 'gloom', 'darkness',
      'in the dark', 'dim', 'dimmed', 'strobing', 'lens flare', 'lens flares', 'god rays', 'sun rays', 'light rays', 'rays of light',
      'rays of sunlight', 'shafts of light', 'shaft of light', 'beams of light', 'light beams', 'volumetric', 'high key', 'low key',
      'high contrast', 'low contrast', 'full moon', 'moonrise', 'starry', 'stormy sky', 'gloomy', 'cloudy', 'dappled', 'bioluminescent',
      'blacklight', 'black light', 'infrared', 'natural light', 'color grade', 'colour grade', 'color graded', 'colour graded',
      'color grading', 'colour grading', 'teal and orange', 'rim lit', 'key light', 'fill light', 'practical lights', 'gobo',
    ],
  },
  // "light"/"lights" as light, not weight or colour ("light breeze", "light blue") nor a verb ("lights up").
  {
    tag: 'lighting',
    terms: ['light', 'lights'],
    unless: [{ after: [...LIGHT_NOT_LIGHTING, ...COLOURS, 'up', 'a', 'the', 'their', 'his', 'her', 'its', 'candles', 'fire', 'into', 'colored', 'coloured', 'toned', 'wood', 'grey'] }, { before: ['a', 'an', 'travel', 'traffic'] }],
  },
  { tag: 'lighting', terms: ['neon', 'fluorescent'], unless: [{ after: COLOURS }] },
  { tag: 'lighting', terms: ['sun'], unless: [{ after: SUN_NOT_LIGHT }, { name: true }] },
  { tag: 'lighting', terms: NIGHT, unless: [{ after: NIGHT_COMPOUNDS }] },
  { tag: 'lighting', terms: ['flash', 'flashes', 'flashing'], need: [{ before: ['camera', 'hard', 'harsh', 'strobe', 'bright', 'lightning', 'on', 'ring', 'direct', 'popping', 'paparazzi', 'flashbulb'] }, { after: ['lighting', 'photography', 'photo', 'light', 'bulbs'] }] },
  { tag: 'lighting', terms: ['tones', 'tone', 'palette', 'grade', 'grading', 'tint', 'hues', 'color palette', 'colour palette'], need: [{ before: TONE_MODIFIERS, within: 2 }] },
  // Mood: explicit atmosphere words, and mood adjectives unless they describe the music.
  { tag: 'lighting:mood', terms: ['mood', 'moods', 'atmosphere', 'atmospheres'] },
  { tag: 'lighting:mood', terms: ['ambience', 'ambiance'], unless: [{ before: AMBIENCE_AUDIO_CONTEXT }, { after: ['sound', 'sounds', 'noise', 'track', 'audio'] }] },
  { tag: 'lighting:mood', terms: MOOD_ADJECTIVES, unless: [{ after: AUDIO_NOUNS_AFTER_MOOD, within: 2 }, { before: ['ambient'] }] },
  {
    tag: 'lighting:mood',
    terms: ['calm', 'warm', 'dark', 'bright', 'light', 'playful', 'upbeat', 'energetic', 'dramatic', 'relaxed', 'quiet', 'somber', 'soft', 'cold', 'airy', 'vibrant', 'muted', 'cinematic', 'tense', 'cheerful', 'sad', 'happy', 'joyful', 'hopeful', 'mellow', 'chill', 'laid back', 'gritty', 'fresh', 'clean', 'minimal', 'epic'],
    need: [{ after: MOOD_NOUNS, within: 2 }],
  },
  { tag: 'lighting:mood', terms: ['dramatic', 'stormy', 'moody', 'brooding', 'fiery', 'glowing'], need: [{ after: SKY_WORDS, within: 2 }] },
  { tag: 'lighting:mood', terms: ['dark and moody', 'bright and airy', 'light and airy'] },

  { tag: 'tod:night', terms: [...NIGHT, 'moonlit', 'moonlight', 'starry night', 'night sky'], unless: [{ after: NIGHT_COMPOUNDS }] },
  { tag: 'tod:midday', terms: MIDDAY },
  { tag: 'tod:dawn', terms: DAWN },
  { tag: 'tod:dusk', terms: DUSK },
  { tag: 'tod:golden', terms: GOLDEN },

  {
    tag: 'not:lighting',
    terms: [
      ...nouns('night market', 'night club', 'night shift', 'night owl', 'night stand', 'night light', 'light year'), 'night vision',
      'sun icon', 'sun hat', 'lights up', 'lit up screen', 'lit a', 'light up', 'lighting up', 'shadow boxing', 'shadowboxing',
      'lamp post', 'lampshade', 'candle holder', 'candle holders', 'lantern festival', 'glow stick', 'glow sticks',
    ],
  },
];
