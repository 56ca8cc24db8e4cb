/**
 * The quality report of the prompt being edited. The editor's coverage chips and the preview
 * ask for it in the same render; the last answer is kept so the analysis runs once per change.
 */
import type { QualityReport } from '../../../shared/contracts/api';
import { analyzePrompt } from '../../../shared/quality';

let last: { prompt: string; durationSeconds: number; generateAudio: boolean; report: QualityReport } | null = null;

export function qualityOf(prompt: string, durationSeconds: number, generateAudio: boolean): QualityReport {
  if (last && last.prompt === prompt && last.durationSeconds === durationSeconds && last.generateAudio === generateAudio) return last.report;
  const report = analyzePrompt(prompt, { durationSeconds, generateAudio });
  last = { prompt, durationSeconds, generateAudio, report };
  return report;
}
