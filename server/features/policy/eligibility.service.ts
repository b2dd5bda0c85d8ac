import type {
  EligibilitySearchResult,
  PersonEligibility,
  eligibilitySearchBodySchema,
  personEligibilityQuerySchema,
} from '../../../contracts/eligibility';
import type { PersonRecord } from '../../../contracts/persons';
import type { z } from 'zod';
import type { Db } from '../../db/database';
import { forbidden, notFound, validation } from '../../http/errors';
import { foldVietnamese } from '../../lib/text';
import { type Actor, mayActOn, scopePaths } from '../access/access.rules';
import { findOrganization } from '../organizations/organization.repository';
import { listVoteOutcomes } from '../votes/vote.outcomes';
import { contextOf, findEligible, targetTitle } from './eligibility.batch';
import { factsFromRecord } from './eligibility.batch.rules';
import * as repo from './eligibility.repository';
import { evaluateEligibility } from './eligibility.rules';
import { type PolicyLibrary, formatDate, policyAt } from './policy.library';
import { approvedLocalPacksFor } from './policy.service';
import { standardsFor } from './title-standards';

export interface EligibilityContext {
  db: Db;
  library: PolicyLibrary;
}

const noPack = (date: string) =>
  validation(
    'date',
    `không có bộ quy định công tác cán bộ nào có hiệu lực ngày ${formatDate(date)}`,
    `no cadre rule pack is in force on ${date}`,
  );
const noTitle = (field: string, date: string) =>
  validation(
    field,
    `không có chức danh này trong danh mục có hiệu lực ngày ${formatDate(date)}`,
    `no such title in the catalog in force on ${date}`,
  );

/** Who in the actor's scope (or one subtree of it) is eligible for a title on a date, and who is one requirement short. */
export async function searchEligible(
  ctx: EligibilityContext,
  actor: Actor,
  body: z.output<typeof eligibilitySearchBodySchema>,
): Promise<EligibilitySearchResult> {
  let roots = scopePaths(actor, 'persons.read');
  if (roots.length === 0) throw forbidden();
  let local: string[] = [];
  if (body.organizationId) {
    const org = await findOrganization(ctx.db, body.organizationId);
    if (!org || !mayActOn(actor, 'persons.read', org.path)) throw notFound('đơn vị', 'Organization');
    roots = [org.path];
    local = await approvedLocalPacksFor(ctx, org.path);
  }
  const policy = policyAt(ctx.library, body.date, body.track, { approvedLocalPackIds: local });
  if (!policy.rules.has('appointment.months-in-post')) throw noPack(body.date);
  if (!(await targetTitle(ctx.db, { titleId: body.titleId, targetTitleCode: body.titleCode, onDate: body.date })))
    throw noTitle(body.titleId ? 'titleId' : 'titleCode', body.date);
  const f = body.filters;
  const r = await findEligible(ctx.db, {
    library: ctx.library,
    policy,
    ...(body.titleCode ? { targetTitleCode: body.titleCode } : { titleId: body.titleId }),
    scopePaths: roots,
    voteReader: actor,
    onDate: body.date,
    track: body.track,
    purpose: body.purpose,
    referenceKey: body.referenceKey ?? null,
    filters: {
      ...(f.sex ? { sex: f.sex } : {}),
      ...(f.ethnicMinority ? { ethnicMinority: true } : {}),
      ...(f.partyMember ? { partyMember: true } : {}),
      ...(f.bornFrom ? { bornFrom: f.bornFrom } : {}),
      ...(f.q ? { nameFolded: foldVietnamese(f.q) } : {}),
    },
    limit: body.limit,
    oneShort: body.oneShort,
    count: body.count,
  });
  const strip = ({ verdicts: _v, ethnicity: _e, ...item }: (typeof r.eligible)[number]) => item;
  return {
    title: r.title,
    date: r.onDate,
    track: r.track,
    purpose: r.purpose,
    standards: r.standards.sources,
    pushedDown: r.pushedDown,
    passingPrefilter: r.passingPrefilter,
    scanned: r.scanned,
    eligible: r.eligible.map(strip),
    oneShort: r.oneShort.map(strip),
    complete: r.complete,
    totals: r.totals,
  };
}

/** One stored person against a title on a date: the facts come from the record, the seats, the plans and the ratings. */
export async function personEligibility(
  ctx: EligibilityContext,
  actor: Actor,
  personId: string,
  q: z.output<typeof personEligibilityQuerySchema>,
): Promise<PersonEligibility> {
  const row = await repo.personForCheck(ctx.db, personId);
  if (!row || !mayActOn(actor, 'persons.read', row.organization_path)) throw notFound('hồ sơ', 'Person');
  const local = await approvedLocalPacksFor(ctx, row.organization_path);
  const policy = policyAt(ctx.library, q.date, q.track, { approvedLocalPackIds: local });
  if (!policy.rules.has('appointment.months-in-post')) throw noPack(q.date);
  const found = await targetTitle(ctx.db, {
    ...(q.title.includes(':') ? { titleId: q.title } : { targetTitleCode: q.title }),
    onDate: q.date,
  });
  if (!found) throw noTitle('title', q.date);
  const { target, catalog } = found;
  const standards = standardsFor(ctx.library.standards, target, q.date);
  const c = await contextOf(ctx.db, {
    personIds: [row.id],
    catalog,
    target,
    onDate: q.date,
    purpose: 'appointment',
    votes: { reader: actor },
  });
  const { facts } = factsFromRecord({
    record: JSON.parse(row.data_json) as PersonRecord,
    birthDate: row.birth_date,
    sex: row.sex,
    currentTitleCode: row.current_title_code,
    seats: c.seats.get(row.id) ?? [],
    catalog,
    target,
    standards,
    date: q.date,
    purpose: q.purpose,
    ratings: c.ratings.get(row.id) ?? [],
    inPlanForTitle: c.inPlan.has(row.id),
    confidenceVotes: c.votes?.get(row.id) ?? [],
  });
  const result = evaluateEligibility(facts, policy);
  const year = Number(q.date.slice(0, 4));
  const votes = await listVoteOutcomes(ctx.db, actor, {
    personIds: [row.id],
    to: q.date,
  });
  return {
    person: { id: row.id, fullName: row.full_name, organizationName: row.organization_name, currentTitle: row.current_title },
    title: { id: target.id, code: target.code, name: target.name, rankOrder: target.rankOrder },
    date: q.date,
    track: q.track,
    purpose: q.purpose,
    eligible: result.eligible,
    verdicts: result.verdicts,
    missing: result.missing,
    standards: standards.sources,
    ratings: (c.ratings.get(row.id) ?? []).filter((r) => r.year >= year - 3 && r.year < year).sort((a, b) => b.year - a.year),
    voteOutcomes: votes.sort((a, b) => b.voteDate.localeCompare(a.voteDate)),
  };
}
