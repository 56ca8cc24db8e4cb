/**
 * Import and export formats: JSON (complete, re-importable, validated with zod on the way in),
 * Markdown (for reading) and CSV (drafts with their review scores, for spreadsheets).
 */
import { z } from 'zod';
import { CHECKLIST_KEYS } from '../../shared/contracts/api';
import { Campaign, Draft } from '../../shared/studio/models';
import { CHECKLIST_LABELS } from '../../shared/studio/checklist-labels';
import { StudioError } from './errors';
import { parseJsonText } from './json-file';
import { draftTitle } from '../../shared/studio/draft-title';

export const EXPORT_FORMAT_TAG = 'shotlist-export';

export const ExportBundle = z.object({
  format: z.literal(EXPORT_FORMAT_TAG),
  version: z.literal(1),
  exportedAt: z.string(),
  campaigns: z.array(Campaign),
  drafts: z.array(Draft),
});
export type ExportBundle = z.infer<typeof ExportBundle>;

export interface ExportedFile {
  filename: string;
  mimeType: string;
  content: string;
}

export function parseBundle(text: string): ExportBundle {
  const outcome = parseJsonText(text, ExportBundle);
  if (!outcome.ok) throw new StudioError('invalid_input', `This is not a Shotlist export: it is ${outcome.reason}`);
  return outcome.value;
}

function draftMarkdown(draft: Draft, campaigns: Map<string, Campaign>): string {
  const lines = [
    `## ${draftTitle(draft.title)}`,
    '',
    `- Campaign: ${draft.campaignId ? (campaigns.get(draft.campaignId)?.name ?? draft.campaignId) : 'none'}`,
    `- Version ${draft.version}, updated ${draft.updatedAt}`,
    `- Tags: ${draft.tags.length ? draft.tags.join(', ') : 'none'}`,
    `- ${draft.options.durationSeconds} s, ${draft.options.aspectRatio}${draft.options.generateAudio ? ', with audio' : ''}`,
    '',
    '### Prompt',
    '',
    draft.prompt ? draft.prompt.split('\n').map((l) => `> ${l}`).join('\n') : '_empty_',
    '',
  ];
  if (draft.mode === 'guided') {
    lines.push('### Checklist', '');
    for (const key of CHECKLIST_KEYS) lines.push(`- **${CHECKLIST_LABELS[key]}:** ${draft.fields[key] || '_missing_'}`);
    lines.push('');
  }
  if (draft.reviews.length) {
    lines.push('### Reviews', '');
    for (const r of draft.reviews) {
      const scores = CHECKLIST_KEYS.map((k) => `${k} ${r.scores[k]}`).join(', ');
      lines.push(`- ${r.reviewer} on version ${r.draftVersion} (${r.createdAt}): ${scores}${r.comment ? ` — ${r.comment}` : ''}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function csvCell(value: string | number): string {
  let text = String(value);
  // A leading = + - @ would run as a formula in a spreadsheet.
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per review (a draft without reviews gets one row with empty scores). */
export function draftsCsv(drafts: Draft[], campaigns: Map<string, Campaign>): string {
  const header = ['draft_id', 'title', 'campaign', 'version', 'tags', 'prompt', 'reviewed_version', 'reviewer', ...CHECKLIST_KEYS, 'comment', 'reviewed_at'];
  const rows = drafts.flatMap((d) => {
    const base = [d.id, d.title, d.campaignId ? (campaigns.get(d.campaignId)?.name ?? d.campaignId) : '', d.version, d.tags.join(' '), d.prompt];
    if (d.reviews.length === 0) return [[...base, '', '', ...CHECKLIST_KEYS.map(() => ''), '', '']];
    return d.reviews.map((r) => [...base, r.draftVersion, r.reviewer, ...CHECKLIST_KEYS.map((k) => r.scores[k]), r.comment, r.createdAt]);
  });
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function exportFile(
  format: 'json' | 'markdown' | 'csv',
  name: string,
  drafts: Draft[],
  campaigns: Campaign[],
  exportedAt: Date,
): ExportedFile {
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const base = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || 'shotlist';
  switch (format) {
    case 'json': {
      const bundle: ExportBundle = { format: EXPORT_FORMAT_TAG, version: 1, exportedAt: exportedAt.toISOString(), campaigns, drafts };
      return { filename: `${base}.json`, mimeType: 'application/json', content: `${JSON.stringify(bundle, null, 2)}\n` };
    }
    case 'markdown':
      return {
        filename: `${base}.md`,
        mimeType: 'text/markdown',
        content: [`# ${name}`, '', `Exported ${exportedAt.toISOString()}, ${drafts.length} drafts.`, '', ...drafts.map((d) => draftMarkdown(d, byId))].join('\n'),
      };
    case 'csv':
      return { filename: `${base}.csv`, mimeType: 'text/csv', content: draftsCsv(drafts, byId) };
  }
}
