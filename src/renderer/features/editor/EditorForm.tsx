import { useId, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { MAX_DURATION_S, MIN_DURATION_S, ASPECT_RATIOS, CHECKLIST_KEYS, type AspectRatio } from '../../../shared/contracts/api';
import type { DraftMode } from '../../../shared/studio/models';
import { noteInput } from '../../app/perf';
import { useCampaigns } from '../campaigns/store';
import { TITLE_INPUT_ID } from '../drafts/focus';
import { COVERAGE_WORDS, coverageOf } from '../quality/coverage';
import { CHECKLIST_LABELS } from '../../../shared/studio/checklist-labels';
import { useQuality } from '../quality/useQuality';
import { appendPhrase, CHECKLIST_GUIDE, type ChecklistGuide } from './checklist-guide';
import { formatClause, normalizeTags, parseTagInput, withField, withFreeText, withMode, withOptions } from './content-edits';
import { edit, useEditor } from './store';
import { UNTITLED_DRAFT } from '../../../shared/studio/draft-title';

const MAX_SUGGESTIONS = 3;

/** The draft's fields: title, campaign, tags, the checklist (or free text) and the video options. */
export function EditorForm() {
  return (
    <form className="editor-form" aria-label="Draft" onSubmit={(e) => e.preventDefault()}>
      <TitleField />
      <div className="editor-form__meta">
        <CampaignField />
        <TagsField />
      </div>
      <ModeSwitch />
      <PromptFields />
      <VideoOptions />
    </form>
  );
}

function TitleField() {
  const title = useEditor((s) => s.history.present.title);
  return (
    <div className="field">
      <label htmlFor={TITLE_INPUT_ID}>Title</label>
      <input
        id={TITLE_INPUT_ID}
        className="title-input"
        value={title}
        maxLength={300}
        placeholder={UNTITLED_DRAFT}
        onChange={(e) => {
          const value = e.target.value;
          edit((c) => ({ ...c, title: value }), 'title');
        }}
      />
    </div>
  );
}

function CampaignField() {
  const campaignId = useEditor((s) => s.history.present.campaignId);
  const campaigns = useCampaigns((s) => s.campaigns);
  const id = useId();
  const choices = campaigns.filter((c) => !c.archived || c.id === campaignId);
  return (
    <div className="field">
      <label htmlFor={id}>Campaign</label>
      <select
        id={id}
        value={campaignId ?? ''}
        onChange={(e) => {
          const value = e.target.value || null;
          edit((c) => ({ ...c, campaignId: value }));
        }}
      >
        <option value="">No campaign</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function TagsField() {
  const tags = useEditor((s) => s.history.present.tags);
  const [text, setText] = useState('');
  const id = useId();
  const add = () => {
    const added = parseTagInput(text);
    if (added.length > 0) edit((c) => ({ ...c, tags: normalizeTags([...c.tags, ...added]) }));
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add();
    } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
      edit((c) => ({ ...c, tags: c.tags.slice(0, -1) }));
    }
  };
  return (
    <div className="field tags-field">
      <label htmlFor={id}>Tags</label>
      <div className="tags-field__box">
        {tags.map((t) => (
          <span key={t} className="tag">
            {t}
            <button
              type="button"
              className="tag__remove"
              aria-label={`Remove tag ${t}`}
              onClick={() => edit((c) => ({ ...c, tags: c.tags.filter((x) => x !== t) }))}
            >
              ✕
            </button>
          </span>
        ))}
        <input id={id} value={text} placeholder="Add a tag, press Enter" onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown} onBlur={add} />
      </div>
    </div>
  );
}

function ModeSwitch() {
  const mode = useEditor((s) => s.history.present.mode);
  const set = (m: DraftMode) => edit((c) => withMode(c, m));
  return (
    <fieldset className="mode-switch">
      <legend>Prompt mode</legend>
      <label className={mode === 'guided' ? 'segment segment--on' : 'segment'}>
        <input type="radio" name="prompt-mode" value="guided" checked={mode === 'guided'} onChange={() => set('guided')} />
        Guided checklist
      </label>
      <label className={mode === 'freeText' ? 'segment segment--on' : 'segment'}>
        <input type="radio" name="prompt-mode" value="freeText" checked={mode === 'freeText'} onChange={() => set('freeText')} />
        Free text
      </label>
    </fieldset>
  );
}

function PromptFields() {
  const mode = useEditor((s) => s.history.present.mode);
  if (mode === 'freeText') return <FreeTextField />;
  return (
    <div className="guided-fields">
      {CHECKLIST_GUIDE.map((guide) => (
        <GuidedField key={guide.key} guide={guide} />
      ))}
    </div>
  );
}

function GuidedField({ guide }: { guide: ChecklistGuide }) {
  const value = useEditor((s) => s.history.present.fields[guide.key]);
  const id = `field-${guide.key}`;
  const onChange = (e: ChangeEvent<HTMLTextAreaElement>) => {
    noteInput(e.nativeEvent.timeStamp);
    const text = e.target.value;
    edit((c) => withField(c, guide.key, text), guide.key);
  };
  return (
    <div className="field guided-field" data-item={guide.key}>
      <label htmlFor={id}>
        <span className={`hl-swatch hl-${guide.key}`} aria-hidden="true" />
        {guide.label}
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {guide.hint}
      </p>
      <textarea id={id} aria-describedby={`${id}-hint`} rows={2} maxLength={2000} value={value} placeholder={guide.placeholder} onChange={onChange} />
      <Suggestions guide={guide} value={value} />
    </div>
  );
}

function Suggestions({ guide, value }: { guide: ChecklistGuide; value: string }) {
  const durationSeconds = useEditor((s) => s.history.present.options.durationSeconds);
  const aspectRatio = useEditor((s) => s.history.present.options.aspectRatio);
  const phrases = guide.key === 'format' ? [formatClause({ durationSeconds, aspectRatio })] : guide.suggestions;
  const left = phrases.filter((p) => !value.toLowerCase().includes(p.toLowerCase())).slice(0, MAX_SUGGESTIONS);
  if (left.length === 0) return null;
  return (
    <div className="suggestions">
      <span className="suggestions__label" aria-hidden="true">
        Add:
      </span>
      {left.map((phrase) => (
        <button
          key={phrase}
          type="button"
          className="chip"
          aria-label={`Add “${phrase}” to ${guide.label}`}
          onClick={() => edit((c) => withField(c, guide.key, appendPhrase(c.fields[guide.key], phrase)))}
        >
          + {phrase}
        </button>
      ))}
    </div>
  );
}

function FreeTextField() {
  const freeText = useEditor((s) => s.history.present.freeText);
  return (
    <div className="field">
      <label htmlFor="field-free-text">Prompt</label>
      <p id="field-free-text-hint" className="field-hint">
        Write the whole prompt. The chips below show which checklist items it covers.
      </p>
      <textarea
        id="field-free-text"
        aria-describedby="field-free-text-hint"
        rows={10}
        maxLength={20_000}
        value={freeText}
        onChange={(e) => {
          noteInput(e.nativeEvent.timeStamp);
          const text = e.target.value;
          edit((c) => withFreeText(c, text), 'freeText');
        }}
      />
      <CoverageChips />
    </div>
  );
}

function CoverageChips() {
  const { report, generateAudio } = useQuality();
  return (
    <ul className="coverage-chips" aria-label="Checklist coverage">
      {CHECKLIST_KEYS.map((key) => {
        const coverage = coverageOf(report, key, generateAudio);
        return (
          <li key={key} className={`coverage-chip coverage-chip--${coverage}`} data-item={key} data-coverage={coverage}>
            <span className={`hl-swatch hl-${key}`} aria-hidden="true" />
            {CHECKLIST_LABELS[key]}: {COVERAGE_WORDS[coverage]}
          </li>
        );
      })}
    </ul>
  );
}

function VideoOptions() {
  const options = useEditor((s) => s.history.present.options);
  const durationId = useId();
  const negativeId = useId();
  return (
    <fieldset className="video-options">
      <legend>Video</legend>
      <div className="field">
        <label htmlFor={durationId}>Duration</label>
        <div className="duration-control">
          <input
            id={durationId}
            type="range"
            min={MIN_DURATION_S}
            max={MAX_DURATION_S}
            step={1}
            value={options.durationSeconds}
            aria-valuetext={`${options.durationSeconds} seconds`}
            onChange={(e) => {
              const durationSeconds = Number(e.target.value);
              edit((c) => withOptions(c, { durationSeconds }), 'duration');
            }}
          />
          <output htmlFor={durationId}>{options.durationSeconds} s</output>
        </div>
      </div>
      <fieldset className="aspect-options">
        <legend>Aspect ratio</legend>
        {ASPECT_RATIOS.map((ratio: AspectRatio) => (
          <label key={ratio} className={options.aspectRatio === ratio ? 'segment segment--on' : 'segment'}>
            <input
              type="radio"
              name="aspect-ratio"
              value={ratio}
              checked={options.aspectRatio === ratio}
              onChange={() => edit((c) => withOptions(c, { aspectRatio: ratio }))}
            />
            {ratio}
          </label>
        ))}
      </fieldset>
      <label className="checkbox-label">
        <input type="checkbox" checked={options.generateAudio} onChange={(e) => {
          const generateAudio = e.target.checked;
          edit((c) => withOptions(c, { generateAudio }));
        }} />
        Generate audio
      </label>
      <div className="field">
        <label htmlFor={negativeId}>Avoid (negative prompt)</label>
        <input
          id={negativeId}
          value={options.negativePrompt}
          maxLength={1000}
          placeholder="Things the clip must not show"
          onChange={(e) => {
            const negativePrompt = e.target.value;
            edit((c) => withOptions(c, { negativePrompt }), 'negative');
          }}
        />
      </div>
    </fieldset>
  );
}
