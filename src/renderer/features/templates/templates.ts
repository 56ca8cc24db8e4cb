/**
 * Starting points for a new draft: one complete video prompt for each theme of the planning
 * guide's prompt examples (a product clip, a campaign series, a privacy-first concept and a
 * support-safe retry story), every checklist item filled in.
 */
import type { ChecklistFields, DraftContent, GenerationOptions } from '../../../shared/studio/models';
import { composePrompt } from '../../../shared/prompt/compose';

export interface PromptTemplate {
  id: 'product' | 'campaign' | 'privacy-first' | 'retry-safe';
  name: string;
  /** What the template is for, shown in the picker. */
  description: string;
  title: string;
  tags: string[];
  fields: ChecklistFields;
  options: GenerationOptions;
}

export const TEMPLATES: readonly PromptTemplate[] = [
  {
    id: 'product',
    name: 'Product clip',
    description: 'A validated product shot: one hero object, a clean studio and a single camera move.',
    title: 'Product hero: wireless earbud case',
    tags: ['product', 'hero'],
    fields: {
      subject: 'A matte-black wireless earbud case resting on a wet slate pedestal in a minimalist grey studio',
      camera: 'Slow 180-degree orbit at product height, ending in a gentle push-in on the lid',
      lighting: 'Low-key studio lighting with a soft overhead key and a cool blue rim light, calm and quietly confident mood',
      format: '8-second 16:9 widescreen clip',
      detail: 'Water droplets bead on the lid, the lid opens smoothly and a small white status light pulses once',
      audio: 'Soft ambient synth pad with a crisp click as the lid opens, no voice-over',
    },
    options: { durationSeconds: 8, aspectRatio: '16:9', negativePrompt: 'text overlays, logos of other brands, hands', generateAudio: true },
  },
  {
    id: 'campaign',
    name: 'Campaign series',
    description: 'One concept of a campaign set: a recurring hero, colour and framing that the other concepts share.',
    title: 'Summer city series: harbour ride',
    tags: ['campaign', 'series', 'social'],
    fields: {
      subject: 'A cyclist in a yellow rain jacket rides along a sunlit harbour promenade at golden hour',
      camera: 'Low tracking shot from the side, matching the rider’s speed, then a slow tilt up to the skyline',
      lighting: 'Warm golden-hour backlight with long soft shadows, optimistic and carefree mood',
      format: '6-second 9:16 vertical clip for social feeds',
      detail: 'The campaign’s teal scarf flutters behind the rider, sailboats and café tables pass in the background',
      audio: '',
    },
    options: { durationSeconds: 6, aspectRatio: '9:16', negativePrompt: 'crowds blocking the rider, rain', generateAudio: false },
  },
  {
    id: 'privacy-first',
    name: 'Privacy-first concept',
    description: 'A concept that shows care with personal data: nothing identifying on screen, only a short trace of it.',
    title: 'Privacy-first: the note that keeps its secret',
    tags: ['privacy', 'brand'],
    fields: {
      subject: 'A handwritten note on a wooden desk in a quiet home office at night folds itself into a small glowing fingerprint',
      camera: 'Static overhead shot that slowly descends toward the desk',
      lighting: 'Dim desk-lamp glow against deep blue shadows, calm and reassuring mood',
      format: '10-second 1:1 square clip',
      detail: 'Cream paper with faded blue ink; only the first words stay readable while the rest folds away, and the frame holds on hands and paper alone',
      audio: '',
    },
    options: { durationSeconds: 10, aspectRatio: '1:1', negativePrompt: 'faces, readable personal data, phone screens', generateAudio: false },
  },
  {
    id: 'retry-safe',
    name: 'Retry-safe support story',
    description: 'A support moment told calmly: something failed, the customer is made whole exactly once.',
    title: 'Support story: refunded once',
    tags: ['support', 'trust'],
    fields: {
      subject: 'A friendly support agent at a bright help desk hands a single glowing token back to a relieved customer',
      camera: 'Medium shot on a slow dolly-in, then a close-up as the token changes hands',
      lighting: 'Soft even daylight from tall windows, warm and trustworthy mood',
      format: '8-second 16:9 widescreen clip',
      detail: 'A small brass counter on the oak desk ticks back by exactly one and the glowing token settles into the customer’s palm',
      audio: 'Gentle acoustic guitar with a soft chime as the token returns, quiet office ambience',
    },
    options: { durationSeconds: 8, aspectRatio: '16:9', negativePrompt: 'angry faces, alarms, red warning lights', generateAudio: true },
  },
];

/** The content of a new draft started from `template`, in `campaignId`. */
export function contentFromTemplate(template: PromptTemplate, campaignId: string | null): DraftContent {
  return {
    title: template.title,
    mode: 'guided',
    fields: { ...template.fields },
    freeText: '',
    prompt: composePrompt(template.fields),
    options: { ...template.options },
    tags: [...template.tags],
    campaignId,
  };
}
