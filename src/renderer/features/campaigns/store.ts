/** Campaigns for the sidebar: the list, which one is chosen, and create/rename/archive. */
import { create } from 'zustand';
import type { Campaign } from '../../../shared/studio/models';
import { call } from '../../app/ipc';
import { reportFailure } from '../../app/notices';
import { setDraftCampaign } from '../drafts/store';

interface CampaignsState {
  campaigns: Campaign[];
  showArchived: boolean;
  /** The campaign whose drafts are listed; null for all drafts. */
  selectedId: string | null;
  loaded: boolean;
}

export const useCampaigns = create<CampaignsState>(() => ({ campaigns: [], showArchived: false, selectedId: null, loaded: false }));

export async function loadCampaigns(): Promise<void> {
  try {
    const campaigns = await call('campaigns.list', { includeArchived: true });
    useCampaigns.setState({ campaigns, loaded: true });
  } catch (error) {
    useCampaigns.setState({ loaded: true });
    reportFailure('Loading campaigns', error);
  }
}

function replace(campaign: Campaign): void {
  useCampaigns.setState((s) => ({
    campaigns: s.campaigns.some((c) => c.id === campaign.id)
      ? s.campaigns.map((c) => (c.id === campaign.id ? campaign : c))
      : [...s.campaigns, campaign],
  }));
}

export function selectCampaign(id: string | null): void {
  if (useCampaigns.getState().selectedId === id) return;
  useCampaigns.setState({ selectedId: id });
  setDraftCampaign(id);
}

export async function createCampaign(name: string): Promise<Campaign | null> {
  try {
    const campaign = await call('campaigns.create', { name });
    replace(campaign);
    selectCampaign(campaign.id);
    return campaign;
  } catch (error) {
    reportFailure('Creating the campaign', error);
    return null;
  }
}

export async function renameCampaign(id: string, name: string): Promise<boolean> {
  try {
    replace(await call('campaigns.rename', { id, name }));
    return true;
  } catch (error) {
    reportFailure('Renaming the campaign', error);
    return false;
  }
}

export async function archiveCampaign(id: string, archived: boolean): Promise<void> {
  try {
    replace(await call('campaigns.archive', { id, archived }));
    const { selectedId, showArchived } = useCampaigns.getState();
    if (archived && selectedId === id && !showArchived) selectCampaign(null);
  } catch (error) {
    reportFailure(archived ? 'Archiving the campaign' : 'Restoring the campaign', error);
  }
}

export function setShowArchived(showArchived: boolean): void {
  useCampaigns.setState({ showArchived });
  const { selectedId, campaigns } = useCampaigns.getState();
  if (!showArchived && campaigns.find((c) => c.id === selectedId)?.archived) selectCampaign(null);
}

/** Campaigns the sidebar shows, in the order they were made. */
export function visibleCampaigns(state: CampaignsState): Campaign[] {
  return state.showArchived ? state.campaigns : state.campaigns.filter((c) => !c.archived);
}
