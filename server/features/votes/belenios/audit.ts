// Cast-or-audit (Benaloh challenge): the booth prepares a ballot and shows its tracker before the voter decides. Cast,
// the ballot goes to the board; audited, the booth reveals the choices and the randomness of every ciphertext, so
// anyone (another device, `canbo vote audit-ballot`, a few lines of any big-number language) can check that the
// ciphertexts encrypt exactly those choices; the audited ballot is then discarded and never cast (its randomness is
// public: cast, it would reveal the vote). A device that cheats cannot know in advance which ballots will be audited.
import { ballotTracker, verifyBallot } from './ballot';
import { g, hashJson, mulp, p, parseNumber, powWindow } from './group';
import type { Ballot, Election } from './types';

/** What an audit reveals: the ballot as prepared, with its choices and the randomness of each ciphertext. */
export interface BallotAudit {
  kind: 'canbo-ballot-audit';
  version: 1;
  /** the election JSON the ballot was prepared for; its fingerprint is the one on the bulletin board */
  election: string;
  /** the ballot exactly as prepared (its tracker was shown before the voter chose to audit) */
  ballot: string;
  tracker: string;
  /** plaintexts[i][j] = 1 when answer j of question i is chosen */
  plaintexts: number[][];
  /** randomness[i][j] (decimal): alpha = g^r and beta = y^r · g^m for the ciphertext of answer j of question i */
  randomness: string[][];
}

export function ballotAuditRecord(
  rawElection: string,
  prepared: { raw: string; tracker: string; randomness: bigint[][] },
  plaintexts: number[][],
): BallotAudit {
  return {
    kind: 'canbo-ballot-audit',
    version: 1,
    election: rawElection,
    ballot: prepared.raw,
    tracker: prepared.tracker,
    plaintexts,
    randomness: prepared.randomness.map((row) => row.map((r) => r.toString())),
  };
}

export interface BallotAuditCheck {
  ok: boolean;
  /** what failed first, when not ok */
  error?: string;
  fingerprint?: string;
  tracker?: string;
  /** each question with the answers the ballot really encrypts */
  choices?: { question: string; chosen: string[] }[];
}

/**
 * Checks an audit record with nothing but the group arithmetic: the tracker is the ballot's, the ballot is a valid
 * ballot of that election (proofs, signature), and every ciphertext is (g^r, y^r · g^m) for the revealed r and m.
 */
export function verifyBallotAudit(record: BallotAudit): BallotAuditCheck {
  try {
    if (record?.kind !== 'canbo-ballot-audit' || record.version !== 1) return { ok: false, error: 'not a CanBo ballot audit' };
    const election = JSON.parse(record.election) as Election;
    const fingerprint = hashJson(record.election);
    const tracker = ballotTracker(record.ballot);
    if (tracker !== record.tracker)
      return { ok: false, fingerprint, error: `the ballot's tracker is ${tracker}, not ${record.tracker}` };
    const check = verifyBallot(election, fingerprint, record.ballot);
    if (!check.ok) return { ok: false, fingerprint, tracker, error: `the ballot is not valid: ${check.error}` };
    const ballot = JSON.parse(record.ballot) as Ballot;
    const y = BigInt(election.public_key);
    const choices: NonNullable<BallotAuditCheck['choices']> = [];
    for (const [i, question] of election.questions.entries()) {
      const cts = ballot.answers[i]!.choices;
      const ms = record.plaintexts?.[i];
      const rs = record.randomness?.[i];
      if (!Array.isArray(ms) || !Array.isArray(rs) || ms.length !== cts.length || rs.length !== cts.length)
        return { ok: false, fingerprint, tracker, error: `question ${i + 1}: the revealed choices do not match the ballot` };
      for (const [j, c] of cts.entries()) {
        const m = ms[j];
        if (m !== 0 && m !== 1)
          return { ok: false, fingerprint, tracker, error: `question ${i + 1}, answer ${j + 1}: not 0 or 1` };
        const r = parseNumber(rs[j], `randomness[${i}][${j}]`);
        if (r >= p) return { ok: false, fingerprint, tracker, error: `randomness[${i}][${j}] out of range` };
        const alpha = powWindow(g, r);
        const beta = mulp(powWindow(y, r), m ? g : 1n);
        if (alpha.toString() !== c.alpha || beta.toString() !== c.beta)
          return {
            ok: false,
            fingerprint,
            tracker,
            error: `question ${i + 1}, answer ${j + 1}: the ciphertext does not encrypt the revealed choice`,
          };
      }
      choices.push({ question: question.question, chosen: question.answers.filter((_, j) => ms[j] === 1) });
    }
    return { ok: true, fingerprint, tracker, choices };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
