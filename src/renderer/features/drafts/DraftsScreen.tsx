import { CampaignSidebar } from '../campaigns/CampaignSidebar';
import { CampaignView } from '../campaigns/CampaignView';
import { EditorPane } from '../editor/EditorPane';
import { DraftDialogs } from './DraftDialogs';
import { DraftListPane } from './DraftListPane';
import { NewDraftButtons } from './NewDraftButtons';
import { useDrafts } from './store';

/** Campaigns, the draft list, and the open draft (or the chosen campaign's overview). */
export function DraftsScreen() {
  const selectedId = useDrafts((s) => s.selectedId);
  const campaignId = useDrafts((s) => s.campaignId);
  return (
    <div className="drafts-screen">
      <h1 className="visually-hidden">Drafts</h1>
      <CampaignSidebar />
      <DraftListPane />
      {selectedId ? (
        <EditorPane key={selectedId} draftId={selectedId} />
      ) : campaignId ? (
        <CampaignView campaignId={campaignId} />
      ) : (
        <section className="empty-state" aria-label="No draft open">
          <h2>No draft open</h2>
          <p className="muted">Choose a draft from the list, or start one.</p>
          <NewDraftButtons />
        </section>
      )}
      <DraftDialogs />
    </div>
  );
}
