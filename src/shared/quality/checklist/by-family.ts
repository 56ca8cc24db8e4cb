import type { ChecklistKey } from '../../contracts/api';
import type { ChecklistDetector } from './types';

/** The items the vocabulary decides on its own: the evidence is every cue of the item's family. */
export function familyDetector(key: ChecklistKey): ChecklistDetector {
  return { key, detect: (doc) => doc.inFamily(key) };
}
