import { updateSettings, useApp } from './store';
import type { ThemeSetting } from './theme-choice';

export function ThemeSelect() {
  const theme = useApp((s) => s.settings?.theme ?? 'system');
  return (
    <label className="theme-select">
      <span>Theme</span>
      <select value={theme} onChange={(e) => void updateSettings({ theme: e.target.value as ThemeSetting })}>
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
