/**
 * Prompt quality analysis (issue 3): accuracy on the labelled sets — per-item precision, recall
 * and F1, and macro-F1 — and the latency of analysing a 2,000-character prompt, side by side in
 * the same run with a baseline that only lower-cases and splits the same text on whitespace.
 * Goal: p99 well under 1 ms, so the studio can analyse on every keystroke.
 *
 * A third, interleaved series is a control: an allocation-free busy loop calibrated to the
 * analysis's median. Its tail is what the machine's scheduler alone adds (other processes on
 * the same cores), so the analysis's own tail can be told apart from the machine's.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { CHECKLIST_KEYS } from '../../src/shared/contracts/api';
import { analyzePrompt } from '../../src/shared/quality';
import { f1Scores, loadLabelled } from '../unit/quality/fixtures';

const SETS = [
  ['labelled sample (LABELS.md, 30)', 'labelled-prompts.jsonl'],
  ['own adversarial set (90, homonym traps)', 'adversarial.jsonl'],
  ['blind set (60, labelled before first scored)', 'blind.jsonl'],
  ['blind set 2 (40, other domains, labelled before first scored)', 'blind-2.jsonl'],
  ['blind set 3 (40, the sample\'s style, labelled before first scored)', 'blind-3.jsonl'],
  ['blind set 4 (20, traps inside complete prompts, labelled before first scored)', 'blind-4.jsonl'],
  ['blind set 5 (20, crew jargon, labelled before first scored)', 'blind-5.jsonl'],
] as const;
const POOLED_BLIND = ['blind.jsonl', 'blind-2.jsonl', 'blind-3.jsonl', 'blind-4.jsonl', 'blind-5.jsonl'];

const WARMUP = 300;
const ROUNDS = 6;
const SAMPLES_PER_ROUND = 1000;
const PROMPT_CHARS = 2000;

const CLAUSES = [
  'A barista in a sunlit Brooklyn café pours latte art into a white ceramic cup',
  'slow dolly-in from a medium shot to a close-up, then the camera pans left across the counter',
  'warm morning light through the window, soft shadows on a worn oak table',
  'a drone shot of the street outside at golden hour, no cars, no people',
  'the second time she looks up, a light breeze moves the linen curtains',
  'quiet chatter, a jazz track playing softly, the hiss of the espresso machine',
  'a shot glass and a frying pan on the shelf behind her, matte black tiles, brass fittings',
  '8 seconds, 16:9, 4K, 24 fps; beautiful, amazing, high quality',
];

function promptOf(chars: number): string {
  let text = '';
  for (let i = 0; text.length < chars; i += 1) text += `${CLAUSES[i % CLAUSES.length]}. `;
  return text.slice(0, chars);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
const pct = (x: number) => x.toFixed(3);

export default async function bench(): Promise<{ title: string; markdown: string }> {
  const lines: string[] = [];
  const groups: Array<[string, string[]]> = [
    ...SETS.map(([title, file]): [string, string[]] => [title, [file]]),
    ['all five blind sets pooled (180)', POOLED_BLIND],
  ];
  for (const [title, files] of groups) {
    const rows = files.flatMap((f) => loadLabelled(f));
    const { items, macroF1 } = f1Scores(rows, (prompt) => {
      const { checklist } = analyzePrompt(prompt);
      return Object.fromEntries(CHECKLIST_KEYS.map((k) => [k, checklist[k].present])) as Record<(typeof CHECKLIST_KEYS)[number], boolean>;
    });
    lines.push(`**${title}** — macro-F1 **${pct(macroF1)}**`, '', '| item | precision | recall | F1 | TP | FP | FN |', '|---|---|---|---|---|---|---|');
    for (const k of CHECKLIST_KEYS) {
      const s = items[k];
      lines.push(`| ${k} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${s.tp} | ${s.fp} | ${s.fn} |`);
    }
    lines.push('');
  }

  const prompt = promptOf(PROMPT_CHARS);
  const baseline = (text: string) => text.toLowerCase().split(/\s+/).length;
  let sink = 0;
  const spin = (n: number) => {
    let x = 0;
    for (let i = 0; i < n; i += 1) x = (x + i * 7) % 1_000_003;
    return x;
  };
  const warm: number[] = [];
  for (let i = 0; i < WARMUP; i += 1) {
    const t = performance.now();
    sink += analyzePrompt(prompt).score;
    warm.push(performance.now() - t);
    sink += baseline(prompt);
  }
  // Calibrate the control loop to the analysis's median.
  const target = percentile(warm.sort((a, b) => a - b), 50);
  let spins = 10_000;
  for (let k = 0; k < 6; k += 1) {
    const times: number[] = [];
    for (let j = 0; j < 41; j += 1) {
      const t = performance.now();
      sink += spin(spins);
      times.push(performance.now() - t);
    }
    const median = percentile(times.sort((a, b) => a - b), 50);
    spins = Math.max(1000, Math.round(spins * (target / Math.max(1e-6, median))));
  }
  // Several rounds: other processes on these cores come and go, and the quietest round (the one
  // whose control loop has the lowest p99) shows the analysis's own tail best. All rounds pooled
  // are reported too.
  type Series = { analysis: number[]; split: number[]; control: number[] };
  const rounds: Series[] = [];
  const load = loadavg()[0] ?? 0;
  for (let r = 0; r < ROUNDS; r += 1) {
    const series: Series = { analysis: [], split: [], control: [] };
    // Interleaved, so drift (GC, other load) hits all three alike.
    for (let i = 0; i < SAMPLES_PER_ROUND; i += 1) {
      let t = performance.now();
      sink += analyzePrompt(prompt, { durationSeconds: 8, generateAudio: false }).score;
      series.analysis.push(performance.now() - t);
      t = performance.now();
      sink += baseline(prompt);
      series.split.push(performance.now() - t);
      t = performance.now();
      sink += spin(spins);
      series.control.push(performance.now() - t);
    }
    for (const s of Object.values(series)) s.sort((a, b) => a - b);
    rounds.push(series);
  }
  const quietest = rounds.reduce((best, r) => (percentile(r.control, 99) < percentile(best.control, 99) ? r : best));
  const pooled: Series = {
    analysis: rounds.flatMap((r) => r.analysis).sort((a, b) => a - b),
    split: rounds.flatMap((r) => r.split).sort((a, b) => a - b),
    control: rounds.flatMap((r) => r.control).sort((a, b) => a - b),
  };
  const row = (name: string, s: number[]) => `| ${name} | ${us(percentile(s, 50))} | ${us(percentile(s, 90))} | ${us(percentile(s, 99))} |`;
  const table = (series: Series) => [
    '| | p50 | p90 | p99 |',
    '|---|---|---|---|',
    row('analyzePrompt', series.analysis),
    row('baseline: toLowerCase().split(/\\s+/)', series.split),
    row('control: allocation-free loop of the same median', series.control),
    `| analysis ÷ baseline | ${(percentile(series.analysis, 50) / percentile(series.split, 50)).toFixed(1)}× | ${(percentile(series.analysis, 90) / percentile(series.split, 90)).toFixed(1)}× | ${(percentile(series.analysis, 99) / percentile(series.split, 99)).toFixed(1)}× |`,
  ];
  const a99 = percentile(quietest.analysis, 99);
  lines.push(
    `**Latency**, one ${prompt.length}-character prompt, ${ROUNDS} rounds of ${SAMPLES_PER_ROUND} interleaved runs of each after ${WARMUP} warm-up; 1-minute load average ${load.toFixed(1)} on ${cpus().length} cores (checksum ${sink % 997}). Goal: p99 well under 1 ms.`,
    '',
    'Quietest round:',
    '',
    ...table(quietest),
    '',
    `All ${ROUNDS * SAMPLES_PER_ROUND} runs pooled:`,
    '',
    ...table(pooled),
    '',
    `Quietest-round p99 ${us(a99)}: ${a99 < 1 ? `${(1 / a99).toFixed(1)}× under the 1 ms budget` : 'OVER the 1 ms budget'}. The control's p99 is what the scheduler alone adds to the same amount of work on this machine at the time.`,
  );
  return { title: 'Prompt quality analysis', markdown: lines.join('\n') };
}
