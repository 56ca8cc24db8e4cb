import type { ChecklistItemResult, ChecklistKey, QualityIssue } from '../../contracts/api';
import type { Doc } from '../doc';

export interface RuleContext {
  readonly doc: Doc;
  readonly checklist: Readonly<Record<ChecklistKey, ChecklistItemResult>>;
  /** The clip's duration: the chosen option, else the one the prompt states, else the default. */
  readonly durationSeconds: number;
  /** Whether `durationSeconds` is the chosen option (not read from the prompt or defaulted). */
  readonly durationChosen: boolean;
  readonly generateAudio: boolean | undefined;
}

/** One piece of advice: a code, and the issues it finds (none when the prompt is fine). */
export interface Rule {
  readonly code: string;
  /** Score points each issue costs, and the most the rule can cost in all. */
  readonly penalty: number;
  readonly maxPenalty: number;
  check(ctx: RuleContext): QualityIssue[];
}
