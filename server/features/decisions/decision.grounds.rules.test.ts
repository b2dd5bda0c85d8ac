import { describe, expect, it } from 'vitest';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { policyAt } from '../policy/policy.library';
import {
  type CircumstanceFact,
  type GroundsFacts,
  circumstanceOptions,
  groundsVerdicts,
  postponementVerdicts,
} from './decision.grounds.rules';

const library = loadPolicyLibrary();
const at = (date: string, track: 'party' | 'state' = 'state') => policyAt(library, date, track);
const ON = '2026-04-10';
const stay = (key: string, fromDate: string, toDate: string | null = null): CircumstanceFact => ({
  key,
  fromDate,
  toDate,
  reference: 'CV 12/SNV',
});

describe('reappointment postponed (NĐ 170/2025 art. 40)', () => {
  it('lists the five cases of the pack with their minimum stays, and none before the rule exists for the Party', () => {
    const options = circumstanceOptions(at(ON), 'reappointment');
    expect(options.map((o) => [o.key, o.minMonths])).toEqual([
      ['discipline', null],
      ['investigation', null],
      ['abroad', 3],
      ['inpatient', 3],
      ['maternity', null],
    ]);
    expect(options.every((o) => o.ruleId === 'state.reappointment' && o.kind === 'postponement')).toBe(true);
    expect(circumstanceOptions(at(ON, 'party'), 'reappointment')).toEqual([]);
  });

  it('passes with one verdict naming the rule when no case is recorded', () => {
    const [v, ...rest] = postponementVerdicts(at(ON), [], ON);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ ruleId: 'state.reappointment', status: 'passed' });
    expect(v!.citation.text).toContain('170/2025/NĐ-CP');
  });

  it('postpones during an investigation or a maternity leave in progress, not after it ended', () => {
    expect(postponementVerdicts(at(ON), [stay('investigation', '2026-02-01')], ON)[0]!.status).toBe('failed');
    expect(postponementVerdicts(at(ON), [stay('maternity', '2026-01-05', ON)], ON)[0]!.status).toBe('failed');
    // The day after the leave ends: no longer postponed.
    expect(postponementVerdicts(at(ON), [stay('maternity', '2026-01-05', '2026-04-09')], ON)[0]!.status).toBe('passed');
    // A case that starts after the date does not count yet.
    expect(postponementVerdicts(at(ON), [stay('investigation', '2026-04-11')], ON)[0]!.detail.vi).toContain('Không có');
  });

  it('counts a stay abroad from exactly 3 months: planned 3 months → postponed, a day short → not', () => {
    const exactly = postponementVerdicts(at(ON), [stay('abroad', '2026-03-01', '2026-06-01')], ON)[0]!;
    expect(exactly).toMatchObject({ status: 'failed', inputs: { minMonths: 3 } });
    const short = postponementVerdicts(at(ON), [stay('abroad', '2026-03-01', '2026-05-31')], ON)[0]!;
    expect(short.status).toBe('passed');
    expect(short.detail.vi).toContain('dưới 3 tháng');
  });

  it('watches an open-ended hospital stay until it reaches 3 months, then postpones', () => {
    expect(postponementVerdicts(at(ON), [stay('inpatient', '2026-01-11')], ON)[0]!.status).toBe('warning');
    expect(postponementVerdicts(at(ON), [stay('inpatient', '2026-01-10')], ON)[0]!.status).toBe('failed');
  });

  it('only warns under the unconfirmed rule before NĐ 170/2025 (discipline is its one case)', () => {
    const before = at('2025-03-03');
    expect(circumstanceOptions(before, 'reappointment').map((o) => o.key)).toEqual(['discipline']);
    const [v] = postponementVerdicts(before, [stay('discipline', '2025-01-02')], '2025-03-03');
    expect(v).toMatchObject({ status: 'warning', ruleUnconfirmed: true });
  });
});

const facts = (f: Partial<GroundsFacts>): GroundsFacts => ({
  claimed: [],
  votes: [],
  ratings: [],
  disciplines: [],
  inSeatSince: '2023-05-01',
  ...f,
});
const ground = (key: string, fromDate = '2026-03-20'): CircumstanceFact => ({
  key,
  fromDate,
  toDate: null,
  reference: 'KL 05-KL/TU',
});
const vote = (low: number, collected: number, summoned = collected) => ({ voteDate: '2026-01-15', low, collected, summoned });

describe('grounds for dismissal (NĐ 170/2025 art. 53)', () => {
  const policy = at(ON);

  it('fails when no ground is recorded, listing the grounds of the rule', () => {
    const [v] = groundsVerdicts(policy, 'dismissal', facts({}), ON);
    expect(v).toMatchObject({ ruleId: 'grounds.dismissal', status: 'failed' });
    expect(v!.detail.vi).toContain('trên 2/3 phiếu tín nhiệm thấp');
  });

  it('holds the low-vote ground above 2/3 of ballots collected, not at exactly 2/3', () => {
    const claim = { claimed: [ground('low-votes')] };
    const over = groundsVerdicts(policy, 'dismissal', facts({ ...claim, votes: [vote(21, 30)] }), ON)[0]!;
    expect(over).toMatchObject({ status: 'passed', inputs: { voteRule: 'state.dismissal-low-votes', low: 21, base: 30 } });
    const exactly = groundsVerdicts(policy, 'dismissal', facts({ ...claim, votes: [vote(20, 30)] }), ON)[0]!;
    expect(exactly.status).toBe('failed');
    expect(exactly.detail.vi).toContain('không đạt');
  });

  it('does not count a vote without a quorum (under 2/3 of those summoned took part)', () => {
    const v = groundsVerdicts(policy, 'dismissal', facts({ claimed: [ground('low-votes')], votes: [vote(20, 20, 31)] }), ON)[0]!;
    expect(v.status).toBe('failed');
    expect(v.detail.vi).toContain('không có kết quả lấy phiếu');
  });

  it('reads the Party track at 2/3 or more (96-QĐ/TW), only as a warning while unconfirmed', () => {
    const party = at(ON, 'party');
    const v = groundsVerdicts(party, 'dismissal', facts({ claimed: [ground('low-votes')], votes: [vote(20, 30)] }), ON)[0]!;
    expect(v).toMatchObject({ status: 'passed', inputs: { voteRule: 'vote.low-dismissal' } });
    expect(groundsVerdicts(party, 'dismissal', facts({}), ON)[0]).toMatchObject({ status: 'warning', ruleUnconfirmed: true });
  });

  it('holds a "not complete" rating of the latest year only when it is that level', () => {
    const claim = { claimed: [ground('not-complete')] };
    expect(
      groundsVerdicts(policy, 'dismissal', facts({ ...claim, ratings: [{ year: 2025, level: 'not_complete' }] }), ON)[0]!.status,
    ).toBe('passed');
    expect(
      groundsVerdicts(
        policy,
        'dismissal',
        facts({
          ...claim,
          ratings: [
            { year: 2025, level: 'complete' },
            { year: 2024, level: 'not_complete' },
          ],
        }),
        ON,
      )[0]!.status,
    ).toBe('failed');
  });

  it('holds a reprimand or warning given since the person took the seat, not one from before', () => {
    const claim = { claimed: [ground('discipline')] };
    const since = groundsVerdicts(
      policy,
      'dismissal',
      facts({ ...claim, disciplines: [{ level: 'canh_cao', date: '2023-05-01' }] }),
      ON,
    )[0]!;
    expect(since.status).toBe('passed');
    const before = groundsVerdicts(
      policy,
      'dismissal',
      facts({ ...claim, disciplines: [{ level: 'canh_cao', date: '2023-04-30' }] }),
      ON,
    )[0]!;
    expect(before.status).toBe('failed');
    const dismissalLevel = groundsVerdicts(
      policy,
      'dismissal',
      facts({ ...claim, disciplines: [{ level: 'cach_chuc', date: '2025-01-01' }] }),
      ON,
    )[0]!;
    expect(dismissalLevel.status).toBe('failed');
  });

  it('keeps an unproved claim as a warning beside a ground that holds', () => {
    const vs = groundsVerdicts(
      policy,
      'dismissal',
      facts({ claimed: [ground('degradation'), ground('low-votes')], votes: [vote(3, 30)] }),
      ON,
    );
    expect(vs.map((v) => [v.inputs.key, v.status])).toEqual([
      ['degradation', 'passed'],
      ['low-votes', 'warning'],
    ]);
  });
});

describe('grounds for resignation (art. 52) and relief (377-QĐ/TW)', () => {
  it('holds the resignation vote ground over 50 % and up to 2/3, not at exactly 50 %, not above 2/3', () => {
    const g = (low: number) =>
      groundsVerdicts(at(ON), 'resignation', facts({ claimed: [ground('low-votes')], votes: [vote(low, 30)] }), ON)[0]!.status;
    expect(groundsVerdicts(at(ON), 'resignation', facts({}), ON)[0]).toMatchObject({
      ruleId: 'grounds.resignation',
      status: 'failed',
    });
    expect(g(15)).toBe('failed');
    expect(g(16)).toBe('passed');
    expect(g(20)).toBe('passed');
    expect(g(21)).toBe('failed');
  });

  it('holds a relief ground from exactly 12 months in post, not a day before', () => {
    const relief = (inSeatSince: string) =>
      groundsVerdicts(at(ON), 'relief', facts({ claimed: [ground('unit-targets')], inSeatSince }), ON)[0]!;
    expect(relief('2025-04-10')).toMatchObject({ status: 'passed', ruleId: 'grounds.relief' });
    const short = relief('2025-04-11');
    expect(short.status).toBe('failed');
    expect(short.detail.vi).toContain('chưa đủ 12 tháng');
  });

  it('has no relief grounds before 377-QĐ/TW, and no grounds for a seating action', () => {
    expect(groundsVerdicts(at('2025-06-02'), 'relief', facts({}), '2025-06-02')).toEqual([]);
    expect(groundsVerdicts(at(ON), 'appointment', facts({}), ON)).toEqual([]);
    expect(circumstanceOptions(at(ON), 'transfer')).toEqual([]);
  });
});
