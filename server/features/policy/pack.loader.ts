import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { type PolicyLibrary, PolicyPackError, buildLibrary } from './policy.library';

/** The repository's policy/ folder: national packs in packs/, local packs in local/. */
export const DEFAULT_POLICY_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../policy');

/** Reads and validates every pack; a broken one throws PolicyPackError naming file, rule and field. */
export function loadPolicyLibrary(dir: string = DEFAULT_POLICY_DIR): PolicyLibrary {
  const files: { file: string; content: unknown }[] = [];
  const problems: string[] = [];
  for (const sub of ['packs', 'local']) {
    const folder = path.join(dir, sub);
    if (!fs.existsSync(folder)) continue;
    for (const name of fs
      .readdirSync(folder)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()) {
      const file = `policy/${sub}/${name}`;
      try {
        // The core schema keeps dates as strings (YYYY-MM-DD), as the pack schema expects.
        files.push({ file, content: loadYaml(fs.readFileSync(path.join(folder, name), 'utf8'), { schema: CORE_SCHEMA }) });
      } catch (err) {
        problems.push(`${file} › YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      }
    }
  }
  if (!files.some((f) => f.file.startsWith('policy/packs/')) && problems.length === 0)
    problems.push(`${path.join(dir, 'packs')}: no national pack found`);
  if (problems.length) throw new PolicyPackError(problems);
  return buildLibrary(files);
}
