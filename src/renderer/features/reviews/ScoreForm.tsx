import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { CHECKLIST_KEYS, type ChecklistKey } from '../../../shared/contracts/api';
import { analyzePrompt } from '../../../shared/quality';
import type { Draft } from '../../../shared/studio/models';
import { call } from '../../app/ipc';
import { completeScores, reviewFormProblem, type DraftScores } from './score-logic';
import { CHECKLIST_SHORT_LABELS } from '../../../shared/studio/checklist-labels';
import { submitReview } from './store';
import { draftTitle } from '../../../shared/studio/draft-title';

const SCORE_VALUES = [1, 2, 3, 4, 5] as const;

interface ScoreFormProps {
  draft: Draft;
  onSubmitted: () => void;
}

/** Scores each checklist item 1–5 with a comment, the automatic analysis beside each score. */
export function ScoreForm({ draft, onSubmitted }: ScoreFormProps) {
  const [scores, setScores] = useState<DraftScores>({});
  const [comment, setComment] = useState('');
  const [reviewer, setReviewer] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const commentId = useId();
  const reviewerId = useId();
  const report = useMemo(
    () => analyzePrompt(draft.prompt, { durationSeconds: draft.options.durationSeconds, generateAudio: draft.options.generateAudio }),
    [draft.prompt, draft.options.durationSeconds, draft.options.generateAudio],
  );

  useEffect(() => {
    setScores({});
    setComment('');
    setProblem(null);
  }, [draft.id, draft.version]);
  useEffect(() => {
    call('settings.get', {}).then((s) => setReviewer((current) => current || s.reviewerName), () => undefined);
  }, []);

  const setScore = (key: ChecklistKey, value: number) => setScores((s) => ({ ...s, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const formProblem = reviewFormProblem(scores, reviewer);
    const complete = completeScores(scores);
    if (formProblem || !complete) return setProblem(formProblem);
    setProblem(null);
    setBusy(true);
    const name = reviewer.trim();
    const ok = await submitReview({ draftId: draft.id, draftVersion: draft.version, reviewer: name, scores: complete, comment });
    setBusy(false);
    if (!ok) return;
    // Remember the name for the next review; failing to is harmless.
    call('settings.update', { reviewerName: name }).catch(() => undefined);
    onSubmitted();
  };

  return (
    <form className="score-form" aria-labelledby={headingId} onSubmit={(e) => void submit(e)}>
      <h2 id={headingId}>Review “{draftTitle(draft.title)}” (version {draft.version})</h2>
      <section className="score-form__prompt" aria-label="Prompt under review">
        <p>{draft.prompt || <span className="muted">This draft has no prompt yet.</span>}</p>
        <p className="muted">
          Automatic quality score: <strong data-testid="auto-score">{report.score}</strong> / 100 · {draft.options.durationSeconds} s ·{' '}
          {draft.options.aspectRatio}
        </p>
      </section>
      {CHECKLIST_KEYS.map((key) => {
        const item = report.checklist[key];
        return (
          <fieldset key={key} className="score-form__item">
            <legend>{CHECKLIST_SHORT_LABELS[key]}</legend>
            <div className="score-form__choices">
              {SCORE_VALUES.map((value) => (
                <label key={value} className="score-form__choice">
                  <input type="radio" name={`score-${key}`} value={value} checked={scores[key] === value} onChange={() => setScore(key, value)} />
                  {value}
                </label>
              ))}
            </div>
            <p className={`score-form__auto ${item.present ? 'auto--present' : 'auto--missing'}`}>
              Automatic: {item.present ? `covered (${item.evidence.slice(0, 3).join(', ') || 'found'})` : 'not covered'}
            </p>
          </fieldset>
        );
      })}
      {report.issues.length > 0 && (
        <section aria-label="Automatic issues" className="score-form__issues">
          <h3>What the analysis noticed</h3>
          <ul>
            {report.issues.map((issue, i) => (
              <li key={`${issue.code}-${i}`}>{issue.message}</li>
            ))}
          </ul>
        </section>
      )}
      <label htmlFor={commentId}>Comment</label>
      <textarea id={commentId} value={comment} onChange={(e) => setComment(e.target.value)} rows={4} maxLength={5000} />
      <label htmlFor={reviewerId}>Reviewer name</label>
      <input id={reviewerId} value={reviewer} onChange={(e) => setReviewer(e.target.value)} maxLength={200} autoComplete="name" />
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? 'Saving…' : 'Submit review'}
      </button>
    </form>
  );
}
