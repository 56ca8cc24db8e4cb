/**
 * Edits of a draft's content that keep its prompt in step: in guided mode the prompt is the
 * fields composed, in free-text mode it is the free text.
 */
import type { ChecklistKey } from '../../../shared/contracts/api';
import { composePrompt } from '../../../shared/prompt/compose';
import type { DraftContent, DraftMode, GenerationOptions } from '../../../shared/studio/models';

export const MAX_TAG_CHARS = 50;
export const MAX_TAGS = 50;

function withPrompt(content: DraftContent): DraftContent {
  const prompt = content.mode === 'guided' ? composePrompt(content.fields) : content.freeText;
  return prompt === content.prompt ? content : { ...content, prompt };
}

export function withField(content: DraftContent, key: ChecklistKey, value: string): DraftContent {
  return withPrompt({ ...content, fields: { ...content.fields, [key]: value } });
}

export function withFreeText(content: DraftContent, freeText: string): DraftContent {
  return withPrompt({ ...content, freeText });
}

/** Switching to free text starts from the composed prompt when there is no free text yet. */
export function withMode(content: DraftContent, mode: DraftMode): DraftContent {
  if (mode === content.mode) return content;
  const freeText = mode === 'freeText' && content.freeText.trim() === '' ? composePrompt(content.fields) : content.freeText;
  return withPrompt({ ...content, mode, freeText });
}

export function withOptions(content: DraftContent, change: Partial<GenerationOptions>): DraftContent {
  return { ...content, options: { ...content.options, ...change } };
}

/** Tags trimmed, cut to the allowed length, without empties or case-insensitive repeats. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ').slice(0, MAX_TAG_CHARS).trim();
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    result.push(tag);
    if (result.length === MAX_TAGS) break;
  }
  return result;
}

/** "night, Product ,, neon" → the tags typed, split on commas. */
export function parseTagInput(text: string): string[] {
  return normalizeTags(text.split(','));
}

/** A format clause from the real controls, e.g. "8-second 16:9 widescreen clip". */
export function formatClause(options: Pick<GenerationOptions, 'durationSeconds' | 'aspectRatio'>): string {
  const shape = { '16:9': 'widescreen', '9:16': 'vertical', '1:1': 'square' }[options.aspectRatio];
  return `${options.durationSeconds}-second ${options.aspectRatio} ${shape} clip`;
}
