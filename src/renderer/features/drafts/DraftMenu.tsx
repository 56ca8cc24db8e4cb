import { Menu } from '../../app/Menu';
import { formatShortcut } from '../../app/shortcuts';
import { useApp } from '../../app/store';
import { saveNow } from '../editor/store';
import { newDraftAndFocus, openDraftDialog } from './actions';
import { focusSearch } from './focus';
import { selectNeighbour, useDrafts } from './store';

/** The Draft menu: every draft action, with its shortcut. */
export function DraftMenu() {
  const isMac = useApp((s) => s.isMac);
  const hasDraft = useDrafts((s) => s.selectedId !== null);
  return (
    <Menu
      label="Draft"
      items={[
        { label: 'New draft', shortcut: formatShortcut('newDraft', isMac), onSelect: () => void newDraftAndFocus() },
        { label: 'New from template…', onSelect: () => openDraftDialog('template') },
        { label: 'Save now', shortcut: formatShortcut('save', isMac), disabled: !hasDraft, onSelect: () => void saveNow() },
        { label: 'Duplicate into variants…', disabled: !hasDraft, onSelect: () => openDraftDialog('duplicate') },
        { label: 'Compare variants…', disabled: !hasDraft, onSelect: () => openDraftDialog('compare') },
        { label: 'Delete draft…', disabled: !hasDraft, onSelect: () => openDraftDialog('delete') },
        { label: 'Search drafts', shortcut: formatShortcut('focusSearch', isMac), onSelect: focusSearch },
        { label: 'Previous draft', shortcut: formatShortcut('previousDraft', isMac), onSelect: () => selectNeighbour(-1) },
        { label: 'Next draft', shortcut: formatShortcut('nextDraft', isMac), onSelect: () => selectNeighbour(1) },
      ]}
    />
  );
}
