// PLACEHOLDER until the quality analysis lands (issue 3): signatures only, replaced whole.
import type { QualityReport, ValidationError } from '../contracts/api';

export interface AnalyzeOptions {
  durationSeconds?: number;
  generateAudio?: boolean;
}

export function analyzePrompt(_prompt: string, _options: AnalyzeOptions = {}): QualityReport {
  const empty = { present: false, evidence: [], spans: [] };
  return { score: 0, checklist: { subject: empty, camera: empty, lighting: empty, format: empty, detail: empty, audio: empty }, issues: [] };
}

export function validatePrompt(prompt: string, options: { maxChars: number }): ValidationError[] {
  if (prompt.trim().length === 0) return [{ code: 'prompt_empty', message: 'The prompt is empty.' }];
  if (prompt.length > options.maxChars) return [{ code: 'prompt_too_long', message: `The prompt is longer than ${options.maxChars} characters.` }];
  return [];
}
