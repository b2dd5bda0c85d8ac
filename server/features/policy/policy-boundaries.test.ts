import { describe, expect, it } from 'vitest';
import type { Track } from '../../../contracts/policy';
import { loadPolicyLibrary } from './pack.loader';
import { addDays, policyAt } from './policy.library';

const library = loadPolicyLibrary();
const ruleOn = (date: string, track: Track, id: string) => policyAt(library, date, track).rules.get(id);

// Every date on which a document of the domain brief takes over: the day before answers with the old rule (or none),
// the day itself with the new one; the other track is unaffected where the document is one track's.
const BOUNDARIES: [string, Track, string, string | null, string][] = [
  // 96-QĐ/TW of 02/02/2023: confidence votes, and the low-vote bar of eligibility.
  ['vote.quorum', 'party', '2023-02-02', null, '96-QĐ/TW'],
  ['eligibility.low-confidence-vote', 'party', '2023-02-02', null, '96-QĐ/TW'],
  ['eligibility.low-confidence-vote', 'state', '2023-02-02', null, '96-QĐ/TW'],
  // Resolution 96/2023/QH15: the National Assembly and People's Councils (state track only).
  ['vote.national-assembly', 'state', '2023-06-23', null, '96/2023/QH15'],
  // 114-QĐ/TW of 11/07/2023: power control.
  ['power.prohibited-acts', 'party', '2023-07-11', null, '114-QĐ/TW'],
  // 124-QĐ/TW: evaluation from 04/10/2023.
  ['evaluation.points', 'party', '2023-10-04', null, '124-QĐ/TW'],
  // NĐ 170/2025 replaces NĐ 138/2020 on 01/07/2025 (state track).
  ['state.appointment-ballot', 'state', '2025-07-01', '138/2020/NĐ-CP', '170/2025/NĐ-CP'],
  ['state.reappointment', 'state', '2025-07-01', '138/2020/NĐ-CP', '170/2025/NĐ-CP'],
  ['state.dismissal-low-votes', 'state', '2025-07-01', null, '170/2025/NĐ-CP'],
  ['state.suspension-salary', 'state', '2025-07-01', null, '170/2025/NĐ-CP'],
  // 366-QĐ/TW of 30/08/2025 replaces 124-QĐ/TW.
  ['evaluation.points', 'party', '2025-08-30', '124-QĐ/TW', '366-QĐ/TW'],
  ['evaluation.excellent-quota', 'state', '2025-08-30', '124-QĐ/TW', '366-QĐ/TW'],
  ['evaluation.low-vote-veto', 'party', '2025-08-30', null, '366-QĐ/TW'],
  // 368-QĐ/TW of 08/09/2025 replaces Kết luận 35 (the title catalog).
  ['catalog.title-groups', 'party', '2025-09-08', '35-KL/TW', '368-QĐ/TW'],
  // 377-QĐ/TW of 08/10/2025 replaces 50-QĐ/TW and 80-QĐ/TW.
  ['appointment.months-in-post', 'party', '2025-10-08', '80-QĐ/TW', '377-QĐ/TW'],
  ['appointment.months-in-post', 'state', '2025-10-08', '80-QĐ/TW', '377-QĐ/TW'],
  ['appointment.discipline-waits', 'party', '2025-10-08', '80-QĐ/TW', '377-QĐ/TW'],
  ['planning.max-per-title', 'party', '2025-10-08', '50-QĐ/TW', '377-QĐ/TW'],
  ['planning.age-by-level', 'party', '2025-10-08', null, '377-QĐ/TW'],
];

describe('policyAt at the dates the documents take over', () => {
  it.each(BOUNDARIES)('%s (%s) on %s: %s the day before, %s from that day', (id, track, date, before, after) => {
    expect(ruleOn(addDays(date, -1), track, id)?.citation.document ?? null).toBe(before);
    expect(ruleOn(date, track, id)!.citation.document).toBe(after);
  });

  it('the numbers change with the document: time in post 24 → 12 months, a reprimand wait 12 → 24 months', () => {
    const params = (date: string, id: string) => ruleOn(date, 'party', id)!.params as Record<string, unknown>;
    expect(params('2025-10-07', 'appointment.months-in-post').months).toBe(24);
    expect(params('2025-10-08', 'appointment.months-in-post').months).toBe(12);
    expect(params('2025-10-07', 'appointment.discipline-waits')).toMatchObject({ khien_trach: 12, canh_cao: 30, cach_chuc: 60 });
    expect(params('2025-10-08', 'appointment.discipline-waits')).toMatchObject({ khien_trach: 24, canh_cao: 36, cach_chuc: 60 });
  });

  it("the state track's decrees never reach the party track", () => {
    for (const date of ['2025-06-30', '2025-07-01', '2026-01-01'])
      for (const id of ['state.appointment-ballot', 'state.reappointment', 'state.dismissal-low-votes', 'vote.national-assembly'])
        expect(ruleOn(date, 'party', id)).toBeUndefined();
  });

  it('no cadre rule before 01/01/2023, and one pack answers each day after it (no day without the core rules)', () => {
    expect(ruleOn('2022-12-31', 'party', 'appointment.months-in-post')).toBeUndefined();
    const core = [
      'appointment.months-in-post',
      'appointment.discipline-waits',
      'appointment.full-term',
      'planning.max-per-title',
    ];
    for (let d = '2023-01-01'; d <= '2026-12-31'; d = addDays(d, 7))
      for (const track of ['party', 'state'] as const)
        for (const id of core) expect(ruleOn(d, track, id), `${id} on ${d} (${track})`).toBeDefined();
  });

  it('a local pack applies only from its own date, on top of the rules in force then', () => {
    const local = (date: string) =>
      policyAt(library, date, 'party', { approvedLocalPackIds: ['tuyen-quang-2026'] }).rules.get('appointment.months-in-post')!;
    expect(local('2025-12-31')).toMatchObject({ params: { months: 12 }, localPackId: null });
    expect(local('2026-01-01')).toMatchObject({ params: { months: 18 }, localPackId: 'tuyen-quang-2026' });
    // Not approved: the national number.
    expect(ruleOn('2026-01-01', 'party', 'appointment.months-in-post')).toMatchObject({ params: { months: 12 } });
  });
});
