/** How a draft is named wherever it is shown: its title, or "Untitled draft" while it has none. */
export const UNTITLED_DRAFT = 'Untitled draft';

export function draftTitle(title: string | undefined): string {
  return title?.trim() || UNTITLED_DRAFT;
}
