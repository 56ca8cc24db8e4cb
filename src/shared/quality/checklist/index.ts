/** The six checklist items, in the contract's order; each detector is its own module. */
import type { ChecklistDetector } from './types';
import { familyDetector } from './by-family';
import { formatDetector } from './format';
import { subjectDetector } from './subject';

export const CHECKLIST_DETECTORS: readonly ChecklistDetector[] = [
  subjectDetector,
  familyDetector('camera'),
  familyDetector('lighting'),
  formatDetector,
  familyDetector('detail'),
  familyDetector('audio'),
];

export type { ChecklistDetector, Evidence } from './types';
