// A subject against his previous round and against peers of the same or an equivalent title.
import type { SubjectResult } from '../../../contracts/votes';
import type { VotePolicy } from './vote.policy';
import { type Flag, pct } from './vote.rules.basics';

/** A title of the catalog in force, as peers are grouped by it. */
export interface CatalogTitleRef {
  code: string;
  name: string;
  group: string;
  rank: number;
  rankOrder: number;
  locality: string | null;
}
export type PeerBasis = NonNullable<SubjectResult['comparison']['peers']>['basis'];

/**
 * Who counts as a peer of a title: every title of the same rank order (same group and rank) in the catalog in force.
 * A code ranked by locality (Hà Nội and TP HCM one step higher) reads as the other provinces' row, as elsewhere.
 * Null when the code is not in the catalog.
 */
export function equivalentTitles(catalog: readonly CatalogTitleRef[], code: string): (PeerBasis & { codes: string[] }) | null {
  const byCode = new Map<string, CatalogTitleRef>();
  for (const t of catalog) if (!byCode.has(t.code) || t.locality === 'other_provinces') byCode.set(t.code, t);
  const own = byCode.get(code);
  if (!own) return null;
  const same = [...byCode.values()].filter((t) => t.rankOrder === own.rankOrder);
  return {
    kind: 'equivalent',
    group: own.group,
    rank: own.rank,
    titles: [...new Set(same.map((t) => t.name))],
    codes: [...new Set(same.map((t) => t.code))],
  };
}

export interface RoundScore {
  sessionId: string;
  title: string;
  voteDate: string;
  netScore: number;
  pctLow: number;
}

/** %high − %low and %low over ballots collected, from a confirmed count's line for one subject. */
export function roundScore(c: { high?: number; low?: number }, collected: number): { netScore: number; pctLow: number } {
  return { netScore: pct((c.high ?? 0) - (c.low ?? 0), collected), pctLow: pct(c.low ?? 0, collected) };
}

/**
 * The subject against his own previous round and against the peers holding the same title that year: the notes say
 * when the gap is larger than the analysis setting (points of net score), in both directions.
 */
export function compareSubject(
  policy: VotePolicy,
  r: SubjectResult,
  previous: RoundScore | null,
  peers: { netScore: number; pctLow: number }[],
  basis: PeerBasis = { kind: 'same-title', group: null, rank: null, titles: [r.titleText] },
): SubjectResult['comparison'] {
  const gap = policy.analysis.params.peerGapPoints;
  const notes: Flag[] = [];
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const vn = (x: number) => round1(x).toFixed(1).replace('.', ',');
  if (previous) {
    const d = r.netScore - previous.netScore;
    if (Math.abs(d) > gap)
      notes.push({
        code: d < 0 ? 'dropped_since_previous' : 'rose_since_previous',
        message: `Điểm ròng ${d < 0 ? 'giảm' : 'tăng'} ${vn(Math.abs(d))} điểm so với lần lấy phiếu ngày ${previous.voteDate.split('-').reverse().join('/')}`,
        messageEn: `Net score ${d < 0 ? 'fell' : 'rose'} by ${round1(Math.abs(d))} points since the vote of ${previous.voteDate}`,
      });
  }
  const peerSummary = peers.length
    ? {
        count: peers.length,
        meanNet: round1(peers.reduce((a, p) => a + p.netScore, 0) / peers.length),
        meanPctLow: round1(peers.reduce((a, p) => a + p.pctLow, 0) / peers.length),
        basis,
      }
    : null;
  const who =
    basis.kind === 'equivalent'
      ? {
          vi: `giữ chức danh tương đương (nhóm ${basis.group}, bậc ${basis.rank})`,
          en: `holding equivalent titles (group ${basis.group}, rank ${basis.rank})`,
        }
      : { vi: 'cùng chức danh', en: 'with the same title' };
  if (peerSummary) {
    const d = r.netScore - peerSummary.meanNet;
    if (Math.abs(d) > gap)
      notes.push({
        code: d < 0 ? 'below_peers' : 'above_peers',
        message: `Điểm ròng ${d < 0 ? 'thấp' : 'cao'} hơn ${vn(Math.abs(d))} điểm so với trung bình ${peerSummary.count} người ${who.vi} trong năm`,
        messageEn: `Net score ${round1(Math.abs(d))} points ${d < 0 ? 'below' : 'above'} the mean of ${peerSummary.count} peers ${who.en} that year`,
      });
  }
  return { previous, peers: peerSummary, notes };
}
