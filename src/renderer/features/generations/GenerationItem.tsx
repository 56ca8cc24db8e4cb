import { useState } from 'react';
import type { Generation } from '../../../shared/contracts/api';
import { call } from '../../app/ipc';
import { creditsNote, isFinished, statusLabel } from './generation-words';
import { refreshGate } from './gate-store';
import { rememberGeneration } from './store';

/** One generation in the history: status live until done, the clip when it succeeded, the failure and refund when not. */
export function GenerationItem({ generation }: { generation: Generation }) {
  const [playing, setPlaying] = useState(false);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const title = generation.promptPreview || 'Untitled prompt';
  const created = new Date(generation.createdAt).toLocaleString();

  const cancel = async () => {
    setCancelError(null);
    try {
      rememberGeneration(await call('generations.cancel', { id: generation.id }));
      void refreshGate().catch(() => undefined);
    } catch (error) {
      setCancelError(error instanceof Error ? error.message : 'The generation could not be canceled.');
    }
  };

  return (
    <li className="generation" data-status={generation.status} data-generation-id={generation.id}>
      <div className="generation__head">
        <span className="generation__title">{title}</span>
        <span className={`generation__status status--${generation.status}`}>{statusLabel(generation.status)}</span>
      </div>
      <div className="generation__meta muted">
        {created} · {generation.durationSeconds} s · {generation.aspectRatio} · <span className="generation__credits">{creditsNote(generation)}</span>
      </div>
      {generation.error && <p className="generation__error">{generation.error.message}</p>}
      <div className="generation__actions">
        {generation.status === 'succeeded' && generation.videoUrl && (
          <button type="button" aria-expanded={playing} onClick={() => setPlaying((p) => !p)} aria-label={`${playing ? 'Hide' : 'Play'} clip: ${title}`}>
            {playing ? 'Hide clip' : 'Play clip'}
          </button>
        )}
        {!isFinished(generation) && (
          <button type="button" onClick={() => void cancel()} aria-label={`Cancel generation: ${title}`}>
            Cancel
          </button>
        )}
      </div>
      {cancelError && (
        <p role="alert" className="error-text">
          {cancelError}
        </p>
      )}
      {playing && generation.videoUrl && (
        <video className="generation__video" src={generation.videoUrl} controls autoPlay muted playsInline preload="auto" aria-label={`Clip: ${title}`} />
      )}
    </li>
  );
}
