import { numberKey } from './document-number.rules';

/** What links a register entry to the record that relies on it. */
export const REFERENCE_OWNER_KINDS = ['decision_step', 'decision_dossier'] as const;
export type ReferenceOwnerKind = (typeof REFERENCE_OWNER_KINDS)[number];

/**
 * The register entries a free text names, each at most once, as whole numbers: "Tờ trình 12-TTr/BTCTU ngày 02/3"
 * names 12-TTr/BTCTU and not 2-TTr/BTCTU. `byKey` maps a number key (numberKey) to the entry. Used once, to turn
 * the references personnel decisions kept as text into links by id (migration 20261128_0100); afterwards decisions
 * name register entries by id.
 */
export function entriesNamedIn<T>(text: string, byKey: ReadonlyMap<string, T>): T[] {
  const found = new Set<T>();
  for (const raw of text.normalize('NFC').split(/[\s,;()[\]{}"“”'‘’]+/)) {
    const token = raw.replace(/^(số|so|no\.?)(?=\d)/i, '').replace(/[.:]+$/, '');
    if (!/\d/.test(token)) continue;
    const entry = byKey.get(numberKey(token));
    if (entry !== undefined) found.add(entry);
  }
  return [...found];
}
