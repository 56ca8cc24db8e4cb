/** The six checklist items in words: the planning guide's names, and short ones for tight tables. */
import type { ChecklistKey } from '../contracts/api';

export const CHECKLIST_LABELS: Record<ChecklistKey, string> = {
  subject: 'Subject and setting',
  camera: 'Camera motion',
  lighting: 'Lighting and mood',
  format: 'Duration and format',
  detail: 'Product or scene detail',
  audio: 'Audio direction',
};

export const CHECKLIST_SHORT_LABELS: Record<ChecklistKey, string> = {
  subject: 'Subject',
  camera: 'Camera',
  lighting: 'Lighting',
  format: 'Format',
  detail: 'Detail',
  audio: 'Audio',
};
