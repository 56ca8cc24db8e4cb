import { useLayoutEffect, useMemo } from 'react';
import { CHECKLIST_KEYS, DEFAULT_MAX_PROMPT_CHARS, type ChecklistKey, type QualityReport } from '../../../shared/contracts/api';
import { notePreviewCommitted } from '../../app/perf';
import { CHECKLIST_GUIDE } from '../editor/checklist-guide';
import { COVERAGE_WORDS, coverageCounts, coverageOf } from './coverage';
import { CHECKLIST_LABELS } from '../../../shared/studio/checklist-labels';
import { segmentHighlights, type KeyedSpan } from './highlight';
import { useQuality } from './useQuality';

const SEVERITY_WORDS = { error: 'Fix', warning: 'Improve', info: 'Tip' } as const;

/** Score, checklist coverage with the covering words highlighted, and suggestions — live, offline. */
export function QualityPreview() {
  const { prompt, report, generateAudio } = useQuality();
  useLayoutEffect(() => notePreviewCommitted(), [report]);
  const { covered, needed } = coverageCounts(report, generateAudio);
  const missing = CHECKLIST_GUIDE.filter((g) => coverageOf(report, g.key, generateAudio) === 'missing');

  return (
    // Focusable so that keyboard users can scroll it when it overflows.
    <aside className="quality-preview" aria-label="Quality preview" tabIndex={0}>
      <h2 className="pane-title">Quality preview</h2>
      <div className="quality-score">
        <p className="quality-score__line">
          <span className="quality-score__value" data-testid="quality-score">
            {report.score}
          </span>
          <span className="quality-score__max">/ 100</span>
        </p>
        <meter className="quality-score__meter" min={0} max={100} low={50} high={80} optimum={100} value={report.score} aria-label="Quality score" />
        <p className="quality-score__summary">
          {covered} of {needed} checklist items covered
        </p>
      </div>

      <h3 className="preview-heading">Checklist</h3>
      <ul className="quality-checklist">
        {CHECKLIST_KEYS.map((key) => (
          <ChecklistRow key={key} item={key} report={report} generateAudio={generateAudio} />
        ))}
      </ul>

      <h3 className="preview-heading">Prompt</h3>
      <HighlightedPrompt prompt={prompt} report={report} />
      <p className={prompt.length > DEFAULT_MAX_PROMPT_CHARS ? 'prompt-length prompt-length--over' : 'prompt-length'}>
        {prompt.length.toLocaleString()} / {DEFAULT_MAX_PROMPT_CHARS.toLocaleString()} characters
      </p>

      <h3 className="preview-heading">Suggestions</h3>
      {report.issues.length === 0 && missing.length === 0 ? (
        <p className="muted">No suggestions: the prompt covers what it needs.</p>
      ) : report.issues.length === 0 ? (
        <ul className="quality-issues">
          {missing.map((guide) => (
            <li key={guide.key} className="issue issue--warning" data-code={`missing_${guide.key}`}>
              <strong className="issue__severity">Add:</strong> {guide.label}. <span className="issue__suggestion">{guide.hint}</span>
            </li>
          ))}
        </ul>
      ) : (
        <ul className="quality-issues">
          {report.issues.map((issue, i) => (
            <li key={`${issue.code}-${i}`} className={`issue issue--${issue.severity}`} data-code={issue.code}>
              <strong className="issue__severity">{SEVERITY_WORDS[issue.severity]}:</strong> {issue.message}
              {issue.suggestion && <span className="issue__suggestion"> {issue.suggestion}</span>}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

function ChecklistRow({ item, report, generateAudio }: { item: ChecklistKey; report: QualityReport; generateAudio: boolean }) {
  const coverage = coverageOf(report, item, generateAudio);
  const evidence = report.checklist[item].evidence;
  return (
    <li className={`checklist-row checklist-row--${coverage}`} data-item={item} data-coverage={coverage}>
      <span className={`hl-swatch hl-${item}`} aria-hidden="true" />
      <span className="checklist-row__label">{CHECKLIST_LABELS[item]}</span>
      <span className="checklist-row__status">
        <span aria-hidden="true">{coverage === 'covered' ? '✓ ' : coverage === 'missing' ? '✗ ' : '– '}</span>
        {COVERAGE_WORDS[coverage]}
      </span>
      {evidence.length > 0 && (
        <span className="checklist-row__evidence">
          {evidence.map((e) => (
            <q key={e}>{e}</q>
          ))}
        </span>
      )}
    </li>
  );
}

function HighlightedPrompt({ prompt, report }: { prompt: string; report: QualityReport }) {
  const runs = useMemo(() => {
    const spans: KeyedSpan<ChecklistKey>[] = CHECKLIST_KEYS.flatMap((key) =>
      report.checklist[key].spans.map((s) => ({ start: s.start, end: s.end, key })),
    );
    return segmentHighlights(prompt, spans, CHECKLIST_KEYS);
  }, [prompt, report]);
  if (prompt.trim() === '') return <p className="quality-prompt muted">The prompt is empty. Fill in the checklist to build it.</p>;
  return (
    <p className="quality-prompt" data-testid="highlighted-prompt">
      {runs.map((run) =>
        run.keys.length === 0 ? (
          <span key={run.start}>{run.text}</span>
        ) : (
          <mark key={run.start} className={`hl hl-${run.keys[0]}`} data-items={run.keys.join(' ')} title={run.keys.map((k) => CHECKLIST_LABELS[k]).join(', ')}>
            {run.text}
          </mark>
        ),
      )}
    </p>
  );
}
