import type { CitedRule } from '../../../contracts/documents';
import type { PolicyLibrary } from '../policy/policy.library';
import { citationKeys, citationParts, foldAlias } from './document-number.rules';

/** What a register entry is matched on: its number key and the folded names a citation may use. */
export interface CitableDocument {
  numberKey: string;
  aliasesFolded: string | null;
}

/** Whether a policy citation ("377-QĐ/TW", "Bộ luật Lao động 45/2019/QH14") names this register entry. */
export function citationNames(citation: string, doc: CitableDocument): boolean {
  if (citationKeys(citation).includes(doc.numberKey)) return true;
  const aliases = doc.aliasesFolded;
  return aliases !== null && citationParts(citation).some((part) => aliases.includes(`|${foldAlias(part)}|`));
}

/**
 * The policy rules that cite this document, in every pack. When the document has lost force (replaced on
 * `lostForceOn`), each rule says so: those are the rules that stopped applying with it.
 */
export function rulesCiting(library: PolicyLibrary, doc: CitableDocument, lostForceOn: string | null): CitedRule[] {
  return library.packs.flatMap((pack) =>
    pack.rules
      .filter((rule) => citationNames(rule.citation.document, doc))
      .map((rule) => ({
        ruleId: rule.id,
        packId: pack.id,
        packTitle: pack.title,
        title: rule.title,
        citation: rule.citation.text,
        effectiveFrom: rule.effectiveFrom,
        effectiveTo: rule.effectiveTo,
        lostForceOn,
      })),
  );
}
