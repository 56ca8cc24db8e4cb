/** The shell's state: which screen shows, the settings, the theme, the shortcuts dialog. */
import { create } from 'zustand';
import type { Settings } from '../../shared/studio/models';
import { call } from './ipc';
import { reportFailure } from './notices';
import type { ScreenId } from './screens';
import { isMacPlatform } from './shortcuts';
import { resolveTheme, type ThemeSetting } from './theme-choice';

interface AppState {
  screen: ScreenId;
  settings: Settings | null;
  shortcutsOpen: boolean;
  isMac: boolean;
}

export const useApp = create<AppState>(() => ({
  screen: 'drafts',
  settings: null,
  shortcutsOpen: false,
  isMac: typeof navigator !== 'undefined' && isMacPlatform(navigator.platform),
}));

export function setScreen(screen: ScreenId): void {
  useApp.setState({ screen });
}

export function setShortcutsOpen(open: boolean): void {
  useApp.setState({ shortcutsOpen: open });
}

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export function applyTheme(setting: ThemeSetting): void {
  document.documentElement.dataset.theme = resolveTheme(setting, darkQuery().matches);
}

/** Follows the OS when the setting is "system". */
export function watchSystemTheme(): () => void {
  const query = darkQuery();
  const listener = () => applyTheme(useApp.getState().settings?.theme ?? 'system');
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

export async function loadSettings(): Promise<Settings | null> {
  try {
    const settings = await call('settings.get', {});
    useApp.setState({ settings });
    applyTheme(settings.theme);
    return settings;
  } catch (error) {
    applyTheme('system');
    reportFailure('Loading settings', error);
    return null;
  }
}

export async function updateSettings(change: Partial<Omit<Settings, 'schemaVersion'>>): Promise<void> {
  try {
    const settings = await call('settings.update', change);
    useApp.setState({ settings });
    applyTheme(settings.theme);
  } catch (error) {
    reportFailure('Saving settings', error);
  }
}
