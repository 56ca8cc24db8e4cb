/** One keydown listener for the whole window, dispatching the shortcut table's actions. */
import { useEffect } from 'react';
import { matchShortcut, type ShortcutAction } from './shortcuts';
import { useApp } from './store';

export type ShortcutHandlers = Record<ShortcutAction, () => void>;

/** Editor-scoped shortcuts act only when focus is inside an element marked data-shortcut-scope="editor". */
function inEditor(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[data-shortcut-scope="editor"]') !== null;
}

export function useGlobalShortcuts(handlers: ShortcutHandlers): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const shortcut = matchShortcut(event, useApp.getState().isMac);
      if (!shortcut) return;
      if (shortcut.scope === 'editor' && !inEditor(event.target)) return;
      // A modal dialog owns the keyboard, except for closing it.
      if (document.querySelector('dialog[open]') && shortcut.action !== 'save') return;
      event.preventDefault();
      handlers[shortcut.action]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [handlers]);
}
