import { todayIso } from '../../lib/ids';
import type { ParamsOf, RuleKind } from '../policy/pack.schema';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { type PolicyLibrary, type ResolvedPolicy, policyAt, ruleIn } from '../policy/policy.library';

export interface RecordRule<K extends RuleKind = RuleKind> {
  id: string;
  citation: string;
  params: ParamsOf<K>;
}

/**
 * The numbers person records are checked against, with their citations: the rules of the policy packs
 * (policy/packs/records.yaml, and the retirement rules of policy/packs/labour-2021.yaml) in force on a date.
 */
export interface RecordPolicy {
  partyMinAge: RecordRule<'age-min'>;
  partyProbation: RecordRule<'months'>;
  recruitmentMinAge: RecordRule<'age-min'>;
  cccd: RecordRule<'id-number'>;
  plausibleAge: RecordRule<'age-range'>;
  /** how far an earlier or later retirement may move from the legal date */
  retirementExceptions: RecordRule<'retirement-exceptions'>;
  /** the whole resolved policy, for the legal retirement date an override is bounded by */
  resolved: ResolvedPolicy;
}

let defaultLibrary: PolicyLibrary | null = null;
const cache = new Map<string, RecordPolicy>();

/** The record rules in force on `date` (today by default), from `library` (the packs on disk by default). */
export function recordPolicy(library?: PolicyLibrary, date: string = todayIso()): RecordPolicy {
  const lib = library ?? (defaultLibrary ??= loadPolicyLibrary());
  const key = library ? null : date;
  const hit = key === null ? undefined : cache.get(key);
  if (hit) return hit;
  const resolved = policyAt(lib, date, 'state');
  const rule = <K extends RuleKind>(id: string, kind: K): RecordRule<K> => {
    const r = ruleIn(resolved, id, kind);
    if (!r) throw new Error(`policy/packs: no rule ${id} in force on ${date}`);
    return { id: r.id, citation: r.citation.text, params: r.params as ParamsOf<K> };
  };
  const out: RecordPolicy = {
    partyMinAge: rule('records.party.min-age', 'age-min'),
    partyProbation: rule('records.party.probation', 'months'),
    recruitmentMinAge: rule('records.recruitment.min-age', 'age-min'),
    cccd: rule('records.cccd.structure', 'id-number'),
    plausibleAge: rule('records.age.plausible', 'age-range'),
    retirementExceptions: rule('retirement.exceptions', 'retirement-exceptions'),
    resolved,
  };
  if (key !== null) {
    if (cache.size > 8) cache.clear();
    cache.set(key, out);
  }
  return out;
}
