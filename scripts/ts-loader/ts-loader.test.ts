import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript module hooks, no types.
import { load } from './hooks.mjs';

const REGISTER = path.resolve('scripts/ts-loader/register.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-loader-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

write('lib/index.ts', `export const fromIndex = 'index';\n`);
write('rules.ts', `export interface Shape { n: number }\nexport const double = (s: Shape): number => s.n * 2;\n`);
write(
  'main.ts',
  [
    `import type { Shape } from './rules';`,
    `import { double } from './rules';`,
    `import { fromIndex } from './lib';`,
    `class Counter { count = 0; constructor(private readonly step: number) {} next() { return (this.count += this.step); } }`,
    `const shape: Shape = { n: 21 };`,
    `const named = () => 1;`,
    `console.log(JSON.stringify({ double: double(shape), fromIndex, counter: new Counter(5).next(), named: named.name }));`,
    `if (process.argv[2] === 'throw') throw new Error('boom');`,
  ].join('\n'),
);

describe('scripts/ts-loader: the TypeScript loader npm start, the CLI and the benchmarks run under', () => {
  it('runs TypeScript with extensionless and folder imports, type-only imports and parameter properties', () => {
    const out = execFileSync(process.execPath, ['--import', REGISTER, path.join(dir, 'main.ts')], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ double: 42, fromIndex: 'index', counter: 5, named: 'named' });
  });

  it('maps an error back to the TypeScript line that threw', () => {
    const r = spawnSync(process.execPath, ['--import', REGISTER, path.join(dir, 'main.ts'), 'throw'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`${path.join(dir, 'main.ts')}:8`);
  });

  it('does not wrap the functions the code creates (no keepNames: it made the rule engines twice as slow)', async () => {
    const url = pathToFileURL(path.join(dir, 'main.ts')).href;
    const { source, format } = await load(url, {}, () => {
      throw new Error('a TypeScript file is compiled here, not passed on');
    });
    expect(format).toBe('module');
    expect(source).toContain('const named = () => 1');
    expect(source).not.toContain('__name');
  });

  it('leaves JavaScript to Node', async () => {
    const passed = await load('file:///x/y.mjs', {}, (url: string) => ({ format: 'module', source: `// ${url}` }));
    expect(passed.source).toBe('// file:///x/y.mjs');
  });
});
