// The auditor (specification 3.5): replays a whole event archive and says exactly what fails first.
import { readTar, text } from './archive';
import { type BallotCheck, verifyBallot, ballotTracker } from './ballot';
import { GROUP_NAME, hashJson, isGroupElement, parseNumber, sha256HexBytes } from './group';
import { checkPartialDecryption, combineFactors, computeResult, encryptedTally, lastBallots } from './tally';
import { trusteeKeys, verifyTrustees } from './trustees';
import type {
  ArchiveEvent,
  Ballot,
  Election,
  ElectionResult,
  EncryptedTally,
  OwnedPayload,
  PartialDecryption,
  SetupData,
  SizedEncryptedTally,
  Trustees,
} from './types';

export interface VerifiedArchive {
  uuid: string;
  name: string;
  fingerprint: string;
  questions: { question: string; answers: string[] }[];
  credentials: number;
  ballotsCast: number;
  ballotsTallied: number;
  trackers: string[];
  result: number[][] | null;
  /** Hash of the last event: what a count record or an auditor records. */
  head: string;
  phase: 'voting' | 'ended' | 'tallied' | 'decrypting' | 'result';
}

export class ArchiveError extends Error {}
const fail = (message: string): never => {
  throw new ArchiveError(message);
};

function parseJson<T>(raw: string, what: string): T {
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fail(`${what}: not valid JSON`);
  }
}

const tallyEquals = (a: EncryptedTally, b: EncryptedTally): boolean => JSON.stringify(a) === JSON.stringify(b);

/** How one ballot is checked against the election; verifyArchiveInThreads passes checks made beforehand by workers. */
export type BallotChecker = (election: Election, fingerprint: string, raw: string) => BallotCheck;

/**
 * The ballots of an archive and the election they claim, read leniently for splitting the work among threads: null
 * when the archive is too broken to say (verifyArchive then says what is wrong). Nothing here is trusted.
 */
export function archiveBallots(bytes: Uint8Array): { rawElection: string; ballots: string[] } | null {
  try {
    const data = new Map<string, string>();
    const events: ArchiveEvent[] = [];
    for (const e of readTar(bytes).slice(1)) {
      const m = /^([0-9a-f]{64})\.(data|event)\.json$/.exec(e.name);
      if (!m) continue;
      if (m[2] === 'data') data.set(m[1]!, text(e.content));
      else events.push(JSON.parse(text(e.content)) as ArchiveEvent);
    }
    const setup = events.find((e) => e.type === 'Setup');
    const rawElection = data.get((JSON.parse(data.get(setup?.payload ?? '') ?? 'null') as SetupData | null)?.election ?? '');
    if (rawElection === undefined) return null;
    const ballots = events.filter((e) => e.type === 'Ballot').map((e) => data.get(e.payload ?? ''));
    return { rawElection, ballots: ballots.filter((b): b is string => b !== undefined) };
  } catch {
    return null;
  }
}

/** Verifies an archive: names and hashes, the event chain, setup, every ballot, tally, decryptions and result. */
export function verifyArchive(bytes: Uint8Array, checkBallot: BallotChecker = verifyBallot): VerifiedArchive {
  let entries;
  try {
    entries = readTar(bytes);
  } catch (e) {
    return fail((e as Error).message);
  }
  const header = entries[0];
  if (header?.name !== 'BELENIOS') fail('the archive does not start with a BELENIOS header');
  const h = parseJson<{ version: number; timestamp: string }>(text(header!.content), 'BELENIOS header');
  if (h.version !== 1) fail(`BELENIOS header: unsupported version ${h.version}`);

  const data = new Map<string, string>();
  const events: { hash: string; event: ArchiveEvent }[] = [];
  for (const e of entries.slice(1)) {
    const m = /^([0-9a-f]{64})\.(data|event)\.json$/.exec(e.name);
    if (!m) fail(`unexpected file name in archive: ${e.name}`);
    if (sha256HexBytes(e.content) !== m![1]) fail(`${e.name}: content does not match its hash (altered)`);
    let content: string;
    try {
      content = text(e.content);
    } catch {
      return fail(`${e.name}: not UTF-8`);
    }
    if (m![2] === 'data') data.set(m![1]!, content);
    else {
      const ev = parseJson<ArchiveEvent>(content, e.name);
      if (ev.payload !== undefined && !data.has(ev.payload))
        fail(`event ${e.name}: payload ${ev.payload} is not in the archive before it`);
      events.push({ hash: m![1]!, event: ev });
    }
  }
  events.forEach(({ hash, event }, i) => {
    if (event.height !== i) fail(`event ${hash}: height ${event.height}, expected ${i}`);
    if (i === 0 ? event.parent !== undefined : event.parent !== events[i - 1]!.hash)
      fail(`event ${hash} (height ${i}): parent does not chain to the previous event`);
  });
  const payload = (ev: ArchiveEvent): string =>
    data.get(ev.payload ?? '') ?? fail(`event at height ${ev.height} (${ev.type}): missing payload`);

  const setup = events[0]?.event;
  if (setup?.type !== 'Setup') fail('the first event is not Setup');
  const setupData = parseJson<SetupData>(payload(setup!), 'setup data');
  const rawElection = data.get(setupData.election) ?? fail('setup: election missing');
  const election = parseJson<Election>(rawElection, 'election');
  if (election.group !== GROUP_NAME) fail(`election: group ${election.group} is not supported (only ${GROUP_NAME})`);
  if (election.version !== 1) fail(`election: version ${election.version} is not supported`);
  if (election.questions.some((qq) => 'type' in (qq as object)))
    fail('election: non-homomorphic questions are not supported by this verifier');
  const fingerprint = hashJson(rawElection);
  const trustees = parseJson<Trustees>(data.get(setupData.trustees) ?? fail('setup: trustees missing'), 'trustees');
  let y: bigint;
  try {
    y = verifyTrustees(trustees);
  } catch (e) {
    return fail(`trustees: ${(e as Error).message}`);
  }
  if (y !== parseNumber(election.public_key, 'election.public_key'))
    fail("election: public key is not the product of the trustees' keys");
  const rawCreds = parseJson<string[]>(
    data.get(setupData.credentials) ?? fail('setup: credentials missing'),
    'public credentials',
  );
  const weights = new Map<string, bigint>();
  for (const c of rawCreds) {
    const [cred, w] = c.split(',');
    if (weights.has(cred!)) fail('public credentials: duplicate credential');
    const x = parseNumber(cred, 'public credential');
    if (!isGroupElement(x)) fail('public credentials: not a group element');
    weights.set(cred!, w === undefined ? 1n : parseNumber(w, 'credential weight'));
  }

  const accepted: { ballot: Ballot; tracker: string }[] = [];
  let phase: VerifiedArchive['phase'] = 'voting';
  let sized: SizedEncryptedTally | null = null;
  let tally: EncryptedTally | null = null;
  const pds = new Map<number, PartialDecryption>();
  let result: number[][] | null = null;
  const keys = trusteeKeys(trustees);

  for (const { event } of events.slice(1)) {
    const where = `event at height ${event.height} (${event.type})`;
    switch (event.type) {
      case 'Ballot': {
        if (phase !== 'voting') fail(`${where}: ballot after the end of voting`);
        const raw = payload(event);
        const tracker = ballotTracker(raw);
        const check = checkBallot(election, fingerprint, raw);
        if (!check.ok) fail(`${where}, ballot ${tracker}: ${check.error}`);
        const ballot = JSON.parse(raw) as Ballot;
        if (!weights.has(ballot.credential)) fail(`${where}, ballot ${tracker}: credential is not in the public list`);
        accepted.push({ ballot, tracker });
        break;
      }
      case 'EndBallots':
        if (phase !== 'voting') fail(`${where}: out of order`);
        phase = 'ended';
        break;
      case 'EncryptedTally': {
        if (phase !== 'ended') fail(`${where}: out of order`);
        sized = parseJson<SizedEncryptedTally>(payload(event), where);
        tally = parseJson<EncryptedTally>(data.get(sized.encrypted_tally) ?? fail(`${where}: encrypted tally missing`), where);
        const last = lastBallots(accepted.map((a) => ({ ...a, credential: a.ballot.credential })));
        const expected = encryptedTally(
          election.questions.map((qq) => qq.answers.length + (qq.blank ? 1 : 0)),
          last.map((a) => ({ ballot: a.ballot, weight: weights.get(a.ballot.credential)! })),
        );
        if (!tallyEquals(tally, expected)) fail(`${where}: encrypted tally is not the product of the last ballots`);
        const totalWeight = last.reduce((s, a) => s + weights.get(a.ballot.credential)!, 0n);
        if (sized.num_tallied !== last.length) fail(`${where}: num_tallied ${sized.num_tallied}, expected ${last.length}`);
        if (BigInt(sized.total_weight) !== totalWeight)
          fail(`${where}: total_weight ${sized.total_weight}, expected ${totalWeight}`);
        phase = 'tallied';
        break;
      }
      case 'PartialDecryption': {
        if (phase !== 'tallied' && phase !== 'decrypting') fail(`${where}: out of order`);
        const owned = parseJson<OwnedPayload>(payload(event), where);
        const key = keys[owned.owner - 1];
        if (!key) fail(`${where}: owner ${owned.owner} is not a trustee`);
        if (pds.has(owned.owner)) fail(`${where}: second partial decryption of trustee ${owned.owner}`);
        const pd = parseJson<PartialDecryption>(data.get(owned.payload) ?? fail(`${where}: partial decryption missing`), where);
        try {
          checkPartialDecryption(tally!, key!.key, pd, fingerprint, `partial decryption of trustee ${owned.owner}`);
        } catch (e) {
          fail(`${where}: ${(e as Error).message}`);
        }
        pds.set(owned.owner, pd);
        phase = 'decrypting';
        break;
      }
      case 'Result': {
        if (phase !== 'decrypting') fail(`${where}: out of order`);
        const r = parseJson<ElectionResult>(payload(event), where);
        let expected: number[][];
        try {
          expected = computeResult(tally!, combineFactors(trustees, tally!, pds), sized!.total_weight);
        } catch (e) {
          return fail(`${where}: ${(e as Error).message}`);
        }
        if (JSON.stringify(r.result) !== JSON.stringify(expected))
          fail(`${where}: result ${JSON.stringify(r.result)} differs from the decryption ${JSON.stringify(expected)}`);
        result = expected;
        phase = 'result';
        break;
      }
      case 'Setup':
        fail(`${where}: a second Setup`);
        break;
      case 'Shuffle':
      case 'EndShuffles':
        fail(`${where}: shuffles (non-homomorphic questions) are not supported`);
        break;
      default:
        fail(`${where}: unknown event type`);
    }
  }
  const last = lastBallots(accepted.map((a) => ({ ...a, credential: a.ballot.credential })));
  return {
    uuid: election.uuid,
    name: election.name,
    fingerprint,
    questions: election.questions.map((qq) => ({ question: qq.question, answers: qq.answers })),
    credentials: weights.size,
    ballotsCast: accepted.length,
    ballotsTallied: last.length,
    trackers: last.map((a) => a.tracker),
    result,
    head: events[events.length - 1]!.hash,
    phase,
  };
}
