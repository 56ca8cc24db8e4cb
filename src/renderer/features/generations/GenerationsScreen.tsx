import { useEffect } from 'react';
import { call } from '../../app/ipc';
import { refreshGate } from './gate-store';
import { GenerationItem } from './GenerationItem';
import { isFinished } from './generation-words';
import { loadFirstPage, loadNextPage, rememberGeneration, useLiveGenerations, useGenerationsStore } from './store';
import './generations.css';

/**
 * After reading the history: asks the main process to follow unfinished generations it did not
 * start in this session, and re-reads the balance, which generations that ended meanwhile moved.
 */
function followUnfinished(): void {
  void refreshGate().catch(() => undefined);
  for (const generation of useGenerationsStore.getState().items.filter((g) => !isFinished(g))) {
    call('generations.get', { id: generation.id }).then(rememberGeneration, () => undefined);
  }
}

/** Every generation of this account, newest first, live until each is done. */
export function GenerationsScreen() {
  const { items, nextCursor, loaded, loading, error } = useLiveGenerations();
  useEffect(() => {
    void loadFirstPage().then(followUnfinished);
  }, []);

  return (
    <div className="generations-screen">
      <h1>Generations</h1>
      <div className="generations__toolbar">
        <button type="button" onClick={() => void loadFirstPage().then(followUnfinished)} disabled={loading}>
          Refresh
        </button>
        <span role="status" className="muted">
          {loading ? 'Loading…' : loaded ? `${items.length} shown` : ''}
        </span>
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {loaded && items.length === 0 && !error && <p className="muted">No generations yet. Generate a draft to see it here.</p>}
      <ol className="generations__list" aria-label="Generation history">
        {items.map((g) => (
          <GenerationItem key={g.id} generation={g} />
        ))}
      </ol>
      {nextCursor && (
        <button type="button" onClick={() => void loadNextPage()} disabled={loading}>
          Load more
        </button>
      )}
    </div>
  );
}
