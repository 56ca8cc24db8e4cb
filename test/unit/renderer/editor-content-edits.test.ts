import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, EMPTY_FIELDS, type DraftContent } from '../../../src/shared/studio/models';
import { formatClause, normalizeTags, parseTagInput, withField, withFreeText, withMode, withOptions } from '../../../src/renderer/features/editor/content-edits';
import { appendPhrase } from '../../../src/renderer/features/editor/checklist-guide';
import { resolveTheme } from '../../../src/renderer/app/theme-choice';

const blank: DraftContent = { title: '', mode: 'guided', fields: EMPTY_FIELDS, freeText: '', prompt: '', options: DEFAULT_OPTIONS, tags: [], campaignId: null };

describe('content edits', () => {
  it('recomposes the prompt from the fields in guided mode', () => {
    const c = withField(withField(blank, 'camera', 'slow pan'), 'subject', 'A fox in snow');
    expect(c.prompt).toBe('A fox in snow. slow pan.');
  });

  it('uses the free text as the prompt in free-text mode, starting from the composed prompt', () => {
    const guided = withField(blank, 'subject', 'A fox in snow');
    const free = withMode(guided, 'freeText');
    expect(free.freeText).toBe('A fox in snow.');
    const edited = withFreeText(free, 'A fox in snow, slow pan');
    expect(edited.prompt).toBe('A fox in snow, slow pan');
    expect(withField(edited, 'camera', 'ignored here').prompt).toBe('A fox in snow, slow pan');
    expect(withMode(edited, 'guided').prompt).toBe('A fox in snow.');
  });

  it('keeps existing free text when switching back to it', () => {
    const c = withMode(withMode(withFreeText(withMode(blank, 'freeText'), 'mine'), 'guided'), 'freeText');
    expect(c.freeText).toBe('mine');
    expect(c.prompt).toBe('mine');
  });

  it('changes options without touching anything else', () => {
    const c = withOptions(blank, { durationSeconds: 12 });
    expect(c.options).toEqual({ ...DEFAULT_OPTIONS, durationSeconds: 12 });
    expect(c.fields).toBe(blank.fields);
  });

  it('cleans tags: trimmed, no empties, no case-insensitive repeats, length capped', () => {
    expect(parseTagInput(' night, Product ,, night , NIGHT,product ')).toEqual(['night', 'Product']);
    expect(normalizeTags(['x'.repeat(80)])[0]!.length).toBe(50);
    expect(normalizeTags(Array.from({ length: 60 }, (_, i) => `t${i}`)).length).toBe(50);
  });

  it('writes a format clause from the controls', () => {
    expect(formatClause({ durationSeconds: 6, aspectRatio: '9:16' })).toBe('6-second 9:16 vertical clip');
  });

  it('appends a suggested phrase as a clause, once', () => {
    expect(appendPhrase('', 'slow dolly-in')).toBe('Slow dolly-in');
    expect(appendPhrase('Wide shot', 'slow dolly-in')).toBe('Wide shot, slow dolly-in');
    expect(appendPhrase('Wide shot,', 'slow dolly-in')).toBe('Wide shot, slow dolly-in');
    expect(appendPhrase('Wide shot, slow dolly-in', 'Slow dolly-in')).toBe('Wide shot, slow dolly-in');
  });

  it('resolves the system theme by the OS preference', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
  });
});
