import { useMemo, useState } from 'react';
import type { DraftVersion } from '../../../shared/studio/models';
import { DiffView } from './DiffView';
import { restoreVersion, useEditor } from './store';
import { diffStats, diffSummary, diffWords } from './word-diff';
import { draftTitle } from '../../../shared/studio/draft-title';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** Every saved version, newest first; pick one to see what changed since, and restore it. */
export function VersionHistory() {
  const versions = useEditor((s) => s.versions);
  const current = useEditor((s) => s.history.present);
  const latest = useEditor((s) => s.saved?.version ?? 0);
  const [chosen, setChosen] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const newestFirst = useMemo(() => (versions ? [...versions].reverse() : []), [versions]);
  const selected: DraftVersion | undefined = newestFirst.find((v) => v.version === chosen) ?? newestFirst[1] ?? newestFirst[0];

  if (!versions) return <p className="muted">Loading the version history…</p>;

  return (
    <div className="version-history">
      <div>
        <h3 className="preview-heading">Versions</h3>
        <ul className="version-list" aria-label="Versions">
          {newestFirst.map((v) => (
            <li key={v.version}>
              <button
                type="button"
                className="version-list__item"
                aria-pressed={v.version === selected?.version}
                onClick={() => setChosen(v.version)}
              >
                <span>
                  Version {v.version}
                  {v.version === latest && <span className="badge">current</span>}
                </span>
                <time dateTime={v.savedAt} className="muted">
                  {timeFormat.format(new Date(v.savedAt))}
                </time>
              </button>
            </li>
          ))}
        </ul>
      </div>
      {selected && <VersionDiff version={selected} current={current} isLatest={selected.version === latest} busy={busy} onRestore={async () => {
        setBusy(true);
        await restoreVersion(selected.version);
        setChosen(null);
        setBusy(false);
      }} />}
    </div>
  );
}

interface VersionDiffProps {
  version: DraftVersion;
  current: { title: string; prompt: string };
  isLatest: boolean;
  busy: boolean;
  onRestore: () => void;
}

function VersionDiff({ version, current, isLatest, busy, onRestore }: VersionDiffProps) {
  const parts = useMemo(() => diffWords(version.content.prompt, current.prompt), [version, current.prompt]);
  const stats = diffStats(parts);
  const titleChanged = version.content.title !== current.title;
  return (
    <section className="version-diff" aria-label={`Changes since version ${version.version}`}>
      <h3 className="preview-heading">
        From version {version.version} to what you see now
      </h3>
      <p className="muted">
        {stats.added === 0 && stats.removed === 0 && !titleChanged
          ? 'No changes to the prompt.'
          : `${diffSummary(stats)}${titleChanged ? `; title was “${draftTitle(version.content.title)}”` : ''}.`}
      </p>
      <DiffView parts={parts} label={`Prompt changes since version ${version.version}`} />
      <div className="button-row">
        <button type="button" className="button-primary" disabled={isLatest || busy} onClick={onRestore}>
          Restore version {version.version}
        </button>
        {isLatest && <span className="muted">This is the saved version.</span>}
      </div>
    </section>
  );
}
