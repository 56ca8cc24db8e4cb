import { titleWithShortcut } from '../../app/shortcuts';
import { useApp } from '../../app/store';
import { openDraftDialog } from '../drafts/actions';
import { GenerateButton } from '../generations/GenerateButton';
import type { AutosaveStatus } from './autosave';
import { redoEdit, saveNow, selectCanRedo, selectCanUndo, undoEdit, useEditor } from './store';

const STATUS_WORDS: Record<AutosaveStatus['state'], string> = {
  saved: 'All changes saved',
  pending: 'Unsaved changes',
  saving: 'Saving…',
  failed: 'Not saved',
};

export function EditorToolbar({ draftId }: { draftId: string }) {
  const isMac = useApp((s) => s.isMac);
  const canUndo = useEditor(selectCanUndo);
  const canRedo = useEditor(selectCanRedo);
  const version = useEditor((s) => s.saved?.version ?? 1);
  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Draft actions">
      <div className="button-row">
        <button type="button" onClick={undoEdit} disabled={!canUndo} title={titleWithShortcut('Undo', 'undo', isMac)}>
          Undo
        </button>
        <button type="button" onClick={redoEdit} disabled={!canRedo} title={titleWithShortcut('Redo', 'redo', isMac)}>
          Redo
        </button>
        <button type="button" onClick={() => void saveNow()} title={titleWithShortcut('Save now', 'save', isMac)}>
          Save
        </button>
        <SaveStatus version={version} />
      </div>
      <div className="button-row">
        <button type="button" onClick={() => openDraftDialog('duplicate')}>
          Variants…
        </button>
        <button type="button" onClick={() => openDraftDialog('compare')}>
          Compare…
        </button>
        <button type="button" className="button-danger" onClick={() => openDraftDialog('delete')}>
          Delete…
        </button>
        <GenerateButton draftId={draftId} prepare={saveNow} />
      </div>
    </div>
  );
}

function SaveStatus({ version }: { version: number }) {
  const status = useEditor((s) => s.status);
  return (
    <span className={`save-status save-status--${status.state}`} role="status" data-save-state={status.state}>
      {STATUS_WORDS[status.state]}
      {status.state === 'saved' && <span className="muted"> · version {version}</span>}
      {status.state === 'failed' && (
        <>
          : {status.message}{' '}
          <button type="button" className="button-small" onClick={() => void saveNow()}>
            Retry
          </button>
        </>
      )}
    </span>
  );
}
