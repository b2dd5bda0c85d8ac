// `npm run bench [name…]`: runs bench/<name>.bench.ts (all when no name is given), one after the other.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const all = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const chosen = args.length ? args : all;
const unknown = chosen.filter((n) => !all.includes(n));
if (unknown.length) {
  console.error(`Không có benchmark / unknown benchmark: ${unknown.join(', ')}. Có / available: ${all.join(', ')}`);
  process.exit(2);
}
for (const name of chosen) {
  console.log(`\n=== ${name} ===`);
  const mod = (await import(pathToFileURL(path.join(dir, `${name}.bench.ts`)).href)) as {
    run: (argv: string[]) => Promise<void>;
  };
  await mod.run(process.argv.slice(2).filter((a) => a.startsWith('--')));
}
