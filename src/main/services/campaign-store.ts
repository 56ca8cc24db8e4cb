/** Campaigns: a handful of records in <dataDir>/campaigns.json. */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { Campaign } from '../../shared/studio/models';
import type { DamagedFiles } from './damaged-files';
import { notFound } from './errors';
import { JsonDocument } from './json-document';
import { isSafeId } from './safe-id';

const CampaignFile = z.object({ campaigns: z.array(Campaign) });

export class CampaignStore {
  private constructor(
    private readonly doc: JsonDocument<typeof CampaignFile>,
    private readonly now: () => Date,
  ) {}

  static async open(dataDir: string, damaged: DamagedFiles, now: () => Date): Promise<CampaignStore> {
    const doc = await JsonDocument.open(join(dataDir, 'campaigns.json'), CampaignFile, { campaigns: [] }, damaged);
    return new CampaignStore(doc, now);
  }

  list(includeArchived = false): Campaign[] {
    return this.doc.value.campaigns.filter((c) => includeArchived || !c.archived);
  }

  find(id: string): Campaign | undefined {
    return this.doc.value.campaigns.find((c) => c.id === id);
  }

  get(id: string): Campaign {
    const campaign = this.find(id);
    if (!campaign) throw notFound('Campaign', id);
    return campaign;
  }

  create(name: string, id: string = randomUUID()): Promise<Campaign> {
    const at = this.now().toISOString();
    const campaign: Campaign = { id, name, archived: false, createdAt: at, updatedAt: at };
    return this.doc.update(({ campaigns }) => ({ value: { campaigns: [...campaigns, campaign] }, result: campaign }));
  }

  /**
   * Adds an import's campaigns. A campaign id names its concept-queue file, so an unsafe one gets
   * a fresh id and a safe one is kept in lower case; one known already, in any case, is that
   * campaign (one file on macOS and Windows). Decided under the document's lock. Returns how many
   * were added and the id each incoming id now has.
   */
  merge(incoming: Campaign[]): Promise<{ added: number; ids: Map<string, string> }> {
    return this.doc.update(({ campaigns }) => {
      const known = new Map(campaigns.map((c) => [c.id.toLowerCase(), c.id]));
      const ids = new Map<string, string>();
      const added: Campaign[] = [];
      for (const campaign of incoming) {
        if (ids.has(campaign.id)) continue;
        const wanted = isSafeId(campaign.id) ? campaign.id.toLowerCase() : randomUUID();
        let id = known.get(wanted);
        if (id === undefined) {
          id = wanted;
          known.set(wanted, id);
          added.push({ ...campaign, id });
        }
        ids.set(campaign.id, id);
      }
      return { value: { campaigns: [...campaigns, ...added] }, result: { added: added.length, ids } };
    });
  }

  rename(id: string, name: string): Promise<Campaign> {
    return this.change(id, (c) => ({ ...c, name }));
  }

  archive(id: string, archived: boolean): Promise<Campaign> {
    return this.change(id, (c) => ({ ...c, archived }));
  }

  private change(id: string, edit: (c: Campaign) => Campaign): Promise<Campaign> {
    return this.doc.update(({ campaigns }) => {
      const existing = campaigns.find((c) => c.id === id);
      if (!existing) throw notFound('Campaign', id);
      const updated = { ...edit(existing), updatedAt: this.now().toISOString() };
      return { value: { campaigns: campaigns.map((c) => (c.id === id ? updated : c)) }, result: updated };
    });
  }

  drain(): Promise<void> {
    return this.doc.drain();
  }
}
