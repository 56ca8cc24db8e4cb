/** How each checklist item stands in a report, in words for the preview and the coverage chips. */
import { CHECKLIST_KEYS, type ChecklistKey, type QualityReport } from '../../../shared/contracts/api';

export type Coverage = 'covered' | 'missing' | 'not-needed';

export const COVERAGE_WORDS: Record<Coverage, string> = { covered: 'Covered', missing: 'Missing', 'not-needed': 'Not needed' };

/** Audio direction is needed only when the clip has sound. */
export function coverageOf(report: QualityReport, key: ChecklistKey, generateAudio: boolean): Coverage {
  if (report.checklist[key].present) return 'covered';
  return key === 'audio' && !generateAudio ? 'not-needed' : 'missing';
}

export function coverageCounts(report: QualityReport, generateAudio: boolean): { covered: number; needed: number } {
  let covered = 0;
  let needed = 0;
  for (const key of CHECKLIST_KEYS) {
    const c = coverageOf(report, key, generateAudio);
    if (c !== 'not-needed') needed += 1;
    if (c === 'covered') covered += 1;
  }
  return { covered, needed };
}
