import { useId } from 'react';
import { titleWithShortcut } from '../../app/shortcuts';
import { useApp, updateSettings } from '../../app/store';
import { useCampaigns } from '../campaigns/store';
import { newDraftAndFocus } from './actions';
import { DraftList } from './DraftList';
import { SEARCH_INPUT_ID } from './focus';
import { selectDraft, setQuery, setSort, setTag, useDrafts, type DraftSort } from './store';

const SORTS: { value: DraftSort; label: string }[] = [
  { value: 'updated', label: 'Last edited' },
  { value: 'created', label: 'Newest' },
  { value: 'title', label: 'Title' },
];

/** Search, tag filter and sort above the (virtualised) list of the chosen campaign's drafts. */
export function DraftListPane() {
  const isMac = useApp((s) => s.isMac);
  const campaignId = useDrafts((s) => s.campaignId);
  const campaignName = useCampaigns((s) => s.campaigns.find((c) => c.id === campaignId)?.name);
  const query = useDrafts((s) => s.query);
  const tag = useDrafts((s) => s.tag);
  const sort = useDrafts((s) => s.sort);
  const knownTags = useDrafts((s) => s.knownTags);
  const count = useDrafts((s) => s.items.length);
  const loaded = useDrafts((s) => s.loaded);
  const error = useDrafts((s) => s.error);
  const draftOpen = useDrafts((s) => s.selectedId !== null);
  const tagId = useId();
  const sortId = useId();
  const heading = campaignName ?? 'All drafts';

  return (
    <section className="draft-pane" aria-label="Draft list">
      <div className="draft-pane__header">
        <h2 className="pane-title">{heading}</h2>
        <button type="button" className="button-primary" title={titleWithShortcut('New draft', 'newDraft', isMac)} onClick={() => void newDraftAndFocus()}>
          New draft
        </button>
      </div>
      {campaignId !== null && draftOpen && (
        <button type="button" className="button-link" onClick={() => void selectDraft(null)}>
          Campaign overview and concept queue
        </button>
      )}
      <div className="draft-filters">
        <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
          Search drafts
        </label>
        <input
          id={SEARCH_INPUT_ID}
          type="search"
          value={query}
          placeholder="Search drafts"
          title={titleWithShortcut('Search drafts', 'focusSearch', isMac)}
          onChange={(e) => setQuery(e.target.value)}
        />
        <div className="draft-filters__row">
          <label htmlFor={tagId}>Tag</label>
          <select id={tagId} value={tag ?? ''} onChange={(e) => setTag(e.target.value || null)}>
            <option value="">All tags</option>
            {knownTags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <label htmlFor={sortId}>Sort</label>
          <select
            id={sortId}
            value={sort}
            onChange={(e) => {
              const next = e.target.value as DraftSort;
              setSort(next);
              void updateSettings({ draftSort: next });
            }}
          >
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="draft-count" role="status">
        {error ? `The drafts could not be listed: ${error}` : loaded ? `${count.toLocaleString()} ${count === 1 ? 'draft' : 'drafts'}` : 'Loading drafts…'}
      </p>
      <DraftList />
    </section>
  );
}
