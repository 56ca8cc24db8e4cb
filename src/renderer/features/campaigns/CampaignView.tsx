import { NewDraftButtons } from '../drafts/NewDraftButtons';
import { useDrafts } from '../drafts/store';
import { ConceptQueuePanel } from '../queue/ConceptQueuePanel';
import { useCampaigns } from './store';

/** A campaign at a glance, shown when it is chosen and no draft is open: its drafts and concept queue. */
export function CampaignView({ campaignId }: { campaignId: string }) {
  const campaign = useCampaigns((s) => s.campaigns.find((c) => c.id === campaignId));
  const count = useDrafts((s) => s.items.length);
  if (!campaign) return null;
  return (
    <section className="campaign-view" aria-labelledby="campaign-view-title">
      <h2 id="campaign-view-title">
        {campaign.name} {campaign.archived && <span className="badge">archived</span>}
      </h2>
      <p className="muted">
        {count === 1 ? '1 draft' : `${count} drafts`} in this campaign. Choose a draft to edit it, or start a new one.
      </p>
      <NewDraftButtons />
      <ConceptQueuePanel campaignId={campaign.id} />
    </section>
  );
}
