import { creditsLine, gateHeadline, gateTone } from './gate-words';
import { GATE_UNKNOWN_MESSAGE } from './gate-words';
import { useGate } from './gate-store';
import './generations.css';

/** Says in plain words whether generation is available now, and why not. */
export function GateBanner() {
  const { view, loadError } = useGate();
  const credits = creditsLine(view);
  return (
    <section className={`gate-banner gate-banner--${gateTone(view)}`} aria-label="Generation status" data-gate-state={view?.state ?? 'unknown'}>
      <div role="status" aria-live="polite">
        <strong className="gate-banner__headline">{gateHeadline(view)}</strong>{' '}
        <span className="gate-banner__message">{loadError ?? view?.message ?? GATE_UNKNOWN_MESSAGE}</span>
      </div>
      {credits && <div className="gate-banner__credits">{credits}</div>}
    </section>
  );
}
