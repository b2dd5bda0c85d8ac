import type { Person, PersonRecord, PersonRetirement, RetirementForecast } from '../../../contracts/persons';
import type { Db, DbContext } from '../../db/database';
import { AppError } from '../../http/errors';
import { todayIso } from '../../lib/ids';
import { type Actor, holdsAnywhere } from '../access/access.rules';
import { type PolicyLibrary, policyAt } from '../policy/policy.library';
import { retirementDate } from '../policy/retirement.rules';
import * as lookupsRepo from './person.lookups.repository';
import * as searchRepo from './person.search.repository';
import { getPerson, searchFilter } from './person.service';

/**
 * A person's retirement: the legal date from the policy's retirement rule (Labour Code 2019 art. 169, NĐ 135/2020,
 * NĐ 83/2022 for listed female leaders), and the date that applies when the record carries an override.
 */
export function personRetirement(record: PersonRecord, library: PolicyLibrary, today = todayIso()): PersonRetirement | null {
  const o = record.retirementOverride;
  let legal;
  try {
    legal = retirementDate(
      { sex: record.sex, birth: record.birthDate, femaleLeaderTo60: o?.kind === 'female_leader_60' },
      policyAt(library, today, 'state'),
    );
  } catch {
    return null; // no schedule in force for that birth date
  }
  const dated = o && o.kind !== 'female_leader_60' && o.date ? o.date : null;
  return {
    legalDate: legal.retirementDate,
    pensionFrom: legal.pensionFrom,
    age: legal.retirementAge,
    ruleId: legal.ruleId,
    citation: legal.citation.text,
    effectiveDate: dated ?? legal.retirementDate,
    override: o ? { kind: o.kind, reason: o.reason } : null,
  };
}

export async function getPersonWithRetirement(
  db: Db,
  library: PolicyLibrary,
  actor: Actor,
  id: string,
  asOf?: string,
): Promise<Person> {
  const person = await getPerson(db, actor, id, asOf);
  return { ...person, retirement: personRetirement(person.record, library) };
}

const FORECAST_MAX = 200_000;

/** Who retires in a subtree: counts per year for 10 years by sex, and month by month for 24 months with the seats left vacant. */
export async function retirementForecast(
  ctx: DbContext,
  library: PolicyLibrary,
  actor: Actor,
  q: { organizationId?: string },
): Promise<RetirementForecast> {
  if (!holdsAnywhere(actor, 'persons.read'))
    throw new AppError('FORBIDDEN', 'Bạn không có quyền xem dự báo nghỉ hưu', 'You may not see the retirement forecast');
  const today = todayIso();
  const year = Number(today.slice(0, 4));
  const horizon = `${year + 2}${today.slice(4)}`;
  const byYear = new Map(Array.from({ length: 10 }, (_, i) => [year + i, { year: year + i, male: 0, female: 0 }]));
  const upcoming: RetirementForecast['upcoming'] = [];
  const f = await searchFilter(ctx.db, actor, { organizationId: q.organizationId });
  for await (const row of searchRepo.iterateMatchingRecords(ctx.db, ctx.dialect, f, FORECAST_MAX)) {
    const record = JSON.parse(row.data_json) as PersonRecord;
    const r = personRetirement(record, library, today);
    if (!r || r.effectiveDate < today) continue;
    const y = byYear.get(Number(r.effectiveDate.slice(0, 4)));
    if (y) {
      if (record.sex === 'M') y.male++;
      else y.female++;
    }
    if (r.effectiveDate <= horizon)
      upcoming.push({
        personId: row.id,
        fullName: record.fullName,
        organizationName: row.organization_name,
        currentTitle: record.currentTitle,
        retirementDate: r.effectiveDate,
        overridden: r.override !== null,
        seats: [],
      });
  }
  upcoming.sort((a, b) => (a.retirementDate < b.retirementDate ? -1 : a.retirementDate > b.retirementDate ? 1 : 0));
  const seats = await lookupsRepo.openSeatsOf(
    ctx.db,
    upcoming.map((u) => u.personId),
  );
  for (const u of upcoming)
    u.seats = seats
      .filter((s) => s.person_id === u.personId)
      .map((s) => ({ positionId: s.position_id, titleName: s.title_name, organizationName: s.organization_name }));
  return { asOf: today, byYear: [...byYear.values()], upcoming };
}
