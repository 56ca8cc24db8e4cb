/**
 * Outcome directives of the simulated provider (contract: "The simulated provider"). A prompt
 * may carry several; the strongest outcome wins (reject > hold > fail > succeed) and
 * `[sim:duplicate]` combines with any of them.
 */
export type SimOutcome = 'succeed' | 'fail' | 'reject' | 'hold';

export interface SimDirectives {
  outcome: SimOutcome;
  duplicate: boolean;
}

const DIRECTIVE = /\[sim:(fail|reject|hold|duplicate)\]/gi;
const STRENGTH: readonly SimOutcome[] = ['succeed', 'fail', 'hold', 'reject'];

export function parseDirectives(prompt: string): SimDirectives {
  let outcome: SimOutcome = 'succeed';
  let duplicate = false;
  for (const match of prompt.matchAll(DIRECTIVE)) {
    const word = (match[1] ?? '').toLowerCase();
    if (word === 'duplicate') {
      duplicate = true;
    } else if (isOutcome(word) && STRENGTH.indexOf(word) > STRENGTH.indexOf(outcome)) {
      outcome = word;
    }
  }
  return { outcome, duplicate };
}

function isOutcome(word: string): word is SimOutcome {
  return (STRENGTH as readonly string[]).includes(word);
}
