import { useId, useState } from 'react';
import { generationCost } from '../../../shared/contracts/api';
import { call } from '../../app/ipc';
import { ConfirmDialog } from './ConfirmDialog';
import { gateBlockedReason } from './gate-words';
import { refreshGate, useGate } from './gate-store';
import { creditsNote, statusLabel } from './generation-words';
import { rememberGeneration, useGeneration } from './store';
import './generations.css';
import { draftTitle } from '../../../shared/studio/draft-title';

interface Pending {
  title: string;
  cost: number;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'The generation could not be submitted.';
}

/**
 * Submits a draft for generation. Disabled, with the reason in words, while the gate is not
 * open; asks before reserving credits; then follows the generation it started. `prepare` runs
 * first (the editor saves pending edits there), so what is priced and sent is what is on screen.
 */
export function GenerateButton({ draftId, prepare }: { draftId: string; prepare?: () => Promise<boolean> }) {
  const { view, loadError } = useGate();
  const reason = gateBlockedReason(view, loadError);
  const reasonId = useId();
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [generationId, setGenerationId] = useState<string | null>(null);
  const generation = useGeneration(generationId);

  const ask = async () => {
    setError(null);
    setBusy(true);
    try {
      if (prepare && !(await prepare())) {
        setError('Your latest edits could not be saved, so nothing was sent. Save the draft, then try again.');
        return;
      }
      // Read the saved draft now: the cost follows the options it will be sent with.
      const draft = await call('drafts.get', { id: draftId });
      setPending({ title: draftTitle(draft.title), cost: generationCost(draft.options) });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    setBusy(true);
    try {
      const created = await call('generations.submit', { draftId });
      rememberGeneration(created);
      setGenerationId(created.id);
      setPending(null);
      // Credits were just reserved: show the new balance now rather than at the next poll.
      void refreshGate().catch(() => undefined);
    } catch (e) {
      setError(messageOf(e));
      setPending(null);
    } finally {
      setBusy(false);
    }
  };

  const available = view?.credits?.available;
  return (
    <div className="generate">
      <button
        type="button"
        className="button-primary"
        disabled={reason !== null || busy}
        aria-describedby={reason ? reasonId : undefined}
        onClick={() => void ask()}
      >
        Generate
      </button>
      {reason && (
        <p id={reasonId} className="generate__reason">
          {reason}
        </p>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {generation && (
        <p role="status" className="generate__status" data-status={generation.status}>
          Generation {statusLabel(generation.status).toLowerCase()} · {creditsNote(generation)}
          {generation.error ? ` · ${generation.error.message}` : ''}
        </p>
      )}
      <ConfirmDialog
        open={pending !== null}
        title="Generate this draft?"
        confirmLabel={pending ? `Reserve ${pending.cost} credits and generate` : 'Generate'}
        busy={busy}
        onConfirm={() => void submit()}
        onCancel={() => setPending(null)}
      >
        {pending && (
          <>
            <p>
              “{pending.title}” will be sent for generation. <strong>{pending.cost} credits</strong> will be reserved now; they
              are refunded if the generation fails.
            </p>
            {available !== undefined && <p>You have {available} credits available.</p>}
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}
