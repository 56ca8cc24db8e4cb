/**
 * Prompt quality analysis, shared by the studio (offline, on every keystroke) and the server
 * (`POST /v1/prompts/validate`, the gate). Pure and deterministic: no network, no model.
 */
import {
  CHECKLIST_KEYS, DEFAULT_DURATION_S, type ChecklistItemResult, type ChecklistKey, type EvidenceSpan, type QualityIssue,
  type QualityReport, type ValidationError,
} from '../contracts/api';
import { CHECKLIST_DETECTORS } from './checklist';
import { analyse } from './doc';
import { RULES } from './rules';
import { scorePrompt } from './score';
import { TokenPool } from './tokenize';

export interface AnalyzeOptions {
  durationSeconds?: number;
  generateAudio?: boolean;
}

// Reused by every analysis (each runs to completion before the next): nothing of the Doc
// escapes into the report, which holds only fresh spans and strings.
const pool = new TokenPool();

export function analyzePrompt(prompt: string, options: AnalyzeOptions = {}): QualityReport {
  const doc = analyse(prompt, pool);
  const checklist = {} as Record<ChecklistKey, ChecklistItemResult>;
  for (const detector of CHECKLIST_DETECTORS) {
    const spans: EvidenceSpan[] = [];
    const evidence: string[] = [];
    for (const e of detector.detect(doc)) {
      if (spans.some((s) => s.start === e.start && s.end === e.end)) continue;
      const text = prompt.slice(e.start, e.end);
      spans.push({ start: e.start, end: e.end, text });
      if (!evidence.includes(text)) evidence.push(text);
    }
    checklist[detector.key] = { present: spans.length > 0, evidence, spans };
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
