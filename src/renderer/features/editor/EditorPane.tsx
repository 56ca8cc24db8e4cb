import { useId } from 'react';
import { DraftReviews } from '../reviews/DraftReviews';
import { QualityPreview } from '../quality/QualityPreview';
import { EditorForm } from './EditorForm';
import { EditorToolbar } from './EditorToolbar';
import { setTab, useEditor, type EditorTab } from './store';
import { VersionHistory } from './VersionHistory';

const TABS: { id: EditorTab; label: string }[] = [
  { id: 'edit', label: 'Edit' },
  { id: 'history', label: 'Version history' },
  { id: 'reviews', label: 'Reviews' },
];

/** The open draft: toolbar, tabs, and the checklist editor beside its live quality preview. */
export function EditorPane({ draftId }: { draftId: string }) {
  const tab = useEditor((s) => s.tab);
  const loading = useEditor((s) => s.loading);
  const loadError = useEditor((s) => s.loadError);
  const ready = useEditor((s) => s.saved?.id === draftId);
  const base = useId();

  if (loadError) {
    return (
      <section className="editor-pane" aria-label="Editor">
        <p role="alert" className="error-text">
          This draft could not be opened: {loadError}
        </p>
      </section>
    );
  }
  if (loading || !ready) {
    return (
      <section className="editor-pane" aria-label="Editor" aria-busy="true">
        <p className="muted">Opening the draft…</p>
      </section>
    );
  }

  return (
    <section className="editor-pane" aria-label="Editor" data-shortcut-scope="editor">
      <EditorToolbar draftId={draftId} />
      <div role="tablist" aria-label="Draft views" className="tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${base}-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`${base}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tab"
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => {
              const at = TABS.findIndex((x) => x.id === tab);
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (!step) return;
              e.preventDefault();
              const next = TABS[(at + step + TABS.length) % TABS.length]!;
              setTab(next.id);
              document.getElementById(`${base}-tab-${next.id}`)?.focus();
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${tab}`} className="tab-panel">
        {tab === 'edit' && (
          <div className="editor-body">
            <EditorForm />
            <QualityPreview />
          </div>
        )}
        {tab === 'history' && <VersionHistory />}
        {tab === 'reviews' && <DraftReviews draftId={draftId} />}
      </div>
    </section>
  );
}
