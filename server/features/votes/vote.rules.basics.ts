// Vote rules shared by every concern: fractions compared in integers, percentages, the quorum, the Wilson interval.
import { BALLOT_OPTIONS, type BallotOption, type BallotShape, type Verdict } from '../../../contracts/votes';
import { meets as meetsThreshold } from '../policy/policy.rules';
import type { Fraction, VotePolicy } from './vote.policy';

export interface Flag {
  code: string;
  message: string;
  messageEn: string;
}
export interface BallotForm {
  shape: BallotShape;
  maxChoices: number | null;
}
export const ballotOf = (row: { ballot_shape: BallotShape; max_choices: number | null }): BallotForm => ({
  shape: row.ballot_shape,
  maxChoices: row.max_choices === null ? null : Number(row.max_choices),
});
export interface SubjectRef {
  id: string;
  fullName: string;
  titleText: string;
  personId?: string | null;
}

const SYMBOL: Record<Fraction['comparison'], string> = { '>': 'trên', '>=': 'từ', '<': 'dưới', '<=': 'đến' };

/** count/base compared with numerator/denominator in integers (the policy engine's one comparison). */
export const meets = (count: number, base: number, f: Pick<Fraction, 'comparison' | 'numerator' | 'denominator'>): boolean =>
  meetsThreshold(f, count, base);

export const pct = (k: number, n: number): number => (n > 0 ? Math.round((k / n) * 10000) / 100 : 0);
export const frac = (f: Fraction) => `${SYMBOL[f.comparison]} ${f.numerator}/${f.denominator}`;
export const optionsOf = (shape: BallotShape): readonly BallotOption[] => BALLOT_OPTIONS[shape];

export function quorumVerdict(policy: VotePolicy, summoned: number, collected: number): Verdict {
  const f = policy.quorum.params;
  const passed = meets(collected, summoned, f);
  return {
    ruleId: policy.quorum.id,
    citation: policy.quorum.citation,
    passed,
    detail: `${collected}/${summoned} người được triệu tập tham gia (${pct(collected, summoned)}%); yêu cầu ${frac(f)}${passed ? '' : ' — không đủ điều kiện để kiểm phiếu'}`,
    detailEn: `${collected} of ${summoned} summoned took part (${pct(collected, summoned)}%); required ${f.comparison} ${f.numerator}/${f.denominator}${passed ? '' : ' — the count may not proceed'}`,
  };
}

/**

/** Wilson score interval of k successes in n, in percent. */
export function wilson(k: number, n: number, z: number): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 100 };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  const r = (x: number) => Math.round(x * 10000) / 100;
  return { low: r(Math.max(0, centre - half)), high: r(Math.min(1, centre + half)) };
}

export const vnPct = (k: number, n: number) => `${pct(k, n).toFixed(2).replace('.', ',')}%`;
export const baseOf = (f: Fraction, summoned: number, collected: number) =>
  f.base === 'ballots_collected' ? collected : summoned;
export const baseText = (f: Fraction) =>
  f.base === 'ballots_collected'
    ? { vi: 'phiếu thu về', en: 'ballots collected' }
    : { vi: 'người được triệu tập', en: 'summoned' };
