// A confidence result beside the person's previous round and the peers holding the same title that year, read within
// the reader's scope: a drop, a rise or a gap larger than the analysis setting is noted.
import type { PaperCount, PolicyTrack, VoteResult } from '../../../contracts/votes';
import type { Db } from '../../db/database';
import { type Actor, scopePaths } from '../access/access.rules';
import { type VotePolicy, votePolicyAt } from './vote.policy';
import * as repo from './vote.repository';
import { type RoundScore, compareSubject, meets, roundScore } from './vote.rules';
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

/** Each person's previous round and the peers holding the same title in the year, within the reader's scope. */
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
  const codes = [...new Set(voted.flatMap((s) => (s.title_code ? [s.title_code] : [])))];
  const texts = [...new Set(voted.filter((s) => !s.title_code).map((s) => s.title_text))];
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
    const peers = sameYear
      .filter(
        (p) =>
          p.subject_id !== s.id &&
          (!s.person_id || p.person_id !== s.person_id) &&
          (s.title_code ? p.title_code === s.title_code : !p.title_code && p.title_text === s.title_text),
      )
      .flatMap((p) => {
        const score = scoreOf(p, counts);
        return score ? [score] : [];
      });
    r.comparison = compareSubject(policy, r, previous, peers);
  }
}
