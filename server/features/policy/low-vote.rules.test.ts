import { describe, expect, it } from 'vitest';
import type { ConfidenceVoteFact, Track } from '../../../contracts/policy';
import { type EligibilityFacts, eligibilityFactsSchema, evaluateEligibility } from './eligibility.rules';
import { loadPolicyLibrary } from './pack.loader';
import { policyAt } from './policy.library';

const library = loadPolicyLibrary();

/** A deputy director (rank 6) meeting everything else, for a director title (rank 5). */
function buildFacts(purpose: EligibilityFacts['purpose'], votes: ConfidenceVoteFact[] | undefined): EligibilityFacts {
  return eligibilityFactsSchema.parse({
    person: {
      sex: 'M',
      birth: '1978-05-20',
      currentTitleRank: 6,
      currentPostSince: '2021-03-01',
      politicalTheory: 'cao_cap',
      education: 'thac_si',
      stateManagement: 'chuyen_vien_chinh',
      ratings: [2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({ year, level: 'good' })),
      inPlanForTitle: true,
      politicalStandardConcluded: true,
      ...(votes ? { confidenceVotes: votes } : {}),
    },
    target: {
      rank: 5,
      requiredTheory: 'cao_cap',
      requiredEducation: 'dai_hoc',
      requiredStateManagement: 'chuyen_vien_chinh',
    },
    purpose,
  });
}

const vote = (voteDate: string, low: number, collected = 20, summoned = 24): ConfidenceVoteFact => ({
  voteDate,
  low,
  collected,
  summoned,
});

const sut = (
  purpose: EligibilityFacts['purpose'],
  votes: ConfidenceVoteFact[] | undefined,
  date: string,
  track: Track = 'party',
) => evaluateEligibility(buildFacts(purpose, votes), policyAt(library, date, track));
const lowVerdicts = (r: ReturnType<typeof sut>) => r.verdicts.filter((v) => v.ruleId.endsWith('.low-confidence-vote'));

describe('low confidence (96-QĐ/TW): more than 1/2 of ballots collected bars planning and a higher post', () => {
  it.each([
    ['planning', '2024-06-01'],
    ['appointment', '2024-06-01'],
    ['planning', '2026-06-01'],
    ['appointment', '2026-06-01'],
  ] as const)('for %s on %s: exactly 10 of 20 passes, 11 of 20 fails with rule and citation', (purpose, date) => {
    const exactlyHalf = lowVerdicts(sut(purpose, [vote('2023-11-20', 10)], date));
    expect(exactlyHalf).toHaveLength(1);
    expect(exactlyHalf[0]).toMatchObject({
      ruleId: 'eligibility.low-confidence-vote',
      status: 'passed',
      citation: { document: '96-QĐ/TW', date: '2023-02-02' },
      inputs: { low: 10, base: 20 },
    });
    expect(exactlyHalf[0]!.detail.vi).toContain('không quá 1/2 số phiếu thu về');
    const over = sut(purpose, [vote('2023-11-20', 11)], date);
    expect(lowVerdicts(over)[0]).toMatchObject({ status: 'failed', inputs: { low: 11, base: 20 } });
    expect(lowVerdicts(over)[0]!.detail.vi).toBe(
      'Lấy phiếu tín nhiệm ngày 20/11/2023: 11/20 (55%) phiếu tín nhiệm thấp, trên 1/2 số phiếu thu về: không quy hoạch, bổ nhiệm vào chức vụ cao hơn.',
    );
    expect(over.missing).toEqual(['eligibility.low-confidence-vote']);
    expect(over.eligible).toBe(false);
  });

  it('writes a fractional share with at most two decimals in each language (14 of 21 = 66,67 % / 66.67 %)', () => {
    const low = lowVerdicts(sut('appointment', [vote('2024-11-20', 14, 21, 24)], '2026-06-01'))[0]!;
    expect(low.status).toBe('failed');
    expect(low.detail.vi).toContain('14/21 (66,67%) phiếu tín nhiệm thấp');
    expect(low.detail.en).toContain('14/21 (66.67%) low votes');
  });

  it('counts over ballots collected, not over those summoned', () => {
    // 11 of 20 collected is over half; 11 of 24 summoned would not be.
    const r = sut('appointment', [vote('2024-11-20', 11, 20, 24)], '2026-06-01');
    expect(lowVerdicts(r)[0]).toMatchObject({ status: 'failed', inputs: { base: 20, collected: 20, summoned: 24 } });
  });

  it('the same applies on the state track', () => {
    expect(lowVerdicts(sut('appointment', [vote('2024-11-20', 11)], '2026-06-01', 'state'))[0]!.status).toBe('failed');
  });

  it('a vote without 2/3 of those summoned is not counted; exactly 2/3 is', () => {
    const noQuorum = lowVerdicts(sut('planning', [vote('2024-11-20', 15, 19, 30)], '2026-06-01'))[0]!;
    expect(noQuorum).toMatchObject({ status: 'passed', inputs: { ignoredWithoutQuorum: 1 } });
    expect(noQuorum.detail.vi).toContain('1 lần lấy phiếu không đủ số người tham gia nên không tính');
    expect(lowVerdicts(sut('planning', [vote('2024-11-20', 15, 20, 30)], '2026-06-01'))[0]!.status).toBe('failed');
  });

  it('reads the latest vote of the last 60 months: exactly 60 months back is outside, a day later inside', () => {
    expect(lowVerdicts(sut('planning', [vote('2021-06-01', 15)], '2026-06-01'))[0]!.status).toBe('passed');
    expect(lowVerdicts(sut('planning', [vote('2021-06-02', 15)], '2026-06-01'))[0]!.status).toBe('failed');
    // A later vote with 30 % low replaces an earlier one with 75 %; a vote after the date is not yet known.
    expect(lowVerdicts(sut('planning', [vote('2023-05-01', 15), vote('2025-05-01', 6)], '2026-06-01'))[0]).toMatchObject({
      status: 'passed',
      inputs: { voteDate: '2025-05-01', low: 6 },
    });
    expect(lowVerdicts(sut('planning', [vote('2026-06-02', 15)], '2026-06-01'))[0]!.status).toBe('passed');
  });

  it('with no vote on record the rule passes; when votes were not looked up it is not judged', () => {
    expect(lowVerdicts(sut('planning', [], '2026-06-01'))[0]!.detail.vi).toBe(
      'Không có kết quả lấy phiếu tín nhiệm trong 60 tháng trước ngày xét.',
    );
    expect(lowVerdicts(sut('planning', undefined, '2026-06-01'))).toEqual([]);
  });

  it('is not in force before 96-QĐ/TW (02/02/2023)', () => {
    expect(lowVerdicts(sut('planning', [vote('2022-11-20', 15)], '2023-02-01'))).toEqual([]);
    expect(lowVerdicts(sut('planning', [vote('2022-11-20', 15)], '2023-02-02'))[0]!.status).toBe('failed');
  });
});

describe('low confidence for reappointment: an unconfirmed rule, a warning that never blocks', () => {
  it('over 1/2 warns and the person stays eligible; exactly 1/2 passes', () => {
    const over = sut('reappointment', [vote('2024-11-20', 11)], '2026-06-01');
    expect(lowVerdicts(over)).toEqual([
      expect.objectContaining({ ruleId: 'reappointment.low-confidence-vote', status: 'warning', ruleUnconfirmed: true }),
    ]);
    expect(lowVerdicts(over)[0]!.detail.vi).toContain('chỉ cảnh báo, không chặn');
    expect(over.eligible).toBe(true);
    expect(lowVerdicts(sut('reappointment', [vote('2024-11-20', 10)], '2026-06-01'))[0]!.status).toBe('passed');
  });

  it('asks neither the plan, time in post, a full term nor the discipline waits of a higher post', () => {
    const facts = buildFacts('reappointment', []);
    const r = evaluateEligibility(
      {
        ...facts,
        person: {
          ...facts.person,
          inPlanForTitle: false,
          currentPostSince: '2026-01-01',
          disciplines: [{ level: 'khien_trach', decidedOn: '2026-01-01' }],
          birth: '1967-01-01',
        },
      },
      policyAt(library, '2026-06-01', 'party'),
    );
    const ids = r.verdicts.map((v) => v.ruleId);
    for (const id of [
      'appointment.in-plan',
      'appointment.months-in-post',
      'appointment.full-term',
      'appointment.discipline-waits',
    ])
      expect(ids).not.toContain(id);
    expect(ids).toEqual(expect.arrayContaining(['appointment.ratings-assessed', 'standards.title-requirements']));
    expect(r.eligible).toBe(true);
  });

  it('still blocks on a confirmed standard the holder does not meet', () => {
    const facts = buildFacts('reappointment', []);
    const r = evaluateEligibility(
      { ...facts, person: { ...facts.person, politicalTheory: 'trung_cap' } },
      policyAt(library, '2026-06-01', 'party'),
    );
    expect(r.verdicts.find((v) => v.ruleId === 'standards.title-requirements')!.status).toBe('failed');
  });
});
