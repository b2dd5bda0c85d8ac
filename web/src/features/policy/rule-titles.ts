import type { Rule, Track } from '@contracts/policy';
import { useApiQuery } from '../../ui/useApiQuery';

/** The rules in force on a date for a track, by id: verdicts and lists show a rule's title, its id only on hover. */
export function useRulesInForce(date: string, track: Track): (ruleId: string) => Rule | undefined {
  const rules = useApiQuery<{ items: Rule[] }>('/api/policy/rules', { date, track });
  const byId = new Map((rules.data?.items ?? []).map((r) => [r.id, r]));
  return (ruleId) => byId.get(ruleId);
}
