/** Every issue rule, in the order its issues are listed. A new rule is a module and a line here. */
import { audioDisabled } from './audio-disabled';
import { contradictoryAudio } from './contradictory-audio';
import { contradictoryCamera } from './contradictory-camera';
import { contradictoryFormat } from './contradictory-format';
import { contradictorySpeed } from './contradictory-speed';
import { contradictoryTime } from './contradictory-time';
import { durationMismatch } from './duration-mismatch';
import { emptyPrompt } from './empty';
import { tooLong, tooShort } from './length';
import { negativePhrasing } from './negative-phrasing';
import { tooManyScenes } from './too-many-scenes';
import type { Rule } from './types';
import { vagueFiller, vagueStyle } from './vague';

export const RULES: readonly Rule[] = [
  emptyPrompt,
  tooShort,
  tooLong,
  contradictoryTime,
  contradictoryCamera,
  contradictoryAudio,
  contradictorySpeed,
  contradictoryFormat,
  tooManyScenes,
  durationMismatch,
  audioDisabled,
  negativePhrasing,
  vagueFiller,
  vagueStyle,
];

export type { Rule, RuleContext } from './types';
