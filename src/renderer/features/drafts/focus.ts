/** Moving focus to places a shortcut names, once React has drawn them. */
export const SEARCH_INPUT_ID = 'draft-search';
export const TITLE_INPUT_ID = 'draft-title';

function focusById(id: string, select: boolean): void {
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (el instanceof HTMLInputElement) {
      el.focus();
      if (select) el.select();
    }
  });
}

export const focusSearch = () => focusById(SEARCH_INPUT_ID, true);
export const focusTitle = () => focusById(TITLE_INPUT_ID, true);
