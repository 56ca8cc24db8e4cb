/** Unsaved draft content kept across reloads: read back only when valid, written best effort. */
import { describe, expect, it } from 'vitest';
import { DraftContent } from '../../../src/shared/studio/models';
import { readKeptDrafts, writeKeptDrafts } from '../../../src/renderer/features/editor/kept-content';

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  refuse = false;
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.refuse) throw new DOMException('quota exceeded', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

const content = DraftContent.parse({ title: 'Rooftop garden', mode: 'guided', fields: { subject: 'Bees' }, freeText: '', prompt: 'Bees', options: {}, tags: [], campaignId: null });

describe('kept draft content', () => {
  it('reads back what was written, and an empty map leaves nothing behind', () => {
    const storage = new MemoryStorage();
    expect(readKeptDrafts(storage)).toEqual({});
    writeKeptDrafts(storage, { d1: content });
    expect(readKeptDrafts(storage)).toEqual({ d1: content });
    writeKeptDrafts(storage, {});
    expect(storage.length).toBe(0);
  });

  it('ignores what is not valid kept content', () => {
    const storage = new MemoryStorage();
    for (const bad of ['not json', '[1,2]', JSON.stringify({ d1: { title: 5 } })]) {
      storage.setItem('shotlist.unsaved-drafts', bad);
      expect(readKeptDrafts(storage)).toEqual({});
    }
  });

  it('does not throw when the storage refuses a write', () => {
    const storage = new MemoryStorage();
    storage.refuse = true;
    expect(() => writeKeptDrafts(storage, { d1: content })).not.toThrow();
  });
});
