// A confidence result beside the person's previous round and his peers that year (holders of equivalent titles in the
// catalog in force: same group and rank), read within the reader's scope: a drop, a rise or a gap larger than the
// analysis setting is noted.
import type { PaperCount, PolicyTrack, VoteResult } from '../../../contracts/votes';
import type { Db } from '../../db/database';
import { type Actor, scopePaths } from '../access/access.rules';
import { type VotePolicy, votePolicyAt } from './vote.policy';
import * as repo from './vote.repository';
import { type PeerBasis, type RoundScore, compareSubject, equivalentTitles, meets, roundScore } from './vote.rules';
import type { VoteSubjectRow } from './vote.table';

const votedOn = (subjects: VoteSubjectRow[]) => subjects.filter((s) => !s.exemption_reason);

/** A published round's score for one subject, or null when the subject is not on it or the quorum failed. */
function scoreOf(
  r: {
    session_id: string;
    subject_id: string;
    track: PolicyTrack;
    vote_date: string;
    summoned_count: number;
    confirmed_count_json: string | null;
  },
  counts: Map<string, PaperCount>,
) {
  let count = counts.get(r.session_id);
  if (!count) {
    count = JSON.parse(r.confirmed_count_json!) as PaperCount;
    counts.set(r.session_id, count);
  }
  const line = count.subjects.find((c) => c.subjectId === r.subject_id);
  const policy = votePolicyAt(r.track, r.vote_date);
  if (!line || !policy || !meets(count.collected, Number(r.summoned_count), policy.quorum.params)) return null;
  return roundScore(line, count.collected);
}

/** Each person's previous round and his peers of the year (equivalent titles), within the reader's scope. */
export async function addComparisons(
  db: Db,
  actor: Actor,
  row: repo.VoteSessionWithOrg,
  subjects: VoteSubjectRow[],
  result: VoteResult,
  policy: VotePolicy,
): Promise<void> {
  const scope = scopePaths(actor, 'votes.read');
  const voted = votedOn(subjects);
  const counts = new Map<string, PaperCount>();
  const personIds = voted.flatMap((s) => (s.person_id ? [s.person_id] : []));
  const earlier = personIds.length
    ? await repo.publishedConfidenceSubjects(db, { scopePaths: scope, personIds, before: row.vote_date })
    : [];
  const year = row.vote_date.slice(0, 4);
  const catalog = (await repo.catalogTitlesInForce(db, row.vote_date)).map((t) => ({
    code: t.code,
    name: t.name,
    group: t.group_no,
    rank: Number(t.rank),
    rankOrder: Number(t.rank_order),
    locality: t.locality_class,
  }));
  // each subject's peer group: the equivalent titles of the catalog, else (no code, or not in it) the title as written
  const groups = new Map<string, { basis: PeerBasis; codes: string[] | null }>();
  for (const s of voted) {
    const eq = s.title_code ? equivalentTitles(catalog, s.title_code) : null;
    groups.set(
      s.id,
      eq
        ? { basis: { kind: eq.kind, group: eq.group, rank: eq.rank, titles: eq.titles }, codes: eq.codes }
        : { basis: { kind: 'same-title', group: null, rank: null, titles: [s.title_text] }, codes: null },
    );
  }
  const codes = [...new Set([...groups.values()].flatMap((g) => g.codes ?? []))];
  const texts = [...new Set(voted.filter((s) => !groups.get(s.id)!.codes).map((s) => s.title_text))];
  const sameYear = await repo.publishedConfidenceSubjects(db, {
    scopePaths: scope,
    titleCodes: codes,
    titleTexts: texts,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  });
  for (const r of result.subjects) {
    const s = voted.find((x) => x.id === r.subjectId)!;
    const mine = s.person_id ? earlier.filter((e) => e.person_id === s.person_id) : [];
    let previous: RoundScore | null = null;
    for (const e of mine.reverse()) {
      const score = scoreOf(e, counts);
      if (score) {
        previous = { sessionId: e.session_id, title: e.title, voteDate: e.vote_date, ...score };
        break;
      }
    }
    const group = groups.get(s.id)!;
    const peers = sameYear
      .filter(
        (p) =>
          p.subject_id !== s.id &&
          (!s.person_id || p.person_id !== s.person_id) &&
          (group.codes
            ? p.title_code !== null && group.codes.includes(p.title_code)
            : !p.title_code && p.title_text === s.title_text),
      )
      .flatMap((p) => {
        const score = scoreOf(p, counts);
        return score ? [score] : [];
      });
    r.comparison = compareSubject(policy, r, previous, peers, group.basis);
  }
}
