import { describe, expect, it } from 'vitest';
import { ACTION_KINDS } from '../../../contracts/decisions';
import { loadPolicyLibrary } from '../policy/pack.loader';
import { policyAt } from '../policy/policy.library';
import { buildCalendar, holidayCalendar } from './holiday.calendar';
import {
  addWorkingDays,
  dossierStatus,
  dossierVerdicts,
  isWorkingDay,
  kinship,
  outcomeContinues,
  processDefinition,
  reappointmentNotice,
  stepResult,
  timingFlags,
  unconfirmedWarnings,
  workingDaysBetween,
} from './decision.rules';

const library = loadPolicyLibrary();
const cal = holidayCalendar();
const at = (date: string, track: 'party' | 'state' = 'state') => policyAt(library, date, track);

describe('process definitions from the pack in force', () => {
  for (const date of ['2024-06-03', '2026-03-02'])
    for (const track of ['state', 'party'] as const)
      it(`defines every action kind on ${date} for the ${track} track`, () => {
        for (const action of ACTION_KINDS) {
          const def = processDefinition(at(date, track), action, 'on-site');
          expect(def, action).not.toBeNull();
          expect(def!.steps.length).toBeGreaterThan(0);
          expect(def!.processWorkingDays).toBeGreaterThan(0);
        }
        expect(processDefinition(at(date, track), 'appointment', 'outside')!.steps).toHaveLength(3);
      });

  it('gives the NĐ 170/2025 on-site appointment five steps, 15 and 30 working days and its ballot thresholds', () => {
    const def = processDefinition(at('2026-03-02'), 'appointment', 'on-site')!;
    expect(def.steps.map((s) => s.key)).toEqual(['structure', 'expanded', 'collective', 'key-cadres', 'decision']);
    expect(def.citation).toContain('170/2025/NĐ-CP');
    expect(def.policyWorkingDays).toBe(15);
    expect(def.processWorkingDays).toBe(30);
    expect(def.steps.find((s) => s.key === 'expanded')!.announced).toBe(false);
  });

  it('judges a 2024 party-track appointment by 80-QĐ/TW and a 2026 one by 377-QĐ/TW', () => {
    expect(processDefinition(at('2024-06-03', 'party'), 'appointment', 'on-site')!.citation).toContain('80-QĐ/TW');
    expect(processDefinition(at('2026-03-02', 'party'), 'appointment', 'on-site')!.citation).toContain('377-QĐ/TW');
  });

  it('starts a reappointment at least 90 days before the term ends', () => {
    const def = processDefinition(at('2026-03-02'), 'reappointment', 'on-site')!;
    expect(reappointmentNotice(def, '2026-06-30', '2026-04-01')).toEqual({ latestStart: '2026-04-01', late: false });
    expect(reappointmentNotice(def, '2026-06-30', '2026-04-02')!.late).toBe(true);
  });
});

describe('step votes at their edges', () => {
  const policy = at('2026-03-02');
  const onSite = processDefinition(policy, 'appointment', 'on-site')!;
  const ballot = (
    vote: 'ballot-expanded' | 'ballot-collective' | 'ballot-decision',
    votes: Record<string, number>,
    present = 30,
    extra = {},
  ) => stepResult(policy, onSite, vote, { summoned: 30, present, votes, candidate: 'A', ...extra }).outcome;

  it('needs a quorum of 2/3 of those summoned: 20 of 30 is enough, 19 is not', () => {
    expect(ballot('ballot-expanded', { A: 16, B: 4 }, 20)).toBe('passed');
    expect(ballot('ballot-expanded', { A: 16, B: 3 }, 19)).toBe('no-quorum');
  });

  it('chooses over 50 % of those summoned: 16 of 30 is chosen, exactly 15 is not', () => {
    expect(ballot('ballot-expanded', { A: 16, B: 14 })).toBe('passed');
    expect(ballot('ballot-expanded', { A: 15, B: 15 })).toBe('go-on');
  });

  it('lets everyone with at least 30 % go on: 9 of 30 goes on, 8 stops', () => {
    expect(ballot('ballot-expanded', { A: 9, B: 12, C: 9 })).toBe('go-on');
    expect(ballot('ballot-expanded', { A: 8, B: 12, C: 10 })).toBe('stopped');
  });

  it('stops the process for the candidate when someone else is chosen', () => {
    expect(ballot('ballot-expanded', { A: 10, B: 20 })).toBe('stopped');
  });

  it('needs 2/3 when the collective switches from the expanded choice: 20 of 30 switches, 19 does not', () => {
    expect(ballot('ballot-collective', { A: 20, B: 10 }, 30, { expandedChoice: 'B' })).toBe('passed');
    expect(ballot('ballot-collective', { A: 19, B: 11 }, 30, { expandedChoice: 'B' })).toBe('go-on');
    expect(ballot('ballot-collective', { A: 16, B: 14 }, 30, { expandedChoice: 'A' })).toBe('passed');
  });

  it('gives an exact tie at 50 % in the decision step to the head', () => {
    expect(ballot('ballot-decision', { A: 15, B: 15 })).toBe('head-decides');
    expect(ballot('ballot-expanded', { A: 15, B: 15 })).toBe('go-on');
  });

  it('decides yes/no steps over 50 %, a tie by the head; under an unconfirmed process rule a shortfall only warns', () => {
    const party = at('2026-03-02', 'party');
    const def = processDefinition(party, 'appointment', 'on-site')!;
    expect(def.status).toBe('unconfirmed');
    const yes = (n: number, present = 10) =>
      stepResult(party, def, 'approval', { summoned: 10, present, votes: { A: n }, candidate: 'A' });
    expect(yes(6).outcome).toBe('passed');
    expect(yes(5).outcome).toBe('head-decides');
    const four = yes(4);
    expect(four.outcome).toBe('warned');
    expect(four.verdicts.some((v) => v.status === 'failed')).toBe(false);
    expect(unconfirmedWarnings(four)).toHaveLength(1);
    expect(unconfirmedWarnings(four)[0]).toMatchObject({ ruleId: 'process.appointment.on-site', ruleUnconfirmed: true });
    expect(unconfirmedWarnings(four)[0]!.detail.vi).not.toContain('dừng quy trình');
    // The quorum of an unconfirmed process: 7 of 10 is 2/3 or more, 6 is not, and that only warns too.
    expect(yes(7, 7).outcome).toBe('passed');
    expect(yes(6, 6).outcome).toBe('warned');
    const dismissal = processDefinition(party, 'dismissal', 'on-site')!;
    expect(stepResult(party, dismissal, 'approval', { summoned: 10, present: 10, votes: { A: 5 }, candidate: 'A' }).outcome).toBe(
      'warned',
    );
  });

  it('stops a state dismissal at exactly 50 %: the >50 % vote of NĐ 170/2025 art. 53 is confirmed, its quorum is not', () => {
    const def = processDefinition(policy, 'dismissal', 'on-site')!;
    expect(def.status).toBe('unconfirmed');
    expect(def.approvalRuleId).toBe('state.dismissal-vote');
    const vote = (n: number, present = 10) =>
      stepResult(policy, def, 'approval', { summoned: 10, present, votes: { A: n }, candidate: 'A' });
    expect(vote(6).outcome).toBe('passed');
    const half = vote(5);
    expect(half.outcome).toBe('stopped');
    expect(half.verdicts.at(-1)).toMatchObject({ ruleId: 'state.dismissal-vote', status: 'failed', ruleUnconfirmed: false });
    expect(half.verdicts.at(-1)!.citation.text).toContain('Điều 53');
    // 6 of 10 present is under the (unconfirmed) 2/3 quorum: a warning, the vote itself is then judged.
    expect(vote(6, 6).outcome).toBe('warned');
    expect(vote(6, 7).outcome).toBe('passed');
  });

  it('warns instead of stopping when a 2024 state ballot falls short of the unconfirmed NĐ 138/2020 numbers', () => {
    const old = at('2024-06-03');
    const def = processDefinition(old, 'appointment', 'on-site')!;
    const ballot2024 = (votes: Record<string, number>, present = 30) =>
      stepResult(old, def, 'ballot-expanded', { summoned: 30, present, votes, candidate: 'A' }).outcome;
    expect(ballot2024({ A: 16, B: 14 })).toBe('passed');
    expect(ballot2024({ A: 8, B: 12, C: 10 })).toBe('warned');
    expect(ballot2024({ A: 16, B: 3 }, 19)).toBe('warned');
    // Another name chosen by a majority is a result, not a shortfall: the process stops for A.
    expect(ballot2024({ A: 10, B: 20 })).toBe('stopped');
  });

  it('never lets a warned step go on without the acknowledgement', () => {
    expect(outcomeContinues('warned', undefined)).toBe(false);
    expect(outcomeContinues('warned', undefined, true)).toBe(true);
    expect(outcomeContinues('stopped', undefined, true)).toBe(false);
    expect(outcomeContinues('no-quorum', undefined, true)).toBe(false);
  });

  it('records an opinion step without a threshold but still needs the quorum', () => {
    expect(stepResult(policy, onSite, 'opinion', { summoned: 30, present: 20, votes: { A: 3 }, candidate: 'A' }).outcome).toBe(
      'recorded',
    );
    expect(stepResult(policy, onSite, 'opinion', { summoned: 30, present: 19, votes: { A: 19 }, candidate: 'A' }).outcome).toBe(
      'no-quorum',
    );
  });

  it('carries the rule id and citation on every verdict', () => {
    const r = stepResult(policy, onSite, 'ballot-expanded', { summoned: 30, present: 30, votes: { A: 16 }, candidate: 'A' });
    expect(r.verdicts.every((v) => v.ruleId === 'state.appointment-ballot' && v.citation.text.includes('170/2025'))).toBe(true);
  });
});

describe('dossier freshness', () => {
  const policy = at('2026-03-02');
  const full = [
    { key: 'cv-photo', documentDate: '2025-09-02', reference: 'SYLL' },
    { key: 'asset-declaration', documentDate: '2025-12-01', reference: 'KK' },
    { key: 'political-standard', documentDate: '2026-01-05', reference: 'KL' },
    { key: 'residence-comments', documentDate: '2026-01-10', reference: 'NX' },
    { key: 'health-certificate', documentDate: '2026-01-10', reference: 'SK' },
  ];
  it('accepts a photo exactly 6 months old and refuses it one day later', () => {
    expect(dossierStatus(policy, full, '2026-03-02').every((s) => s.state === 'ok')).toBe(true);
    const later = dossierStatus(policy, full, '2026-03-03');
    expect(later.find((s) => s.key === 'cv-photo')!.state).toBe('stale');
    expect(dossierVerdicts(policy, later).map((v) => v.status)).toEqual(['failed']);
  });
  it('names a missing item and ignores documents dated after the day', () => {
    const s = dossierStatus(policy, full.slice(0, 4), '2026-03-02');
    expect(s.find((x) => x.key === 'health-certificate')!.state).toBe('missing');
    expect(dossierStatus(policy, full, '2025-12-31').find((x) => x.key === 'political-standard')!.state).toBe('missing');
    expect(dossierVerdicts(policy, s)[0]!.detail.vi).toContain('Giấy chứng nhận sức khỏe');
  });
});

describe('working days with Vietnamese holidays', () => {
  it('skips the whole of Tết Bính Ngọ 2026 (16–20/02) and the weekends around it', () => {
    expect(addWorkingDays(cal, '2026-02-13', 1)).toBe('2026-02-23');
    expect(workingDaysBetween(cal, '2026-02-13', '2026-02-23')).toBe(1);
    expect(addWorkingDays(cal, '2026-02-02', 15)).toBe('2026-03-02');
  });
  it('counts a swapped Saturday as a working day and the swapped Monday as off (30/4/2024)', () => {
    expect(isWorkingDay(cal, '2024-05-04')).toBe(true);
    expect(isWorkingDay(cal, '2024-04-29')).toBe(false);
    expect(isWorkingDay(cal, '2024-05-11')).toBe(false);
  });
  it('counts zero working days from a day to itself or back', () => {
    expect(workingDaysBetween(cal, '2026-03-02', '2026-03-02')).toBe(0);
    expect(workingDaysBetween(cal, '2026-03-02', '2026-03-01')).toBe(0);
  });
  it('refuses a table listing a weekend as a day off', () => {
    expect(() =>
      buildCalendar({
        id: 'x',
        statute: { document: 'BLLĐ', date: '2019-11-20', article: '112' },
        years: [
          {
            year: 2026,
            status: 'confirmed',
            source: { vi: 'a', en: 'a' },
            daysOff: [{ date: '2026-02-14', vi: 'a', en: 'a' }],
            workingWeekendDays: [],
          },
        ],
      }),
    ).toThrow(/weekend/);
  });
});

describe('timing flags', () => {
  const policy = at('2026-03-02');
  const base = {
    status: 'open' as const,
    startedOn: '2026-03-02',
    firstStepDoneOn: '2026-03-05',
    lastActivityOn: '2026-03-05',
    decisionDate: null,
    policyDeadline: '2026-03-23',
    processDeadline: '2026-04-13',
  };
  it('flags nothing for a process on time', () => {
    expect(timingFlags(policy, cal, base, '2026-03-10')).toEqual([]);
  });
  it('flags a process idle for more than 10 working days and past its deadline', () => {
    const codes = timingFlags(policy, cal, base, '2026-04-20').map((f) => f.code);
    expect(codes).toEqual(['deadline-process', 'stalled']);
  });
  it('flags a decision taken in under 5 working days, and not one taken in 5', () => {
    const fast = { ...base, status: 'decided' as const, decisionDate: '2026-03-06' };
    expect(timingFlags(policy, cal, fast, '2026-03-10').map((f) => f.code)).toEqual(['too-fast']);
    expect(timingFlags(policy, cal, { ...fast, decisionDate: '2026-03-09' }, '2026-03-10')).toEqual([]);
  });
});

describe('kinship from the family tables', () => {
  const candidate = {
    fullName: 'Nguyễn Văn An',
    birthYear: 1980,
    family: [{ relation: 'sibling', fullName: 'Nguyễn Văn Đức', birthYear: 1975 }],
  };
  it('finds a relative declared by the candidate, diacritics-insensitively', () => {
    expect(kinship(candidate, { fullName: 'nguyen van duc', birthYear: 1975, family: [] })).toEqual({
      relation: 'sibling',
      declaredBy: 'candidate',
    });
  });
  it('finds a relative declared by the participant', () => {
    expect(
      kinship(candidate, {
        fullName: 'Trần Thị Bình',
        birthYear: 1955,
        family: [{ relation: 'child', fullName: 'Nguyễn Văn An', birthYear: 1980 }],
      }),
    ).toEqual({ relation: 'child', declaredBy: 'participant' });
  });
  it('does not match a namesake of another birth year', () => {
    expect(kinship(candidate, { fullName: 'Nguyễn Văn Đức', birthYear: 1990, family: [] })).toBeNull();
  });
});
