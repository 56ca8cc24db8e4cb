/**
 * `npm run bench`: runs every test/bench/*.bench.ts in this process, one after another, and
 * writes their sections to docs/benchmarks.md. Each bench measures its subject side by side
 * with its baseline in the same run and reports ratios, so figures compare across machines.
 *
 * A bench module's default export: () => Promise<{ title: string; markdown: string }>.
 * `npm run bench -- quality` runs only the benches whose file name contains "quality".
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchSection {
  title: string;
  markdown: string;
}

const dir = join(process.cwd(), 'test', 'bench');
const filter = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter || f.includes(filter))
  .sort();

const sections: BenchSection[] = [];
for (const file of files) {
  console.log(`bench: ${file}`);
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: () => Promise<BenchSection> };
  const section = await mod.default();
  console.log(section.markdown);
  sections.push(section);
}

const header = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB.`,
  'Every figure is measured side by side with its baseline in the same run.',
  '',
].join('\n');
if (!filter) {
  writeFileSync('docs/benchmarks.md', `${header}\n${sections.map((s) => `## ${s.title}\n\n${s.markdown}\n`).join('\n')}`);
  console.log('wrote docs/benchmarks.md');
}
