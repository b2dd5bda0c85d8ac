import { describe, expect, it } from 'vitest';
import type { Track } from '../../../contracts/policy';
import { loadPolicyLibrary } from './pack.loader';
import { policyAt } from './policy.library';
import { meets } from './policy.rules';
import {
  appointmentBallot,
  committeeStructureChange,
  confidenceConsequences,
  quorumVerdict,
  reappointmentPlan,
} from './votes.rules';

const library = loadPolicyLibrary();
const at = (date: string, track: Track = 'party') => policyAt(library, date, track);
const byRule = (vs: { ruleId: string; status: string }[]) => Object.fromEntries(vs.map((v) => [v.ruleId, v.status]));

describe('exact ratios', () => {
  it('compares in integers: 2 of 3 is exactly 2/3, 200 of 300 too', () => {
    const twoThirds = { numerator: 2, denominator: 3 };
    expect(meets({ ...twoThirds, comparison: '>=' }, 2, 3)).toBe(true);
    expect(meets({ ...twoThirds, comparison: '>' }, 2, 3)).toBe(false);
    expect(meets({ ...twoThirds, comparison: '>=' }, 200, 300)).toBe(true);
    expect(meets({ ...twoThirds, comparison: '>=' }, 199, 300)).toBe(false);
    expect(meets({ ...twoThirds, comparison: '<=' }, 200, 300)).toBe(true);
    expect(meets({ ...twoThirds, comparison: '<' }, 200, 300)).toBe(false);
    expect(meets({ ...twoThirds, comparison: '>=' }, 5, 0)).toBe(false);
  });
});

describe('confidence votes (96-QĐ/TW; NĐ 170/2025 for the State)', () => {
  it('quorum: exactly 2/3 of those summoned is enough, one fewer is not', () => {
    expect(quorumVerdict(at('2026-03-01'), { present: 20, summoned: 30 })!.status).toBe('passed');
    expect(quorumVerdict(at('2026-03-01'), { present: 19, summoned: 30 })!.status).toBe('failed');
    expect(quorumVerdict(at('2023-01-15'), { present: 30, summoned: 30 })).toBeNull(); // before 96-QĐ/TW
  });

  it('party: exactly 1/2 low votes has no consequence; one more is out of planning', () => {
    expect(byRule(confidenceConsequences(at('2026-03-01'), { low: 15, ballotsCollected: 30 }))).toMatchObject({
      'vote.low-out-of-planning': 'passed',
      'vote.low-dismissal': 'passed',
    });
    expect(byRule(confidenceConsequences(at('2026-03-01'), { low: 16, ballotsCollected: 30 }))).toMatchObject({
      'vote.low-out-of-planning': 'failed',
      'vote.low-dismissal': 'passed',
    });
  });

  it('party: exactly 2/3 low votes means dismissal (≥ 2/3), not the lower band', () => {
    expect(byRule(confidenceConsequences(at('2026-03-01'), { low: 20, ballotsCollected: 30 }))).toMatchObject({
      'vote.low-out-of-planning': 'passed',
      'vote.low-dismissal': 'failed',
    });
    expect(byRule(confidenceConsequences(at('2026-03-01'), { low: 19, ballotsCollected: 30 }))).toMatchObject({
      'vote.low-out-of-planning': 'failed',
      'vote.low-dismissal': 'passed',
    });
  });

  it('state since NĐ 170/2025: exactly 2/3 is resignation (≤ 2/3), dismissal needs more than 2/3', () => {
    const state = byRule(confidenceConsequences(at('2026-03-01', 'state'), { low: 20, ballotsCollected: 30 }));
    expect(state['state.resignation-low-votes']).toBe('failed');
    expect(state['state.dismissal-low-votes']).toBe('passed');
    const over = byRule(confidenceConsequences(at('2026-03-01', 'state'), { low: 21, ballotsCollected: 30 }));
    expect(over['state.dismissal-low-votes']).toBe('failed');
    expect(over['state.resignation-low-votes']).toBe('passed');
    // Exactly 1/2 is not "over 50 %".
    expect(
      byRule(confidenceConsequences(at('2026-03-01', 'state'), { low: 15, ballotsCollected: 30 }))['state.resignation-low-votes'],
    ).toBe('passed');
  });

  it('state before NĐ 170/2025 has no resignation band of its own', () => {
    const before = byRule(confidenceConsequences(at('2025-06-30', 'state'), { low: 20, ballotsCollected: 30 }));
    expect(before['state.resignation-low-votes']).toBeUndefined();
    expect(before['vote.low-dismissal']).toBe('failed');
  });

  it('366-QĐ/TW: a leader over 50 % low votes in the year is rated not complete; exactly 50 % is not', () => {
    expect(byRule(confidenceConsequences(at('2025-09-01'), { low: 11, ballotsCollected: 21 }))['evaluation.low-vote-veto']).toBe(
      'failed',
    );
    expect(byRule(confidenceConsequences(at('2025-09-01'), { low: 10, ballotsCollected: 20 }))['evaluation.low-vote-veto']).toBe(
      'passed',
    );
    expect(
      byRule(confidenceConsequences(at('2025-08-29'), { low: 11, ballotsCollected: 20 }))['evaluation.low-vote-veto'],
    ).toBeUndefined();
  });
});

describe('NĐ 170/2025 appointment ballots', () => {
  const p = at('2026-03-01', 'state');

  it('needs 2/3 of those summoned present', () => {
    expect(appointmentBallot(p, { step: 'expanded', summoned: 30, present: 19, votes: { A: 19 } }).outcome).toBe('no-quorum');
    expect(appointmentBallot(p, { step: 'expanded', summoned: 30, present: 20, votes: { A: 16 } }).outcome).toBe('chosen');
  });

  it('exactly 50 % of those summoned is not chosen; everyone with 30 % or more goes on', () => {
    const r = appointmentBallot(p, { step: 'expanded', summoned: 30, present: 28, votes: { A: 15, B: 9, C: 4 } });
    expect(r.outcome).toBe('go-on');
    expect(r.goOn).toEqual(['A', 'B']);
    // 8 of 30 is 26.7 %: not 30 %.
    expect(appointmentBallot(p, { step: 'expanded', summoned: 30, present: 28, votes: { A: 8, B: 8 } }).outcome).toBe('stopped');
  });

  it('the percentage is over those summoned, not over those present', () => {
    // 16 of 28 present would be 57 %, but 16 of 30 summoned is 53 %: chosen; 15 of 30 is not.
    expect(appointmentBallot(p, { step: 'expanded', summoned: 30, present: 28, votes: { A: 16, B: 12 } }).chosen).toBe('A');
    expect(appointmentBallot(p, { step: 'expanded', summoned: 30, present: 28, votes: { A: 15, B: 13 } }).chosen).toBeNull();
  });

  it('the collective switching candidate needs 2/3; exactly 2/3 suffices', () => {
    expect(
      appointmentBallot(p, { step: 'collective', summoned: 9, present: 9, votes: { B: 6, A: 3 }, switchedFrom: 'A' }).chosen,
    ).toBe('B');
    const r = appointmentBallot(p, { step: 'collective', summoned: 9, present: 9, votes: { B: 5, A: 4 }, switchedFrom: 'A' });
    expect(r.chosen).toBeNull();
    expect(r.outcome).toBe('go-on');
  });

  it('step 5: a tie at exactly 50 % goes to the head', () => {
    const r = appointmentBallot(p, { step: 'decision', summoned: 8, present: 8, votes: { A: 4, B: 4 } });
    expect(r.outcome).toBe('head-decides');
    expect(r.goOn).toEqual(['A', 'B']);
    expect(appointmentBallot(p, { step: 'decision', summoned: 8, present: 8, votes: { A: 5, B: 3 } }).chosen).toBe('A');
  });

  it('under NĐ 138/2020 (before 01/07/2025) the same ballot is judged by an unconfirmed rule: warnings, never blocks', () => {
    const r = appointmentBallot(at('2024-06-01', 'state'), { step: 'expanded', summoned: 30, present: 19, votes: { A: 19 } });
    expect(r.verdicts[0]).toMatchObject({ status: 'warning', ruleUnconfirmed: true });
    expect(r.verdicts[0]!.citation.document).toBe('138/2020/NĐ-CP');
  });
});

describe('reappointment (NĐ 170/2025 art. 39–40)', () => {
  const p = at('2026-01-15', 'state');
  it('the procedure starts 90 days before the term ends; the day after is late', () => {
    expect(reappointmentPlan(p, { termEnds: '2026-04-15', retirementDate: '2035-01-31' }).startBy).toBe('2026-01-15');
    expect(reappointmentPlan(p, { termEnds: '2026-04-15', retirementDate: '2035-01-31' }).verdicts[0]!.status).toBe('passed');
    expect(reappointmentPlan(p, { termEnds: '2026-04-14', retirementDate: '2035-01-31' }).verdicts[0]!.status).toBe('warning');
  });
  it('under 5 years to retirement at expiry: to retirement; under 2 years: extended; exactly 5 years: a normal term', () => {
    expect(reappointmentPlan(p, { termEnds: '2026-06-01', retirementDate: '2031-06-01' }).path).toBe('normal');
    expect(reappointmentPlan(p, { termEnds: '2026-06-01', retirementDate: '2031-05-31' }).path).toBe('to-retirement');
    expect(reappointmentPlan(p, { termEnds: '2026-06-01', retirementDate: '2028-06-01' }).path).toBe('to-retirement');
    expect(reappointmentPlan(p, { termEnds: '2026-06-01', retirementDate: '2028-05-31' }).path).toBe('extend-to-retirement');
  });
  it('key cadres: over 50 % passes, exactly 50 % goes to the head, below escalates', () => {
    const plan = (inFavour: number) =>
      reappointmentPlan(p, { termEnds: '2026-06-01', retirementDate: '2035-01-31', keyCadreVote: { inFavour, summoned: 20 } });
    expect(plan(11).keyCadre).toBe('passed');
    expect(plan(10).keyCadre).toBe('head-decides');
    expect(plan(9).keyCadre).toBe('escalate');
  });
  it('is postponed during discipline or maternity leave', () => {
    const r = reappointmentPlan(p, {
      termEnds: '2026-06-01',
      retirementDate: '2035-01-31',
      postponeReasons: ['maternity', 'unknown'],
    });
    expect(r.postponed).toEqual(['maternity']);
    expect(r.verdicts.some((v) => v.status === 'failed')).toBe(true);
  });
});

describe('committee structure change mid-term', () => {
  it('needs more than 2/3 of all members: exactly 2/3 is not enough', () => {
    expect(committeeStructureChange(at('2026-03-01'), { inFavour: 10, members: 15 })!.status).toBe('failed');
    expect(committeeStructureChange(at('2026-03-01'), { inFavour: 11, members: 15 })!.status).toBe('passed');
    expect(committeeStructureChange(at('2024-03-01'), { inFavour: 11, members: 15 })).toBeNull();
  });
});

describe('exactly 2/3 on the state track since NĐ 170/2025', () => {
  it('shows both the party rule (dismissal at ≥ 2/3) and the decree (resignation up to 2/3), with the conflict noted', () => {
    const r = byRule(confidenceConsequences(at('2026-03-01', 'state'), { low: 20, ballotsCollected: 30 }));
    expect(r).toMatchObject({
      'vote.low-dismissal': 'failed',
      'state.resignation-low-votes': 'failed',
      'state.dismissal-low-votes': 'passed',
    });
    expect(at('2026-03-01', 'state').rules.get('state.dismissal-low-votes')!.note!.vi).toContain('96-QĐ/TW');
  });
});
