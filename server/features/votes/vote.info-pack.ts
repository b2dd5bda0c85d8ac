// The information pack: what the voters receive about each person before a confidence vote, built from the person's
// record, his latest evaluation and earlier votes, in the sections policy/votes/info-pack.yaml lists.
import { RATING_LABELS, type RatingLevel } from '../../../contracts/evaluations';
import {
  ETHNICITY_NAMES,
  PROFESSIONAL_LEVELS,
  type ProfessionalLevel,
  SEXES,
  THEORY_LEVELS,
  type TheoryLevel,
} from '../../../contracts/person-catalogs';
import type { PersonRecord } from '../../../contracts/persons';
import type { InfoPack, InfoPackPerson } from '../../../contracts/vote-info-pack';
import type { Db } from '../../db/database';
import { notFound } from '../../http/errors';
import { type Actor, mayActOn } from '../access/access.rules';
import { ratingsHistory } from '../evaluations/evaluation.history';
import { citationText } from '../policy/policy.library';
import * as erepo from './vote.electronic.repository';
import { SYSTEM_READER, listVoteOutcomes } from './vote.outcomes';
import { loadInfoPackPolicy } from './vote.policy';
import * as prep from './vote.preparation.repository';
import * as repo from './vote.repository';

const pct = (n: number, base: number) => (base > 0 ? Math.round((n * 1000) / base) / 10 : 0);

/**
 * Readable by whoever may read the session (votes.read over its organization) and by the voters on its roster, who
 * need it to vote. A voter without votes.read sees earlier results of the same organization only.
 */
export async function getInfoPack(db: Db, actor: Actor, sessionId: string): Promise<InfoPack> {
  const row = await repo.findVoteSession(db, sessionId);
  const reader = !!row && mayActOn(actor, 'votes.read', row.organization_path);
  const voter = !!row && !reader && (await erepo.listVoters(db, sessionId)).some((v) => v.user_id === actor.userId);
  if (!row || (!reader && !voter) || row.kind !== 'confidence') throw notFound('tài liệu của cuộc lấy phiếu', 'Information pack');
  const policy = loadInfoPackPolicy();
  const subjects = (await repo.listSubjects(db, sessionId)).filter((s) => !s.exemption_reason);
  const ids = subjects.flatMap((s) => (s.person_id ? [s.person_id] : []));
  const year = Number(row.vote_date.slice(0, 4));
  const [persons, evaluations, ratings, outcomes] = await Promise.all([
    prep.packPersons(db, ids),
    prep.latestAnnualEvaluations(db, ids, year),
    ratingsHistory(db, ids, year, { years: policy.ratingYears }),
    listVoteOutcomes(db, reader ? actor : SYSTEM_READER, {
      personIds: ids,
      to: row.vote_date,
      kinds: ['confidence'],
      ...(reader ? {} : { organizationPaths: [row.organization_path] }),
    }),
  ]);
  const people: InfoPackPerson[] = subjects.map((s) => {
    const p = persons.find((x) => x.id === s.person_id);
    const base = { subjectId: s.id, fullName: s.full_name, titleText: s.title_text };
    if (!p) return { ...base, hasRecord: false, cv: null, selfAssessment: null, ratings: [], previousVotes: [] };
    const record = JSON.parse(p.data_json) as PersonRecord;
    const e = evaluations.find((x) => x.person_id === p.id);
    return {
      ...base,
      hasRecord: true,
      cv: {
        sex: SEXES[p.sex],
        birthDate: p.birth_date,
        homeTown: record.homeTown ?? null,
        ethnicity: ETHNICITY_NAMES[p.ethnicity] ?? p.ethnicity,
        organizationName: p.organization_name,
        professionalLevel: PROFESSIONAL_LEVELS[p.professional_level as ProfessionalLevel] ?? {
          vi: p.professional_level,
          en: p.professional_level,
        },
        theoryLevel: THEORY_LEVELS[p.theory_level as TheoryLevel] ?? { vi: p.theory_level, en: p.theory_level },
        partyAdmissionDate: record.partyAdmissionDate ?? null,
        workHistory: (record.workHistory ?? []).map((w) => ({
          from: w.from,
          to: w.to ?? null,
          titleName: w.titleName,
          organizationName: w.organizationName,
        })),
      },
      selfAssessment: e
        ? {
            year: e.year,
            cycleTitle: e.cycle_title,
            comment: e.self_comment,
            selfPoints: e.self_points_tenths === null ? null : e.self_points_tenths / 10,
            decidedLevel: e.decided_level ? RATING_LABELS[e.decided_level as RatingLevel] : null,
          }
        : null,
      ratings: (ratings.get(p.id) ?? []).map((r) => ({
        year: r.year,
        level: { vi: RATING_LABELS[r.level].vi, en: RATING_LABELS[r.level].en },
      })),
      previousVotes: outcomes
        .filter((o) => o.personId === p.id && o.sessionId !== sessionId && 'high' in o.counts)
        .sort((a, b) => b.voteDate.localeCompare(a.voteDate))
        .map((o) => {
          const c = o.counts as { high: number; medium: number; low: number };
          return {
            voteDate: o.voteDate,
            collected: o.collected,
            pctHigh: pct(c.high, o.collected),
            pctMedium: pct(c.medium, o.collected),
            pctLow: pct(c.low, o.collected),
          };
        }),
    };
  });
  return {
    sessionId,
    title: row.title,
    voteDate: row.vote_date,
    organizationName: row.organization_name,
    rule: {
      id: policy.id,
      citation: citationText({
        document: policy.citation.document,
        date: policy.citation.date,
        article: policy.citation.article ?? null,
      }),
      unconfirmed: policy.status !== 'confirmed',
    },
    sections: policy.sections,
    people,
  };
}
