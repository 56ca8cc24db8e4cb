/**
 * Composes the checklist fields into the prompt a provider receives: in checklist order,
 * each field as a clause, empty ones left out.
 */
import { CHECKLIST_KEYS } from '../contracts/api';
import type { ChecklistFields } from '../studio/models';

function clause(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/[\s.;,]+$/, '');
}

export function composePrompt(fields: ChecklistFields): string {
  const parts = CHECKLIST_KEYS.map((k) => clause(fields[k])).filter((p) => p.length > 0);
  return parts.length === 0 ? '' : `${parts.join('. ')}.`;
}
