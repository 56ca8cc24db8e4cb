/**
 * Every keyboard shortcut of the studio in one table: what the key handler matches and what
 * menus, help and button titles print, so the two can never disagree.
 */

export type ShortcutAction =
  | 'newDraft'
  | 'focusSearch'
  | 'save'
  | 'undo'
  | 'redo'
  | 'screen1'
  | 'screen2'
  | 'screen3'
  | 'screen4'
  | 'previousDraft'
  | 'nextDraft'
  | 'showShortcuts';

export interface Shortcut {
  action: ShortcutAction;
  /** KeyboardEvent.key, compared case-insensitively. */
  key: string;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
  description: string;
  /** Editor shortcuts apply only while focus is in the editor. */
  scope: 'global' | 'editor';
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'newDraft', key: 'n', mod: true, description: 'New draft', scope: 'global' },
  { action: 'focusSearch', key: 'f', mod: true, description: 'Search drafts', scope: 'global' },
  { action: 'save', key: 's', mod: true, description: 'Save now', scope: 'global' },
  { action: 'undo', key: 'z', mod: true, description: 'Undo', scope: 'editor' },
  { action: 'redo', key: 'z', mod: true, shift: true, description: 'Redo', scope: 'editor' },
  { action: 'screen1', key: '1', mod: true, description: 'Go to Drafts', scope: 'global' },
  { action: 'screen2', key: '2', mod: true, description: 'Go to Reviews', scope: 'global' },
  { action: 'screen3', key: '3', mod: true, description: 'Go to Generations', scope: 'global' },
  { action: 'screen4', key: '4', mod: true, description: 'Go to Account', scope: 'global' },
  { action: 'previousDraft', key: 'ArrowUp', alt: true, description: 'Previous draft', scope: 'global' },
  { action: 'nextDraft', key: 'ArrowDown', alt: true, description: 'Next draft', scope: 'global' },
  { action: 'showShortcuts', key: '/', mod: true, description: 'Show keyboard shortcuts', scope: 'global' },
];

/** The parts of a KeyboardEvent a shortcut depends on. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function isMacPlatform(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

export function matchShortcut(press: KeyPress, isMac: boolean): Shortcut | null {
  const mod = isMac ? press.metaKey : press.ctrlKey;
  const stray = isMac ? press.ctrlKey : press.metaKey;
  if (stray) return null;
  const key = press.key.toLowerCase();
  for (const s of SHORTCUTS) {
    if (s.key.toLowerCase() !== key) continue;
    if (Boolean(s.mod) !== mod || Boolean(s.shift) !== press.shiftKey || Boolean(s.alt) !== press.altKey) continue;
    return s;
  }
  // Ctrl+Y is the usual redo on Windows and Linux.
  if (!isMac && mod && !press.shiftKey && !press.altKey && key === 'y') return shortcutFor('redo');
  return null;
}

export function shortcutFor(action: ShortcutAction): Shortcut {
  const found = SHORTCUTS.find((s) => s.action === action);
  if (!found) throw new Error(`No shortcut for ${action}`);
  return found;
}

const KEY_NAMES: Record<string, string> = { arrowup: 'Up', arrowdown: 'Down', '/': '/' };

function keyName(key: string): string {
  return KEY_NAMES[key.toLowerCase()] ?? key.toUpperCase();
}

/** "Ctrl+Shift+Z" on Windows/Linux, "⌘⇧Z" on macOS. */
export function formatShortcut(action: ShortcutAction, isMac: boolean): string {
  const s = shortcutFor(action);
  if (isMac) return `${s.mod ? '⌘' : ''}${s.alt ? '⌥' : ''}${s.shift ? '⇧' : ''}${keyName(s.key)}`;
  return [s.mod && 'Ctrl', s.alt && 'Alt', s.shift && 'Shift', keyName(s.key)].filter(Boolean).join('+');
}

/** A button title with its shortcut: "Save now (Ctrl+S)". */
export function titleWithShortcut(label: string, action: ShortcutAction, isMac: boolean): string {
  return `${label} (${formatShortcut(action, isMac)})`;
}
