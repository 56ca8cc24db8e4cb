/**
 * What each checklist item asks for, in the order the planning guide lists them, with phrases
 * a writer can add in one click.
 */
import type { ChecklistKey } from '../../../shared/contracts/api';
import { CHECKLIST_LABELS } from '../../../shared/studio/checklist-labels';

export interface ChecklistGuide {
  key: ChecklistKey;
  label: string;
  /** The question the field answers. */
  hint: string;
  placeholder: string;
  suggestions: string[];
}

export const CHECKLIST_GUIDE: readonly ChecklistGuide[] = [
  {
    key: 'subject',
    label: CHECKLIST_LABELS.subject,
    hint: 'Who or what is on screen, and where.',
    placeholder: 'A ceramic coffee cup on a sunlit kitchen counter',
    suggestions: ['in a minimalist studio', 'on a rain-soaked city street at night', 'in a sunlit kitchen', 'on a misty mountain ridge'],
  },
  {
    key: 'camera',
    label: CHECKLIST_LABELS.camera,
    hint: 'How the camera moves and frames the subject.',
    placeholder: 'Slow dolly-in from a wide shot to a close-up',
    suggestions: ['slow dolly-in', 'smooth orbit around the subject', 'handheld tracking shot', 'static locked-off wide shot', 'aerial drone pull-back'],
  },
  {
    key: 'lighting',
    label: CHECKLIST_LABELS.lighting,
    hint: 'The light, its colour, and the feeling it gives.',
    placeholder: 'Warm golden-hour light, calm and hopeful mood',
    suggestions: ['warm golden-hour light', 'soft diffused daylight', 'moody low-key lighting', 'neon reflections', 'calm, hopeful mood'],
  },
  {
    key: 'format',
    label: CHECKLIST_LABELS.format,
    hint: 'Length and shape of the clip; the controls below set what is sent.',
    placeholder: '8-second 16:9 widescreen clip',
    suggestions: [],
  },
  {
    key: 'detail',
    label: CHECKLIST_LABELS.detail,
    hint: 'The specific details that must be right.',
    placeholder: 'Steam curls from the cup; the logo faces the camera',
    suggestions: ['the logo faces the camera', 'fine texture visible in close-up', 'background softly out of focus', 'colours match the brand palette'],
  },
  {
    key: 'audio',
    label: CHECKLIST_LABELS.audio,
    hint: 'Music, sound and voice. Needed when the clip has sound.',
    placeholder: 'Soft piano with light ambient room sound',
    suggestions: ['soft ambient music', 'natural ambient sound', 'no voice-over', 'upbeat electronic track'],
  },
];

/** Appends a suggested phrase to a field's text as a new clause. */
export function appendPhrase(text: string, phrase: string): string {
  const trimmed = text.trimEnd();
  if (trimmed === '') return phrase.charAt(0).toUpperCase() + phrase.slice(1);
  if (trimmed.toLowerCase().includes(phrase.toLowerCase())) return text;
  const joiner = /[,;:]$/.test(trimmed) ? ' ' : ', ';
  return `${trimmed}${joiner}${phrase}`;
}
