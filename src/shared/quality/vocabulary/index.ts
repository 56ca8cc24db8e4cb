/** Every cue the analysis knows, in one list: add a word or a phrase here, not in code. */
import type { Cue } from '../cues';
import { AUDIO_CUES } from './audio';
import { CAMERA_CUES } from './camera';
import { DETAIL_CUES } from './detail';
import { CUT_CUES, FILLER_CUES, FORMAT_CUES, NEGATOR_CUES, SPEED_CUES } from './issues';
import { LIGHTING_CUES } from './lighting';
import { PLACE_CUES } from './place';

export const ALL_CUES: readonly Cue[] = [
  ...CAMERA_CUES, ...LIGHTING_CUES, ...DETAIL_CUES, ...AUDIO_CUES, ...PLACE_CUES, ...FORMAT_CUES, ...FILLER_CUES, ...CUT_CUES,
  ...SPEED_CUES, ...NEGATOR_CUES,
];
