/**
 * Draft content that is not saved yet, kept in the window's sessionStorage so that a reload
 * (or a renderer crash and reload) does not lose it: content whose save failed, and whatever the
 * open draft had pending when the page went away. It comes back when its draft is opened and is
 * saved then. sessionStorage belongs to this window and survives its reloads, not a restart.
 */
import { z } from 'zod';
import { DraftContent } from '../../../shared/studio/models';

const KEY = 'shotlist.unsaved-drafts';
const KeptDrafts = z.record(z.string(), DraftContent);
export type KeptDrafts = z.infer<typeof KeptDrafts>;

/** What an earlier page of this window kept; nothing when the storage holds nothing valid. */
export function readKeptDrafts(storage: Storage): KeptDrafts {
  try {
    const parsed = KeptDrafts.safeParse(JSON.parse(storage.getItem(KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Best effort: when the storage refuses (full, blocked), the content is still kept in memory. */
export function writeKeptDrafts(storage: Storage, kept: KeptDrafts): void {
  try {
    if (Object.keys(kept).length === 0) storage.removeItem(KEY);
    else storage.setItem(KEY, JSON.stringify(kept));
  } catch {
    // the editor's in-memory copy and its error notice remain
  }
}
