// Test fixture shared by the decisions HTTP tests: a database with the foundation and votes demos and the title
// catalog, an app, the demo users signed in, and helpers that drive a process's steps, votes and dossier.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { PostCategory } from '../../../contracts/positions';
import { type PersonRecordInput, personRecordSchema } from '../../../contracts/persons';
import type { PaperCount, VoteDetail } from '../../../contracts/votes';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { loadVotesDemo } from '../../../scripts/demo/votes.demo';
import { type TestDatabase, createTestDatabase } from '../../../test/databases';
import type { Dialect } from '../../db/database';
import { type Client, buildTestApp, loginAs } from '../../../test/http';
import { newId, nowIso } from '../../lib/ids';
import { createPerson } from '../persons/person.service';
import { addIncumbent, createPosition } from '../positions/position.service';
import { syncTitleCatalog } from '../titles/title.service';

export const DOSSIER_KEYS = ['cv-photo', 'asset-declaration', 'political-standard', 'residence-comments', 'health-certificate'];

export const personRecord = (orgId: string, r: Partial<PersonRecordInput> & { fullName: string; birthDate: string }) =>
  personRecordSchema.parse({ sex: 'M', ethnicity: '01', organizationId: orgId, theoryLevel: 'cao_cap', ...r });

/** A paper count in the ballot's shape: `forEach[i]` agree (or chosen) for the i-th name, the rest disagree. */
export const paperCountOf = (v: VoteDetail, collected: number, forEach: readonly number[]): PaperCount => ({
  issued: collected,
  collected,
  valid: collected,
  invalid: 0,
  subjects: v.subjects.map((s, i) => ({
    subjectId: s.id,
    ...(v.ballot.shape === 'choice' ? { chosen: forEach[i]! } : { agree: forEach[i]!, disagree: collected - forEach[i]! }),
    invalid: 0,
  })),
});

export interface DecisionsFixture {
  database: TestDatabase;
  app: FastifyInstance;
  /** Sở Nội vụ of Tuyên Quang, where the tests' seats are */
  snv: string;
  officer: Client;
  leader: Client;
  tally1: Client;
  tally2: Client;
  inspector: Client;
  admin: Client;
  /** A seat of Sở Nội vụ for a title code of 368-QĐ/TW, valid from 01/10/2025. */
  seat(titleCode: string, extra?: { seatCount?: number; postCategory?: PostCategory }): Promise<string>;
  /** A person record of Sở Nội vụ. */
  person(r: Partial<PersonRecordInput> & { fullName: string; birthDate: string }): Promise<string>;
  /** Seats a person from a date (with an optional term end). */
  seatPerson(seatId: string, personId: string, personName: string, from?: string, termEnd?: string): Promise<void>;
  /** Starts a process as the officer (state track, Sở Nội vụ, 02/03/2026 unless given). */
  start(body: Record<string, unknown>): ReturnType<Client['post']>;
  /** Completes a step as the officer with minutes `BB-<key>`. */
  complete(id: string, key: string, completedOn?: string, extra?: Record<string, unknown>): ReturnType<Client['post']>;
  /** Opens a step's paper vote and has two tally members enter the same count. */
  paperVote(
    id: string,
    key: string,
    q: {
      summoned: number;
      collected: number;
      forEach: readonly number[];
      others?: string[];
      voteDate?: string;
      /** the first member enters twice first: that only corrects his entry, it never confirms the count */
      reenterFirst?: boolean;
    },
  ): Promise<{ voteId: string; vote: VoteDetail }>;
  /** Records every dossier item with one date. */
  fullDossier(id: string, documentDate: string): Promise<void>;
  /** A published confidence vote (three levels) of Sở Nội vụ (or the organization given) on a person: `low` low votes of `collected` ballots. */
  confidenceVote(
    personId: string,
    fullName: string,
    q: { voteDate: string; summoned: number; collected: number; low: number; organizationId?: string },
  ): Promise<string>;
  close(): Promise<void>;
}

export async function decisionsFixture(dialect: Dialect): Promise<DecisionsFixture> {
  const database = await createTestDatabase(dialect);
  const db = database.db;
  await loadFoundationDemo(db);
  await loadVotesDemo(db);
  await syncTitleCatalog(db);
  const snv = (await db.selectFrom('organizations').select('id').where('code', '=', 'TQ.SNV').executeTakeFirstOrThrow()).id;
  const app = await buildTestApp(database);
  const [officer, leader, tally1, tally2, inspector, admin] = await Promise.all(
    ['officer.tq', 'leader.tq', 'tally.tq', 'tally2.tq', 'inspector.tq', 'admin'].map((u) => loginAs(app, u)),
  );
  const fx: DecisionsFixture = {
    database,
    app,
    snv,
    officer: officer!,
    leader: leader!,
    tally1: tally1!,
    tally2: tally2!,
    inspector: inspector!,
    admin: admin!,
    seat: async (titleCode, extra = {}) =>
      (
        await createPosition(db, null, {
          organizationId: snv,
          titleId: `368-QD-TW:${titleCode}`,
          seatCount: extra.seatCount ?? 3,
          termYears: 5,
          validFrom: '2025-10-01',
          ...(extra.postCategory ? { postCategory: extra.postCategory } : {}),
        })
      ).id,
    person: async (r) => (await createPerson(db, null, personRecord(snv, r))).id,
    seatPerson: async (seatId, personId, personName, from = '2025-10-01', termEnd) => {
      await addIncumbent(db, null, seatId, { personId, personName, how: 'appointed', from, ...(termEnd ? { termEnd } : {}) });
    },
    start: (body) => fx.officer.post('/api/decisions', { organizationId: snv, track: 'state', startedOn: '2026-03-02', ...body }),
    complete: (id, key, completedOn = '2026-03-12', extra = {}) =>
      fx.officer.post(`/api/decisions/${id}/steps/${key}/complete`, { completedOn, minutesRef: `BB-${key}`, ...extra }),
    paperVote: async (id, key, q) => {
      const open = await fx.officer.post(`/api/decisions/${id}/steps/${key}/vote`, {
        summoned: q.summoned,
        voterGroup: 'Tập thể',
        voteDate: q.voteDate ?? '2026-03-10',
        otherCandidates: q.others ?? [],
      });
      expect(open.statusCode, open.body).toBe(201);
      const voteId = (open.json() as { voteSessionId: string }).voteSessionId;
      const vote = (await fx.officer.get(`/api/votes/${voteId}`)).json() as VoteDetail;
      const count = paperCountOf(vote, q.collected, q.forEach);
      const first = await fx.tally1.post(`/api/votes/${voteId}/paper-entries`, count);
      expect(first.statusCode, first.body).toBe(200);
      if (q.reenterFirst)
        expect((await fx.tally1.post(`/api/votes/${voteId}/paper-entries`, count)).json()).toMatchObject({
          status: 'waiting_second',
        });
      expect((await fx.tally2.post(`/api/votes/${voteId}/paper-entries`, count)).json()).toMatchObject({ status: 'matched' });
      return { voteId, vote };
    },
    fullDossier: async (id, documentDate) => {
      for (const key of DOSSIER_KEYS) {
        const res = await fx.officer.post(`/api/decisions/${id}/dossier`, { key, documentDate, reference: `${key}-01` });
        expect(res.statusCode, res.body).toBe(200);
      }
    },
    confidenceVote: async (personId, fullName, q) => {
      const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
      const session = newId();
      const subject = newId();
      const high = Math.floor((q.collected - q.low) / 2);
      await db
        .insertInto('vote_sessions')
        .values({
          id: session,
          organization_id: q.organizationId ?? snv,
          kind: 'confidence',
          mode: 'paper',
          track: 'state',
          title: `Lấy phiếu tín nhiệm ${q.voteDate.slice(0, 4)}`,
          vote_date: q.voteDate,
          voter_group: 'Cán bộ chủ chốt Sở Nội vụ',
          summoned_count: q.summoned,
          status: 'counted',
          confirmed_count_json: JSON.stringify({
            issued: q.collected,
            collected: q.collected,
            valid: q.collected,
            invalid: 0,
            subjects: [{ subjectId: subject, high, medium: q.collected - q.low - high, low: q.low, invalid: 0 }],
          }),
          board_hash: null,
          created_by: admin.id,
          created_at: nowIso(),
          election_uuid: null,
          raw_election: null,
          threshold: null,
          trustees_json: null,
          ballot_shape: 'levels',
          max_choices: null,
          published_at: nowIso(),
        })
        .execute();
      await db
        .insertInto('vote_subjects')
        .values({
          id: subject,
          session_id: session,
          ordinal: 1,
          full_name: fullName,
          title_text: 'Phó Giám đốc Sở',
          person_id: personId,
          title_code: 'PHO_GIAM_DOC_SO',
          exemption_reason: null,
          exemption_note: null,
        })
        .execute();
      return session;
    },
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
  return fx;
}
