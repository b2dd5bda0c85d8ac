import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { type NumberingPolicy, numberingPolicySchema } from '../../../contracts/document-numbering';
import { checkDocumentNumber, schemeRegex } from './document-number.rules';

/** policy/documents/numbering.yaml: the official numbering patterns, each with its legal source. */
export const NUMBERING_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../policy/documents/numbering.yaml',
);

/**
 * Reads and validates the numbering patterns; any problem stops the server, naming the file and the field: the shape,
 * a pattern that does not compile once filled in, a template without its serial, an example that does not fit.
 */
export function loadNumberingPolicy(file = NUMBERING_FILE): NumberingPolicy {
  const name = path.relative(path.resolve(path.dirname(NUMBERING_FILE), '../..'), file);
  let content: unknown;
  try {
    content = loadYaml(fs.readFileSync(file, 'utf8'), { schema: CORE_SCHEMA });
  } catch (e) {
    throw new Error(`${name}: ${(e as Error).message}`);
  }
  const parsed = numberingPolicySchema.safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${name}: ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  }
  const policy = parsed.data;
  const problems: string[] = [];
  try {
    new RegExp(`^(?:${policy.serial.pattern})$`, 'u');
  } catch (e) {
    problems.push(`serial.pattern: ${(e as Error).message}`);
  }
  for (const [i, scheme] of policy.schemes.entries()) {
    const at = `schemes[${i}] (${scheme.id})`;
    if (policy.schemes.findIndex((s) => s.id === scheme.id) !== i) problems.push(`${at}.id: used twice`);
    if (!scheme.template.includes('{so}') && !scheme.template.includes('{nam}'))
      problems.push(`${at}.template: names neither {so} nor {nam}`);
    let compiles = true;
    for (const type of Object.keys(scheme.types) as (keyof typeof scheme.types)[])
      for (const body of scheme.bodies)
        try {
          schemeRegex(policy, scheme, type, body);
        } catch (e) {
          if (compiles) problems.push(`${at}.pattern: ${(e as Error).message}`);
          compiles = false;
        }
    if (!compiles) continue;
    for (const [j, ex] of scheme.examples.entries()) {
      let fits: string | null;
      try {
        const check = checkDocumentNumber(policy, {
          type: ex.type,
          issuingBody: ex.body,
          number: ex.number,
          issuedOn: ex.issuedOn,
        });
        fits = check.valid && check.scheme === scheme.id ? null : (check.messageEn ?? `fits ${check.scheme}`);
      } catch (e) {
        fits = (e as Error).message; // another scheme for the same type and body does not compile
      }
      if (fits) problems.push(`${at}.examples[${j}]: "${ex.number}" does not fit the scheme (${fits})`);
    }
  }
  if (problems.length) throw new Error(`${name}:\n  - ${problems.join('\n  - ')}`);
  return policy;
}

let loaded: NumberingPolicy | undefined;
/** The numbering patterns shipped with the server, read once (the first call validates them: see buildApp). */
export function numberingPolicy(): NumberingPolicy {
  loaded ??= loadNumberingPolicy();
  return loaded;
}
