// The TypeScript half of batch eligibility: how many people per second the pure engine judges
// (facts already read), as a ratio to the baseline of merely parsing each person's facts from JSON,
// which any batch over stored records pays anyway. `npm run bench eligibility [--n=200000]`.
import { type EligibilityFacts, eligibilityFactsSchema, evaluateEligibility } from '../server/features/policy/eligibility.rules';
import { loadPolicyLibrary } from '../server/features/policy/pack.loader';
import { policyAt } from '../server/features/policy/policy.library';
import { flag, ratio } from './lib';

const LEVELS = ['khien_trach', 'canh_cao', 'cach_chuc'] as const;

function person(i: number): EligibilityFacts {
  return eligibilityFactsSchema.parse({
    person: {
      sex: i % 2 ? 'M' : 'F',
      birth: `${1962 + (i % 30)}-${String(1 + (i % 12)).padStart(2, '0')}${i % 7 === 0 ? '' : '-15'}`,
      currentTitleRank: 5 + (i % 4),
      currentPostSince: `${2019 + (i % 7)}-0${1 + (i % 9)}-01`,
      disciplines: i % 11 === 0 ? [{ level: LEVELS[i % 3], decidedOn: `${2022 + (i % 4)}-05-10` }] : [],
      politicalTheory: i % 5 ? 'cao_cap' : 'trung_cap',
      education: 'dai_hoc',
      stateManagement: i % 3 ? 'chuyen_vien_chinh' : 'chuyen_vien',
      ratings: [2023, 2024, 2025].filter((y) => (i + y) % 13 !== 0).map((year) => ({ year, level: 'good' })),
      inPlanForTitle: i % 4 !== 0,
      politicalStandardConcluded: i % 9 !== 0,
    },
    target: { rank: 5, requiredTheory: 'cao_cap', requiredEducation: 'dai_hoc', requiredStateManagement: 'chuyen_vien_chinh' },
    purpose: 'appointment',
  });
}

export async function run(argv: string[]): Promise<void> {
  const n = flag(argv, 'n', 200_000);
  const policy = policyAt(loadPolicyLibrary(), '2026-06-01', 'party');
  const facts = Array.from({ length: 1000 }, (_, i) => person(i));
  const stored = facts.map((f) => JSON.stringify(f));

  let t = performance.now();
  let parsed = 0;
  for (let i = 0; i < n; i++) parsed += (JSON.parse(stored[i % stored.length]!) as EligibilityFacts).target.rank;
  const parseMs = performance.now() - t;

  t = performance.now();
  let eligible = 0;
  let oneShort = 0;
  for (let i = 0; i < n; i++) {
    const r = evaluateEligibility(facts[i % facts.length]!, policy);
    if (r.eligible) eligible++;
    else if (r.missing.length === 1) oneShort++;
  }
  const engineMs = performance.now() - t;

  const perSecond = (ms: number) => Math.round((n / ms) * 1000);
  console.log(`persons judged: ${n} (eligible ${eligible}, one requirement short ${oneShort}; checksum ${parsed})`);
  console.log(`baseline JSON.parse of the facts: ${perSecond(parseMs).toLocaleString('en')} persons/s`);
  console.log(
    `eligibility engine:               ${perSecond(engineMs).toLocaleString('en')} persons/s (${ratio(engineMs, parseMs)} the baseline's time)`,
  );
  console.log(`time for 2.5 million survivors at this rate: ${((2_500_000 / perSecond(engineMs)) * 1000).toFixed(0)} ms`);
}
