/** Campaigns: a handful of records in <dataDir>/campaigns.json. */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { Campaign } from '../../shared/studio/models';
import type { DamagedFiles } from './damaged-files';
import { notFound } from './errors';
import { JsonDocument } from './json-document';

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

  /** The campaign whose id is this one but for case: its concept-queue file is the same on macOS and Windows. */
  findIgnoringCase(id: string): Campaign | undefined {
    const folded = id.toLowerCase();
    return this.doc.value.campaigns.find((c) => c.id.toLowerCase() === folded);
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

  /** Adds campaigns whose ids are not known yet (import); returns how many were added. */
  addMissing(incoming: Campaign[]): Promise<number> {
    return this.doc.update(({ campaigns }) => {
      const known = new Set(campaigns.map((c) => c.id.toLowerCase()));
      const added = incoming.filter((c) => !known.has(c.id.toLowerCase()));
      return { value: { campaigns: [...campaigns, ...added] }, result: added.length };
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
