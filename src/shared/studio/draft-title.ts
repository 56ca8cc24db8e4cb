import { prefixWithinUnits } from '../text';

/** How a draft is named wherever it is shown: its title, or "Untitled draft" while it has none. */
export const UNTITLED_DRAFT = 'Untitled draft';

export function draftTitle(title: string | undefined): string {
  return title?.trim() || UNTITLED_DRAFT;
}

/**
 * A variant's title: the source's title (or "Untitled") with " (variant n)", shortened so the
 * whole still fits `maxLength` and never cut between the two halves of a surrogate pair.
 */
export function variantTitle(title: string, n: number, maxLength: number): string {
  const suffix = ` (variant ${n})`;
  return `${prefixWithinUnits(title || 'Untitled', Math.max(0, maxLength - suffix.length))}${suffix}`;
}
