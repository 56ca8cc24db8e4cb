import { Dialog } from './Dialog';
import { formatShortcut, SHORTCUTS } from './shortcuts';
import { setShortcutsOpen, useApp } from './store';

/** Every shortcut, from the same table the key handler uses. */
export function ShortcutsDialog() {
  const open = useApp((s) => s.shortcutsOpen);
  const isMac = useApp((s) => s.isMac);
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={() => setShortcutsOpen(false)}>
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>
                {s.description}
                {s.scope === 'editor' ? ' (in the editor)' : ''}
              </td>
              <td>
                <kbd>{formatShortcut(s.action, isMac)}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
