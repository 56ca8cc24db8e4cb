import { useEffect, useId, useMemo, useState } from 'react';
import { CHECKLIST_KEYS } from '../../../shared/contracts/api';
import type { Draft } from '../../../shared/studio/models';
import { composePrompt } from '../../../shared/prompt/compose';
import { Dialog } from '../../app/Dialog';
import { call } from '../../app/ipc';
import { notify, reportFailure } from '../../app/notices';
import { DiffView } from '../editor/DiffView';
import { saveNow, useEditor } from '../editor/store';
import { diffStats, diffSummary, diffWords } from '../editor/word-diff';
import { qualityOf } from '../quality/analysis';
import { COVERAGE_WORDS, coverageOf } from '../quality/coverage';
import { CHECKLIST_LABELS } from '../../../shared/studio/checklist-labels';
import { contentFromTemplate, TEMPLATES } from '../templates/templates';
import { openDraftDialog, useDraftDialog } from './actions';
import { focusTitle } from './focus';
import { createDraft, deleteDraft, showNewDrafts, useDrafts } from './store';
import { draftTitle } from '../../../shared/studio/draft-title';

/** The draft dialogs; one is open at a time. */
export function DraftDialogs() {
  const open = useDraftDialog((s) => s.open);
  const close = () => openDraftDialog(null);
  return (
    <>
      <Dialog open={open === 'template'} title="New draft from a template" onClose={close} wide>
        <TemplatePicker onDone={close} />
      </Dialog>
      <Dialog open={open === 'duplicate'} title="Duplicate into variants" onClose={close}>
        <DuplicateForm onDone={close} />
      </Dialog>
      <Dialog open={open === 'compare'} title="Compare variants" onClose={close} wide>
        <CompareVariants />
      </Dialog>
      <Dialog open={open === 'delete'} title="Delete this draft?" onClose={close}>
        <DeleteConfirm onDone={close} />
      </Dialog>
    </>
  );
}

function TemplatePicker({ onDone }: { onDone: () => void }) {
  return (
    <ul className="template-list">
      {TEMPLATES.map((t) => (
        <li key={t.id} className="template-card">
          <h3>{t.name}</h3>
          <p className="muted">{t.description}</p>
          <p className="template-card__prompt">{composePrompt(t.fields)}</p>
          <button
            type="button"
            className="button-primary"
            aria-label={`Use the ${t.name} template`}
            onClick={async () => {
              const { campaignId } = useDrafts.getState();
              onDone();
              if (await createDraft(contentFromTemplate(t, campaignId))) focusTitle();
            }}
          >
            Use template
          </button>
        </li>
      ))}
    </ul>
  );
}

function DuplicateForm({ onDone }: { onDone: () => void }) {
  const draftId = useEditor((s) => s.draftId);
  const title = useEditor((s) => s.history.present.title);
  const [count, setCount] = useState(2);
  const [busy, setBusy] = useState(false);
  const id = useId();
  if (!draftId) return <p>Open a draft first.</p>;
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        try {
          if (!(await saveNow())) throw new Error('the draft has unsaved changes that could not be saved');
          const copies = await call('drafts.duplicate', { id: draftId, count });
          showNewDrafts(copies);
          notify(`Made ${copies.length} ${copies.length === 1 ? 'variant' : 'variants'} of “${draftTitle(title)}”.`);
          onDone();
        } catch (error) {
          reportFailure('Making variants', error);
        } finally {
          setBusy(false);
        }
      }}
    >
      <p>Each variant is a copy of “{draftTitle(title)}” you can change on its own, then compare.</p>
      <div className="field">
        <label htmlFor={id}>Number of variants</label>
        <input id={id} type="number" min={1} max={20} value={count} onChange={(e) => setCount(Math.min(20, Math.max(1, Number(e.target.value) || 1)))} />
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={busy}>
          Make {count} {count === 1 ? 'variant' : 'variants'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function DeleteConfirm({ onDone }: { onDone: () => void }) {
  const draftId = useEditor((s) => s.draftId);
  const title = useEditor((s) => s.history.present.title);
  if (!draftId) return null;
  return (
    <>
      <p>“{draftTitle(title)}” and its version history will be deleted. This cannot be undone.</p>
      <div className="button-row">
        <button
          type="button"
          className="button-danger"
          onClick={async () => {
            onDone();
            await deleteDraft(draftId);
          }}
        >
          Delete draft
        </button>
        <button type="button" onClick={onDone}>
          Keep it
        </button>
      </div>
    </>
  );
}

function useDraft(id: string | null): Draft | null {
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    setDraft(null);
    if (!id) return;
    let live = true;
    call('drafts.get', { id }).then(
      (d) => live && setDraft(d),
      (error: unknown) => reportFailure('Opening a draft to compare', error),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return draft;
}

/** A list box this long is still usable; past it, the search narrows what is listed. */
const PICKER_OPTIONS_MAX = 500;

/** Two drafts side by side: score and coverage of each, and the words that differ. */
function CompareVariants() {
  const items = useDrafts((s) => s.items);
  const openId = useEditor((s) => s.draftId);
  const [leftId, setLeftId] = useState<string | null>(openId);
  const [rightId, setRightId] = useState<string | null>(() => items.find((d) => d.id !== openId)?.id ?? null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void saveNow().then(() => setReady(true));
  }, []);
  const left = useDraft(ready ? leftId : null);
  const right = useDraft(ready ? rightId : null);
  const parts = useMemo(() => (left && right ? diffWords(left.prompt, right.prompt) : []), [left, right]);
  const leftSelect = useId();
  const rightSelect = useId();

  const [query, setQuery] = useState('');
  const findId = useId();
  const matching = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? items.filter((d) => draftTitle(d.title).toLowerCase().includes(q)) : items;
  }, [items, query]);
  const shown = matching.slice(0, PICKER_OPTIONS_MAX);

  const picker = (id: string, label: string, value: string | null, set: (v: string) => void) => {
    // The chosen draft stays listed whatever the search shows.
    const chosen = value && !shown.some((d) => d.id === value) ? items.find((d) => d.id === value) : undefined;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select id={id} value={value ?? ''} onChange={(e) => set(e.target.value)}>
          {(chosen ? [chosen, ...shown] : shown).map((d) => (
            <option key={d.id} value={d.id}>
              {draftTitle(d.title)}
            </option>
          ))}
        </select>
      </div>
    );
  };

  const stats = diffStats(parts);
  return (
    <div className="compare">
      <div className="field">
        <label htmlFor={findId}>Find drafts by title</label>
        <input id={findId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Type part of a title" />
        <p className="muted" role="status">
          {matching.length > shown.length
            ? `Showing ${shown.length} of ${matching.length} drafts: type more of a title to find the others.`
            : `${matching.length} ${matching.length === 1 ? 'draft' : 'drafts'} to choose from.`}
        </p>
      </div>
      <div className="compare__pickers">
        {picker(leftSelect, 'Variant A', leftId, setLeftId)}
        {picker(rightSelect, 'Variant B', rightId, setRightId)}
      </div>
      <div className="compare__columns">
        <VariantCard draft={left} name="A" />
        <VariantCard draft={right} name="B" />
      </div>
      {left && right && (
        <section aria-label="Prompt differences">
          <h3 className="preview-heading">From A to B</h3>
          <p className="muted">
            {stats.added === 0 && stats.removed === 0 ? 'The prompts are the same.' : `${diffSummary(stats)}.`}
          </p>
          <DiffView parts={parts} label="Prompt differences from A to B" />
        </section>
      )}
    </div>
  );
}

function VariantCard({ draft, name }: { draft: Draft | null; name: string }) {
  if (!draft) return <div className="variant-card muted">Loading variant {name}…</div>;
  const report = qualityOf(draft.prompt, draft.options.durationSeconds, draft.options.generateAudio);
  return (
    <section className="variant-card" aria-label={`Variant ${name}`}>
      <h3>
        {name}: {draftTitle(draft.title)}
      </h3>
      <p>
        Score <strong data-testid={`variant-${name}-score`}>{report.score}</strong> / 100 · {draft.options.durationSeconds} s · {draft.options.aspectRatio}
        {draft.options.generateAudio ? ' · audio' : ''}
      </p>
      <ul className="variant-card__coverage">
        {CHECKLIST_KEYS.map((key) => (
          <li key={key} data-coverage={coverageOf(report, key, draft.options.generateAudio)}>
            {CHECKLIST_LABELS[key]}: {COVERAGE_WORDS[coverageOf(report, key, draft.options.generateAudio)]}
          </li>
        ))}
      </ul>
    </section>
  );
}
