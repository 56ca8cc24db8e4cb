import { describe, expect, it } from 'vitest';
import { CHECKLIST_KEYS } from '../../../src/shared/contracts/api';
import { DraftContent } from '../../../src/shared/studio/models';
import { analyzePrompt } from '../../../src/shared/quality';
import { contentFromTemplate, TEMPLATES } from '../../../src/renderer/features/templates/templates';

describe('prompt templates', () => {
  it('has the four themes of the planning guide', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(['product', 'campaign', 'privacy-first', 'retry-safe']);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s makes a valid draft with every needed checklist item filled', (_id, template) => {
    const content = DraftContent.parse(contentFromTemplate(template, 'c1'));
    expect(content.campaignId).toBe('c1');
    for (const key of CHECKLIST_KEYS) {
      if (key === 'audio' && !template.options.generateAudio) continue;
      expect(content.fields[key].length, key).toBeGreaterThan(10);
      expect(content.prompt).toContain(content.fields[key].slice(0, 20));
    }
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s names the same duration and aspect ratio in its text as in its controls', (_id, template) => {
    expect(template.fields.format).toContain(`${template.options.durationSeconds}-second`);
    expect(template.fields.format).toContain(template.options.aspectRatio);
  });

  it('gives each new draft its own copy of the template', () => {
    const a = contentFromTemplate(TEMPLATES[0]!, null);
    a.fields.subject = 'changed';
    a.tags.push('x');
    expect(TEMPLATES[0]!.fields.subject).not.toBe('changed');
    expect(TEMPLATES[0]!.tags).not.toContain('x');
  });
});

describe('prompt templates, judged by the quality analysis', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s covers every checklist item it needs, with no error or warning', (_id, template) => {
    const content = contentFromTemplate(template, null);
    const report = analyzePrompt(content.prompt, { durationSeconds: template.options.durationSeconds, generateAudio: template.options.generateAudio });
    for (const key of CHECKLIST_KEYS) {
      if (key === 'audio' && !template.options.generateAudio) continue;
      expect(report.checklist[key].present, key).toBe(true);
    }
    expect(report.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(report.score).toBeGreaterThanOrEqual(85);
  });
});
