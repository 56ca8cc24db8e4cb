import type { ChecklistKey } from '../../contracts/api';
import type { Doc } from '../doc';

/** A character range of the prompt that shows a checklist item is there. */
export interface Evidence {
  readonly start: number;
  readonly end: number;
}

/** One checklist item: finds the evidence for it in the prompt (none: the item is missing). */
export interface ChecklistDetector {
  readonly key: ChecklistKey;
  detect(doc: Doc): readonly Evidence[];
}
