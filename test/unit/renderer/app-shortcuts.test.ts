import { describe, expect, it } from 'vitest';
import { formatShortcut, isMacPlatform, matchShortcut, SHORTCUTS, titleWithShortcut, type KeyPress } from '../../../src/renderer/app/shortcuts';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('matches Ctrl on Windows/Linux and Cmd on macOS, never the other', () => {
    expect(matchShortcut(press('s', { ctrlKey: true }), false)?.action).toBe('save');
    expect(matchShortcut(press('s', { metaKey: true }), true)?.action).toBe('save');
    expect(matchShortcut(press('s', { metaKey: true }), false)).toBeNull();
    expect(matchShortcut(press('s', { ctrlKey: true }), true)).toBeNull();
    expect(matchShortcut(press('s'), false)).toBeNull();
  });

  it('tells undo from redo by Shift, whatever case the key arrives in, and takes Ctrl+Y as redo off macOS', () => {
    expect(matchShortcut(press('z', { ctrlKey: true }), false)?.action).toBe('undo');
    expect(matchShortcut(press('Z', { ctrlKey: true, shiftKey: true }), false)?.action).toBe('redo');
    expect(matchShortcut(press('y', { ctrlKey: true }), false)?.action).toBe('redo');
    expect(matchShortcut(press('y', { metaKey: true }), true)).toBeNull();
  });

  it('switches screens with Ctrl+1..4 and drafts with Alt+Up/Down', () => {
    expect(['1', '2', '3', '4'].map((k) => matchShortcut(press(k, { ctrlKey: true }), false)?.action)).toEqual([
      'screen1',
      'screen2',
      'screen3',
      'screen4',
    ]);
    expect(matchShortcut(press('ArrowUp', { altKey: true }), false)?.action).toBe('previousDraft');
    expect(matchShortcut(press('ArrowDown', { altKey: true }), false)?.action).toBe('nextDraft');
    expect(matchShortcut(press('ArrowDown'), false)).toBeNull();
  });

  it('prints shortcuts the way each platform writes them', () => {
    expect(formatShortcut('redo', false)).toBe('Ctrl+Shift+Z');
    expect(formatShortcut('redo', true)).toBe('⌘⇧Z');
    expect(formatShortcut('nextDraft', false)).toBe('Alt+Down');
    expect(titleWithShortcut('Save now', 'save', false)).toBe('Save now (Ctrl+S)');
    expect(isMacPlatform('MacIntel')).toBe(true);
    expect(isMacPlatform('Linux x86_64')).toBe(false);
  });

  it('has no two shortcuts on the same keys', () => {
    const combos = SHORTCUTS.map((s) => `${s.mod}-${s.shift}-${s.alt}-${s.key.toLowerCase()}`);
    expect(new Set(combos).size).toBe(combos.length);
  });
});
