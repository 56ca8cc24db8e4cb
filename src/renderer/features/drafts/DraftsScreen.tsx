import { CampaignSidebar } from '../campaigns/CampaignSidebar';
import { CampaignView } from '../campaigns/CampaignView';
import { EditorPane } from '../editor/EditorPane';
import { newDraftAndFocus, openDraftDialog } from './actions';
import { DraftDialogs } from './DraftDialogs';
import { DraftListPane } from './DraftListPane';
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
          <div className="button-row">
            <button type="button" className="button-primary" onClick={() => void newDraftAndFocus()}>
              New draft
            </button>
            <button type="button" onClick={() => openDraftDialog('template')}>
              New from template…
            </button>
          </div>
        </section>
      )}
      <DraftDialogs />
    </div>
  );
}
