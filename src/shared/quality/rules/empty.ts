/** Nothing to analyse: no words at all. */
import type { Rule } from './types';

export const emptyPrompt: Rule = {
  code: 'empty',
  penalty: 0,
  maxPenalty: 0,
  check: ({ doc }) => (doc.wordCount > 0 ? [] : [{
    code: 'empty',
    severity: 'error',
    message: 'The prompt has no words.',
    suggestion: 'Describe the subject and where it is, then the camera, light, format and sound.',
  }]),
};
