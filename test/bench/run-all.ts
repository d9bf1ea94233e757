/**
 * Runs every benchmark module under test/bench (files named *.bench.ts that default-export an
 * async function) one after another and prints a summary. `npm run bench -- idcard` runs only
 * the modules whose file name contains "idcard".
 */
import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { reportedFigures } from './report';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter.length === 0 || filter.some((word) => f.includes(word)))
  .sort();

for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<void> };
  await mod.default();
}

const figures = reportedFigures();
const missed = figures.filter((f) => !f.pass);
console.log(`\n${figures.length} figures, ${figures.length - missed.length} within target, ${missed.length} missed`);
for (const f of missed) console.log(`  missed: ${f.name} = ${f.value} ${f.unit} (target ${f.target})`);
process.exit(0);
