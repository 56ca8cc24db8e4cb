import { useState } from 'react';
import { creditsLine, GATE_UNKNOWN_MESSAGE, gateHeadline, gateTone } from './gate-words';
import { refreshGate, useGate } from './gate-store';
import './generations.css';

/** Says in plain words whether generation is available now, and why not. */
export function GateBanner() {
  const { view, loadError } = useGate();
  const credits = creditsLine(view);
  const [checking, setChecking] = useState(false);
  const checkAgain = () => {
    setChecking(true);
    // A failed check is reported by the gate itself (offline); nothing more to say here.
    refreshGate()
      .catch(() => undefined)
      .finally(() => setChecking(false));
  };
  return (
    <section className={`gate-banner gate-banner--${gateTone(view)}`} aria-label="Generation status" data-gate-state={view?.state ?? 'unknown'}>
      <div role="status" aria-live="polite">
        <strong className="gate-banner__headline">{gateHeadline(view)}</strong>{' '}
        <span className="gate-banner__message">{loadError ?? view?.message ?? GATE_UNKNOWN_MESSAGE}</span>
      </div>
      <div className="gate-banner__side">
        {credits && <span className="gate-banner__credits">{credits}</span>}
        <button type="button" onClick={checkAgain} disabled={checking}>
          {checking ? 'Checking…' : 'Check again'}
        </button>
      </div>
    </section>
  );
}
