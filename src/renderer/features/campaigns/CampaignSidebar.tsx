import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Campaign } from '../../../shared/studio/models';
import {
  archiveCampaign,
  createCampaign,
  renameCampaign,
  selectCampaign,
  setShowArchived,
  useCampaigns,
  visibleCampaigns,
} from './store';

/** Campaigns: choose one to list its drafts; create, rename and archive them. */
export function CampaignSidebar() {
  const campaigns = useCampaigns(useShallow(visibleCampaigns));
  const selectedId = useCampaigns((s) => s.selectedId);
  const showArchived = useCampaigns((s) => s.showArchived);
  const [name, setName] = useState('');
  const nameId = useId();

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    if (await createCampaign(trimmed)) setName('');
  };

  return (
    <nav className="campaign-sidebar" aria-label="Campaigns">
      <h2 className="pane-title">Campaigns</h2>
      <ul className="campaign-list">
        <li>
          <button type="button" className="campaign-list__select" aria-current={selectedId === null ? 'true' : undefined} onClick={() => selectCampaign(null)}>
            All drafts
          </button>
        </li>
        {campaigns.map((c) => (
          <CampaignItem key={c.id} campaign={c} selected={c.id === selectedId} />
        ))}
      </ul>
      <form className="campaign-create" onSubmit={onCreate}>
        <label htmlFor={nameId}>New campaign</label>
        <div className="inline-form">
          <input id={nameId} value={name} maxLength={200} placeholder="Campaign name" onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={!name.trim()}>
            Add
          </button>
        </div>
      </form>
      <label className="checkbox-label">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
        Show archived
      </label>
    </nav>
  );
}

function CampaignItem({ campaign, selected }: { campaign: Campaign; selected: boolean }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(campaign.name);
  const inputId = useId();

  const onRename = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed && (trimmed === campaign.name || (await renameCampaign(campaign.id, trimmed)))) setRenaming(false);
  };

  if (renaming) {
    return (
      <li>
        <form className="campaign-rename" onSubmit={onRename}>
          <label htmlFor={inputId} className="visually-hidden">
            New name for {campaign.name}
          </label>
          <input
            id={inputId}
            value={name}
            maxLength={200}
            autoFocus
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                setName(campaign.name);
                setRenaming(false);
              }
            }}
          />
          <div className="inline-form">
            <button type="submit" disabled={!name.trim()}>
              Save
            </button>
            <button type="button" onClick={() => setRenaming(false)}>
              Cancel
            </button>
          </div>
        </form>
      </li>
    );
  }

  return (
    <li className={campaign.archived ? 'campaign-list__item campaign-list__item--archived' : 'campaign-list__item'}>
      <button type="button" className="campaign-list__select" aria-current={selected ? 'true' : undefined} onClick={() => selectCampaign(campaign.id)}>
        {campaign.name}
        {campaign.archived && <span className="badge">archived</span>}
      </button>
      {selected && (
        <div className="campaign-list__actions">
          <button
            type="button"
            className="button-small"
            aria-label={`Rename ${campaign.name}`}
            onClick={() => {
              setName(campaign.name);
              setRenaming(true);
            }}
          >
            Rename
          </button>
          <button
            type="button"
            className="button-small"
            aria-label={`${campaign.archived ? 'Restore' : 'Archive'} ${campaign.name}`}
            onClick={() => void archiveCampaign(campaign.id, !campaign.archived)}
          >
            {campaign.archived ? 'Restore' : 'Archive'}
          </button>
        </div>
      )}
    </li>
  );
}
