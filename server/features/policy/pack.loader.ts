import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { type PolicyLibrary, PolicyPackError, buildLibrary } from './policy.library';
import { loadTitleStandards } from '../training/title-standards';
import { buildStandards, entriesFromTrainingStandards } from './title-standards';

/** The repository's policy/ folder: national packs in packs/, local packs in local/, title standards in standards/. */
export const DEFAULT_POLICY_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../policy');

/** Reads and validates every pack; a broken one throws PolicyPackError naming file, rule and field. */
export function loadPolicyLibrary(dir: string = DEFAULT_POLICY_DIR): PolicyLibrary {
  const files: { file: string; content: unknown }[] = [];
  const problems: string[] = [];
  const standardFiles: { file: string; content: unknown }[] = [];
  for (const sub of ['packs', 'local', 'standards']) {
    const folder = path.join(dir, sub);
    if (!fs.existsSync(folder)) continue;
    for (const name of fs
      .readdirSync(folder)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()) {
      const file = `policy/${sub}/${name}`;
      try {
        // The core schema keeps dates as strings (YYYY-MM-DD), as the pack schema expects.
        const content = loadYaml(fs.readFileSync(path.join(folder, name), 'utf8'), { schema: CORE_SCHEMA });
        (sub === 'standards' ? standardFiles : files).push({ file, content });
      } catch (err) {
        problems.push(`${file} › YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      }
    }
  }
  if (!files.some((f) => f.file.startsWith('policy/packs/')) && problems.length === 0)
    problems.push(`${path.join(dir, 'packs')}: no national pack found`);
  const standards = buildStandards(standardFiles);
  problems.push(...standards.problems);
  // Theory and state management come from the training standards (one source for both features).
  let training: ReturnType<typeof entriesFromTrainingStandards> = [];
  if (fs.existsSync(path.join(dir, 'training')))
    try {
      training = entriesFromTrainingStandards(loadTitleStandards(path.join(dir, 'training')));
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err));
    }
  if (problems.length) throw new PolicyPackError(problems);
  return { ...buildLibrary(files), standards: [...training, ...standards.entries] };
}
