/**
 * Prompt quality analysis, shared by the studio (offline, on every keystroke) and the server
 * (`POST /v1/prompts/validate`, the gate). Pure and deterministic: no network, no model.
 */
import {
  CHECKLIST_KEYS, DEFAULT_DURATION_S, type ChecklistItemResult, type ChecklistKey, type QualityIssue, type QualityReport,
  type ValidationError,
} from '../contracts/api';
import { CHECKLIST_DETECTORS } from './checklist';
import { analyse } from './doc';
import { RULES } from './rules';
import { scorePrompt } from './score';

export interface AnalyzeOptions {
  durationSeconds?: number;
  generateAudio?: boolean;
}

export function analyzePrompt(prompt: string, options: AnalyzeOptions = {}): QualityReport {
  const doc = analyse(prompt);
  const checklist = {} as Record<ChecklistKey, ChecklistItemResult>;
  for (const detector of CHECKLIST_DETECTORS) {
    const seen = new Set<string>();
    const spans = [];
    for (const e of detector.detect(doc)) {
      const key = `${e.start}:${e.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      spans.push({ start: e.start, end: e.end, text: prompt.slice(e.start, e.end) });
    }
    checklist[detector.key] = { present: spans.length > 0, evidence: [...new Set(spans.map((s) => s.text))], spans };
  }
  for (const key of CHECKLIST_KEYS) checklist[key] ??= { present: false, evidence: [], spans: [] };

  const stated = doc.formats.find((f) => f.kind === 'duration')?.seconds;
  const ctx = {
    doc,
    checklist,
    durationSeconds: options.durationSeconds ?? stated ?? DEFAULT_DURATION_S,
    durationChosen: options.durationSeconds !== undefined,
    generateAudio: options.generateAudio,
  };
  const issues: QualityIssue[] = [];
  let penalty = 0;
  for (const rule of RULES) {
    const found = rule.check(ctx);
    issues.push(...found);
    penalty += Math.min(rule.maxPenalty, found.length * rule.penalty);
  }
  return { score: scorePrompt(checklist, penalty), checklist, issues };
}

// Whitespace, control and format characters (zero-width, BOM) carry no prompt.
const BLANK = /^[\s\p{Cc}\p{Cf}]*$/u;

/** Hard errors only: what the server rejects (422). Quality issues are advice, never rejection. */
export function validatePrompt(prompt: string, options: { maxChars: number }): ValidationError[] {
  if (BLANK.test(prompt)) return [{ code: 'prompt_empty', message: 'The prompt is empty.' }];
  if (prompt.length > options.maxChars) return [{ code: 'prompt_too_long', message: `The prompt is longer than ${options.maxChars} characters.` }];
  return [];
}
