/** Draft actions shared by the menu, the toolbar and the shortcuts, and which dialog is open. */
import { create } from 'zustand';
import { setScreen } from '../../app/store';
import { focusTitle } from './focus';
import { createDraft } from './store';

export type DraftDialog = 'template' | 'duplicate' | 'compare' | 'delete';

export const useDraftDialog = create<{ open: DraftDialog | null }>(() => ({ open: null }));

export function openDraftDialog(dialog: DraftDialog | null): void {
  useDraftDialog.setState({ open: dialog });
}

export async function newDraftAndFocus(): Promise<void> {
  setScreen('drafts');
  if (await createDraft()) focusTitle();
}
