// Electronic votes: the trustees' key ceremony, credentials from the credential authority, ballots, tally by t of n
// trustees. The server handles public data only and recomputes every check itself.
import {
  BALLOT_OPTIONS,
  BALLOT_OPTION_LABELS,
  type CreateVoteBody,
  type ElectronicState,
  type PaperCount,
} from '../../../contracts/votes';
import type { Db, Trx } from '../../db/database';
import { AppError, forbidden, notFound, validation } from '../../http/errors';
import { type Actor, mayActOn } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import { grantsOf } from '../users/user.repository';
import { ballotTracker, verifyBallot } from './belenios/ballot';
import { makeElection, newElectionUuid, publicCredentialsJson } from './belenios/election';
import { hashJson, isGroupElement, sha256Hex } from './belenios/group';
import { checkPartialDecryption, combineFactors, computeResult, encryptedTally, lastBallots } from './belenios/tally';
import {
  type Polynomial,
  type Voutput,
  ceremonyStep4,
  ceremonyStep6,
  certKeys,
  checkTrusteePublicKey,
  expectedVerificationKey,
  verifySignedMessage,
} from './belenios/trustees';
import type { Ballot, Election, EncryptedTally, OwnedPayload, PartialDecryption, SignedMsg, Trustees } from './belenios/types';
import { BoardAppender, boardArchive, boardEvents } from './vote.board';
import * as erepo from './vote.electronic.repository';
import { nowIso } from '../../lib/ids';
import { raiseConsequenceTasks } from './vote.outcomes';
import { votePolicyAt } from './vote.policy';
import * as repo from './vote.repository';
import { type BallotForm, ballotOf, quorumVerdict } from './vote.rules';
import type { VoteSessionWithOrg } from './vote.repository';

const voteNotFound = () => notFound('cuộc lấy phiếu', 'Vote session');
const conflict = (vi: string, en: string) => new AppError('CONFLICT', vi, en);

/** The Belenios questions of a ballot shape: one per subject (levels, agree/disagree) or one naming them all (choice). */
export function ballotQuestions(
  ballot: BallotForm,
  subjects: { full_name: string; title_text: string }[],
): { question: string; answers: string[]; min: number; max: number }[] {
  const name = (s: { full_name: string; title_text: string }) => `${s.full_name} — ${s.title_text}`;
  switch (ballot.shape) {
    case 'levels':
    case 'agree-disagree': {
      const answers = BALLOT_OPTIONS[ballot.shape].map((k) => BALLOT_OPTION_LABELS[k].vi);
      return subjects.map((s) => ({ question: name(s), answers, min: 1, max: 1 }));
    }
    case 'choice': {
      const max = ballot.maxChoices ?? 1;
      return [{ question: `Chọn ${max === 1 ? 'một người' : `tối đa ${max} người`}`, answers: subjects.map(name), min: 1, max }];
    }
  }
}

/** The decrypted result (per question, per answer) as a count of the ballot's shape. */
export function countFromResult(
  ballot: BallotForm,
  subjectIds: string[],
  result: number[][],
  summoned: number,
  tallied: number,
): PaperCount {
  const per = (i: number) => {
    switch (ballot.shape) {
      case 'levels':
        return { high: result[i]![0]!, medium: result[i]![1]!, low: result[i]![2]! };
      case 'agree-disagree':
        return { agree: result[i]![0]!, disagree: result[i]![1]! };
      case 'choice':
        return { chosen: result[0]![i]! };
    }
  };
  return {
    issued: summoned,
    collected: tallied,
    valid: tallied,
    invalid: 0,
    subjects: subjectIds.map((subjectId, i) => ({ subjectId, ...per(i), invalid: 0 })),
  };
}

/** Called inside createVote's transaction: the roster of voters and the trustees (tally members in scope). */
export async function setupElectronic(trx: Trx, sessionId: string, orgPath: string, body: CreateVoteBody): Promise<void> {
  const e = body.electronic;
  if (!e) throw validation('electronic', 'cần danh sách cử tri và thành viên ban kiểm phiếu', 'voters and trustees are required');
  if (new Set(e.voterUsernames).size !== e.voterUsernames.length)
    throw validation('electronic.voterUsernames', 'trùng người bỏ phiếu', 'duplicate voters');
  if (new Set(e.trusteeUsernames).size !== e.trusteeUsernames.length)
    throw validation('electronic.trusteeUsernames', 'trùng thành viên', 'duplicate trustees');
  if (e.voterUsernames.length !== body.summonedCount) {
    throw validation(
      'summonedCount',
      'số người được triệu tập phải bằng số người trong danh sách bỏ phiếu',
      'summoned must equal the number of voters',
    );
  }
  if (e.threshold > e.trusteeUsernames.length)
    throw validation('electronic.threshold', 'ngưỡng lớn hơn số thành viên', 'threshold above the number of trustees');
  const users = await erepo.findUsersByUsernames(trx, [...e.voterUsernames, ...e.trusteeUsernames]);
  const idOf = (u: string, path: string) =>
    users.find((x) => x.username === u)?.id ??
    (() => {
      throw validation(path, `không có người dùng ${u}`, `no user ${u}`);
    })();
  const voterIds = e.voterUsernames.map((u, i) => idOf(u, `electronic.voterUsernames.${i}`));
  const trusteeIds = e.trusteeUsernames.map((u, i) => idOf(u, `electronic.trusteeUsernames.${i}`));
  const grants = await grantsOf(trx, trusteeIds);
  trusteeIds.forEach((id, i) => {
    const ok = (grants.get(id) ?? []).some((g) => g.role === 'tally' && orgPath.startsWith(g.path));
    if (!ok)
      throw validation(
        `electronic.trusteeUsernames.${i}`,
        `${e.trusteeUsernames[i]} không phải thành viên ban kiểm phiếu của đơn vị`,
        `${e.trusteeUsernames[i]} is not a tally member here`,
      );
  });
  await erepo.insertRoster(trx, sessionId, voterIds, trusteeIds);
  await erepo.updateElectronicSession(trx, sessionId, { election_uuid: newElectionUuid(), threshold: e.threshold });
}

interface Loaded {
  row: VoteSessionWithOrg;
  trustees: Awaited<ReturnType<typeof erepo.listTrustees>>;
  voters: Awaited<ReturnType<typeof erepo.listVoters>>;
}

async function load(
  db: Db | Trx,
  actor: Actor,
  id: string,
): Promise<Loaded & { me: { trustee: number | null; voter: boolean; ca: boolean; reader: boolean } }> {
  const row = await repo.findVoteSession(db, id);
  if (!row || row.mode !== 'electronic') throw voteNotFound();
  const trustees = await erepo.listTrustees(db, id);
  const voters = await erepo.listVoters(db, id);
  const me = {
    trustee: trustees.find((t) => t.user_id === actor.userId)?.ordinal ?? null,
    voter: voters.some((v) => v.user_id === actor.userId),
    ca: mayActOn(actor, 'votes.credentials', row.organization_path),
    reader: mayActOn(actor, 'votes.read', row.organization_path),
  };
  if (!me.reader && !me.voter && me.trustee === null && !me.ca) throw voteNotFound();
  return { row, trustees, voters, me: { ...me, trustee: me.trustee === null ? null : Number(me.trustee) } };
}

const parse = <T>(s: string | null): T | null => (s ? (JSON.parse(s) as T) : null);

function phaseOf(trustees: Loaded['trustees']): ElectronicState['phase'] {
  if (trustees.some((t) => !t.cert_json)) return 'certs';
  if (trustees.some((t) => !t.polynomial_json)) return 'polynomials';
  if (trustees.some((t) => !t.voutput_json)) return 'voutputs';
  return 'keys_ready';
}

function partialDecryptionOwners(rows: Awaited<ReturnType<typeof erepo.boardRows>>): Set<number> {
  return new Set(
    boardEvents(rows)
      .filter((e) => e.event.type === 'PartialDecryption')
      .map((e) => (JSON.parse(e.payload!) as OwnedPayload).owner),
  );
}

export async function electronicState(db: Db, actor: Actor, id: string): Promise<ElectronicState> {
  const { row, trustees, voters, me } = await load(db, actor, id);
  const phase = phaseOf(trustees);
  const certs = phase === 'certs' ? null : trustees.map((t) => parse<SignedMsg>(t.cert_json)!);
  const mine = me.trustee ? trustees[me.trustee - 1]! : null;
  let vinput: ElectronicState['me']['vinput'] = null;
  if (mine && (phase === 'voutputs' || phase === 'keys_ready') && certs) {
    vinput = ceremonyStep4(
      certs,
      trustees.map((t) => parse<Polynomial>(t.polynomial_json)!),
    )[me.trustee! - 1]!;
  }
  const rows = await erepo.boardRows(db, id);
  const events = boardEvents(rows);
  const owners = partialDecryptionOwners(rows);
  return {
    uuid: row.election_uuid!,
    phase,
    threshold: Number(row.threshold),
    trustees: trustees.map((t) => ({
      ordinal: Number(t.ordinal),
      userId: t.user_id,
      fullName: t.full_name,
      cert: !!t.cert_json,
      polynomial: !!t.polynomial_json,
      voutput: !!t.voutput_json,
      partialDecryption: owners.has(Number(t.ordinal)),
    })),
    voters: voters.length,
    credentialsIssued: voters.filter((v) => v.public_credential).length,
    me: {
      trusteeOrdinal: me.trustee,
      voter: me.voter,
      credentialAuthority: me.ca,
      certs: me.trustee ? certs : null,
      vinput,
      encryptedKeyShare: mine?.voutput_json ? parse<Voutput>(mine.voutput_json)!.private_key : null,
    },
    rawElection: row.raw_election,
    ballotsCast: events.filter((e) => e.event.type === 'Ballot').length,
    boardHead: events.length ? events[events.length - 1]!.hash : null,
  };
}

async function asTrustee(trx: Trx, actor: Actor, id: string) {
  const l = await load(trx, actor, id);
  if (l.me.trustee === null) throw forbidden();
  if (l.row.status !== 'setup') throw conflict('Lễ tạo khóa đã kết thúc', 'The key ceremony is over');
  return { ...l, ordinal: l.me.trustee };
}

const audit = (trx: Trx, actor: Actor, row: VoteSessionWithOrg, action: string, after?: unknown) =>
  appendAudit(trx, {
    actorId: actor.userId,
    action,
    entity: 'vote_session',
    entityId: row.id,
    organizationId: row.organization_id,
    after,
  });

export async function submitCert(db: Db, actor: Actor, id: string, cert: SignedMsg): Promise<ElectronicState> {
  await db.transaction().execute(async (trx) => {
    const { row, trustees, ordinal } = await asTrustee(trx, actor, id);
    if (phaseOf(trustees) !== 'certs' || trustees[ordinal - 1]!.cert_json)
      throw conflict('Đã nộp chứng thư', 'Certificate already submitted');
    try {
      certKeys(cert);
    } catch (e) {
      throw validation('cert', 'chứng thư không hợp lệ', (e as Error).message);
    }
    await erepo.updateTrustee(trx, id, ordinal, { cert_json: JSON.stringify(cert) });
    await audit(trx, actor, row, 'vote.trustee.cert', { ordinal, cert });
  });
  return electronicState(db, actor, id);
}

export async function submitPolynomial(db: Db, actor: Actor, id: string, polynomial: Polynomial): Promise<ElectronicState> {
  await db.transaction().execute(async (trx) => {
    const { row, trustees, ordinal } = await asTrustee(trx, actor, id);
    if (phaseOf(trustees) !== 'polynomials' || trustees[ordinal - 1]!.polynomial_json)
      throw conflict('Chưa đến bước này hoặc đã nộp', 'Not at this step, or already submitted');
    const keys = certKeys(parse<SignedMsg>(trustees[ordinal - 1]!.cert_json)!);
    if (polynomial.secrets.length !== trustees.length)
      throw validation('secrets', 'số phần khóa không đúng', 'wrong number of shares');
    if (!verifySignedMessage(keys.verification, polynomial.coefexps, 'coefexps'))
      throw validation('coefexps', 'chữ ký không hợp lệ', 'invalid signature');
    const degree = (JSON.parse(polynomial.coefexps.message) as { coefexps: string[] }).coefexps.length;
    if (degree !== Number(row.threshold))
      throw validation('coefexps', 'bậc đa thức không đúng ngưỡng', 'polynomial does not match the threshold');
    await erepo.updateTrustee(trx, id, ordinal, { polynomial_json: JSON.stringify(polynomial) });
    await audit(trx, actor, row, 'vote.trustee.polynomial', { ordinal, coefexps: polynomial.coefexps });
  });
  return electronicState(db, actor, id);
}

export async function submitVoutput(db: Db, actor: Actor, id: string, voutput: Voutput): Promise<ElectronicState> {
  await db.transaction().execute(async (trx) => {
    const { row, trustees, ordinal } = await asTrustee(trx, actor, id);
    if (phaseOf(trustees) !== 'voutputs' || trustees[ordinal - 1]!.voutput_json)
      throw conflict('Chưa đến bước này hoặc đã nộp', 'Not at this step, or already submitted');
    const polynomials = trustees.map((t) => parse<Polynomial>(t.polynomial_json)!);
    const commitments = polynomials.map((p) => (JSON.parse(p.coefexps.message) as { coefexps: string[] }).coefexps.map(BigInt));
    try {
      const X = checkTrusteePublicKey(voutput.public_key, 'public_key');
      if (X !== expectedVerificationKey(commitments, ordinal)) throw new Error('does not match the commitments');
    } catch (e) {
      throw validation('public_key', 'khóa công khai không khớp các cam kết', (e as Error).message);
    }
    await erepo.updateTrustee(trx, id, ordinal, { voutput_json: JSON.stringify(voutput) });
    const after = trustees.map((t) => (Number(t.ordinal) === ordinal ? { ...t, voutput_json: JSON.stringify(voutput) } : t));
    if (after.every((t) => t.voutput_json)) {
      const params = ceremonyStep6(
        trustees.map((t) => parse<SignedMsg>(t.cert_json)!),
        polynomials,
        after.map((t) => parse<Voutput>(t.voutput_json)!),
      );
      const published: Trustees = [['Pedersen', params]];
      await erepo.updateElectronicSession(trx, id, { trustees_json: JSON.stringify(published) });
    }
    await audit(trx, actor, row, 'vote.trustee.voutput', { ordinal, publicKey: voutput.public_key });
  });
  return electronicState(db, actor, id);
}

export async function credentialRoster(db: Db, actor: Actor, id: string) {
  const { voters, me } = await load(db, actor, id);
  if (!me.ca) throw forbidden();
  return { voters: voters.map((v) => ({ userId: v.user_id, fullName: v.full_name, username: v.username })) };
}

/** The credential authority's public credentials, one per voter; the private ones never leave its browser. */
export async function issueCredentials(
  db: Db,
  actor: Actor,
  id: string,
  creds: { userId: string; publicCredential: string }[],
): Promise<ElectronicState> {
  await db.transaction().execute(async (trx) => {
    const { row, voters, me } = await load(trx, actor, id);
    if (!me.ca) throw forbidden();
    if (row.status !== 'setup') throw conflict('Cuộc bỏ phiếu đã mở', 'Voting has opened');
    if (voters.some((v) => v.public_credential)) throw conflict('Mã bỏ phiếu đã được cấp', 'Credentials were already issued');
    const ids = new Set(voters.map((v) => v.user_id));
    if (
      creds.length !== voters.length ||
      new Set(creds.map((c) => c.userId)).size !== creds.length ||
      creds.some((c) => !ids.has(c.userId))
    ) {
      throw validation(
        'credentials',
        `cần đúng ${voters.length} mã, mỗi người một mã`,
        `exactly ${voters.length} credentials, one per voter`,
      );
    }
    if (new Set(creds.map((c) => c.publicCredential)).size !== creds.length)
      throw validation('credentials', 'mã trùng nhau', 'duplicate credentials');
    if (creds.some((c) => !isGroupElement(BigInt(c.publicCredential))))
      throw validation('credentials', 'mã công khai không hợp lệ', 'invalid public credential');
    await erepo.setPublicCredentials(trx, id, creds);
    await audit(trx, actor, row, 'vote.credentials.issue', {
      count: creds.length,
      fingerprint: hashJson(publicCredentialsJson(creds.map((c) => c.publicCredential))),
    });
  });
  return electronicState(db, actor, id);
}

/** Opens voting: the election JSON, and the board's first events (election, trustees, credentials, Setup). */
export async function openVoting(db: Db, actor: Actor, id: string): Promise<ElectronicState> {
  await db.transaction().execute(async (trx) => {
    const { row, voters } = await load(trx, actor, id);
    if (!mayActOn(actor, 'votes.manage', row.organization_path)) throw forbidden();
    if (row.status !== 'setup') throw conflict('Cuộc bỏ phiếu đã mở', 'Voting has already opened');
    if (!row.trustees_json)
      throw conflict('Ban kiểm phiếu chưa tạo xong khóa', 'The trustees have not finished the key ceremony');
    if (voters.some((v) => !v.public_credential))
      throw conflict('Chưa cấp đủ mã bỏ phiếu', 'Credentials have not all been issued');
    const subjects = (await repo.listSubjects(trx, id)).filter((s) => !s.exemption_reason);
    const trustees = JSON.parse(row.trustees_json) as Trustees;
    const rawElection = makeElection({
      uuid: row.election_uuid!,
      name: row.title,
      description: `${row.organization_name} — ${row.voter_group}`,
      questions: ballotQuestions(ballotOf(row), subjects),
      trustees,
    });
    const board = new BoardAppender(id, []);
    board.header(Math.floor(Date.parse(row.created_at) / 1000));
    const e = board.data(rawElection);
    const t = board.data(row.trustees_json);
    const c = board.data(publicCredentialsJson(voters.map((v) => v.public_credential!)));
    board.event('Setup', board.data(JSON.stringify({ election: e, trustees: t, credentials: c })));
    await erepo.appendBoardRows(trx, board.rows);
    await erepo.updateElectronicSession(trx, id, { raw_election: rawElection });
    await repo.updateVoteSession(trx, id, { status: 'voting' });
    await audit(trx, actor, row, 'vote.open', { fingerprint: hashJson(rawElection), boardHead: board.head });
  });
  return electronicState(db, actor, id);
}

const alphaHashes = (ballot: Ballot): string[] => [
  ...new Set(ballot.answers.flatMap((a) => a.choices.map((c) => sha256Hex(c.alpha)))),
];

/** The signed-in voter's ballot as the booth sent it, checked like a cast ballot (credential, proofs, signature). */
function ownBallot(row: VoteSessionWithOrg, me: { public_credential: string | null }, raw: string): Ballot {
  let ballot: Ballot;
  try {
    ballot = JSON.parse(raw) as Ballot;
  } catch {
    throw validation('ballot', 'phiếu không đọc được', 'unreadable ballot');
  }
  if (ballot.credential !== me.public_credential)
    throw validation('ballot', 'mã bỏ phiếu không phải của bạn', 'the credential is not yours');
  const election = JSON.parse(row.raw_election!) as Election;
  const check = verifyBallot(election, hashJson(row.raw_election!), raw);
  if (!check.ok) throw validation('ballot', 'phiếu không hợp lệ', check.error!);
  return ballot;
}

/**
 * The voter opened a prepared ballot to check it (Benaloh audit): its randomness is now known, so it is discarded. Only
 * the digests of its ciphertexts are kept, and a later attempt to cast it is refused. Nothing of the choices reaches
 * the server: the check itself runs on the voter's side (booth, `canbo vote audit-ballot`).
 */
export async function discardAuditedBallot(db: Db, actor: Actor, id: string, raw: string): Promise<{ tracker: string }> {
  return db.transaction().execute(async (trx) => {
    const { row, voters } = await load(trx, actor, id);
    const me = voters.find((v) => v.user_id === actor.userId);
    if (!me) throw forbidden();
    if (row.status !== 'voting') throw conflict('Không trong thời gian bỏ phiếu', 'Voting is not open');
    const ballot = ownBallot(row, me, raw);
    const alphas = alphaHashes(ballot);
    await erepo.lockBoard(trx, id);
    if ((await erepo.knownCiphertexts(trx, id, alphas)) > 0)
      throw conflict('Phiếu này đã được bỏ vào hòm, không thể mở để kiểm tra', 'This ballot was already cast');
    await erepo.markAudited(trx, id, alphas);
    const tracker = ballotTracker(raw);
    await audit(trx, actor, row, 'vote.ballot.audited', { tracker });
    return { tracker };
  });
}

/** A ballot from the booth: its credential must be the signed-in voter's; proofs and signature are rechecked here. */
export async function castBallot(
  db: Db,
  actor: Actor,
  id: string,
  raw: string,
): Promise<{ tracker: string; replacedEarlier: boolean }> {
  return db.transaction().execute(async (trx) => {
    const { row, voters } = await load(trx, actor, id);
    const me = voters.find((v) => v.user_id === actor.userId);
    if (!me) throw forbidden();
    if (row.status !== 'voting') throw conflict('Không trong thời gian bỏ phiếu', 'Voting is not open');
    const ballot = ownBallot(row, me, raw);
    // the board's index answers both questions: no ciphertext seen before (a replay), and whether this credential
    // voted before (the new ballot replaces the earlier one at the tally)
    const alphas = alphaHashes(ballot);
    await erepo.lockBoard(trx, id);
    if ((await erepo.auditedCiphertexts(trx, id, alphas)) > 0) {
      throw validation(
        'ballot',
        'phiếu này đã được mở để kiểm tra nên đã bị hủy, không thể bỏ vào hòm: hãy chuẩn bị phiếu mới',
        'this ballot was opened for checking and discarded; it cannot be cast: prepare a new one',
      );
    }
    if ((await erepo.knownCiphertexts(trx, id, alphas)) > 0) {
      throw validation(
        'ballot',
        'phiếu trùng bản mã với một phiếu đã nộp',
        'the ballot repeats ciphertexts of an earlier ballot',
      );
    }
    const credentialHash = sha256Hex(ballot.credential);
    const replacedEarlier = await erepo.hasBallotFrom(trx, id, credentialHash);
    const board = BoardAppender.after(id, await erepo.boardTail(trx, id));
    board.event('Ballot', board.data(raw));
    await erepo.appendBoardRows(trx, board.rows);
    const tracker = ballotTracker(raw);
    await erepo.indexBallot(trx, { session_id: id, seq: board.lastSeq, tracker, credential_hash: credentialHash }, alphas);
    // The audit names the voter and the tracker, never anything of the content (which is encrypted anyway).
    await audit(trx, actor, row, replacedEarlier ? 'vote.ballot.replace' : 'vote.ballot.cast', { tracker });
    return { tracker, replacedEarlier };
  });
}

export async function getBoard(db: Db, actor: Actor, id: string) {
  await load(db, actor, id);
  const events = boardEvents(await erepo.boardRows(db, id));
  const ballots = events.filter((e) => e.event.type === 'Ballot');
  const tally = events.find((e) => e.event.type === 'EncryptedTally');
  return {
    head: events.length ? events[events.length - 1]!.hash : null,
    trackers: ballots.map((e) => ({ tracker: ballotTracker(e.payload!), height: e.event.height })),
    ballotsTallied: tally ? (JSON.parse(tally.payload!) as { num_tallied: number }).num_tallied : 0,
  };
}

export async function archiveBytes(db: Db, actor: Actor, id: string): Promise<{ uuid: string; bytes: Uint8Array }> {
  const { row } = await load(db, actor, id);
  return { uuid: row.election_uuid!, bytes: boardArchive(await erepo.boardRows(db, id)) };
}

/** Ends voting and computes the encrypted tally; refused below the quorum of the policy in force. */
export async function closeVoting(db: Db, actor: Actor, id: string): Promise<ElectronicState> {
  await db.transaction().execute(async (trx) => {
    const { row } = await load(trx, actor, id);
    if (!mayActOn(actor, 'votes.manage', row.organization_path)) throw forbidden();
    if (row.status !== 'voting') throw conflict('Không trong thời gian bỏ phiếu', 'Voting is not open');
    const rows = await erepo.boardRows(trx, id);
    const ballots = lastBallots(
      boardEvents(rows)
        .filter((e) => e.event.type === 'Ballot')
        .map((e) => JSON.parse(e.payload!) as Ballot),
    );
    const policy = votePolicyAt(row.track, row.vote_date)!;
    const quorum = quorumVerdict(policy, Number(row.summoned_count), ballots.length);
    if (!quorum.passed)
      throw new AppError('CONFLICT', `Không đủ số người tham gia: ${quorum.detail}`, `Quorum not reached: ${quorum.detailEn}`);
    const election = JSON.parse(row.raw_election!) as Election;
    const tally = encryptedTally(
      election.questions.map((q) => q.answers.length),
      ballots.map((ballot) => ({ ballot, weight: 1n })),
    );
    const board = new BoardAppender(id, rows);
    board.event('EndBallots');
    const et = board.data(JSON.stringify(tally));
    board.event(
      'EncryptedTally',
      board.data(JSON.stringify({ num_tallied: ballots.length, total_weight: ballots.length, encrypted_tally: et })),
    );
    await erepo.appendBoardRows(trx, board.rows);
    await repo.updateVoteSession(trx, id, { status: 'tallying' });
    await audit(trx, actor, row, 'vote.close', { ballotsTallied: ballots.length, boardHead: board.head });
  });
  return electronicState(db, actor, id);
}

/** A trustee's partial decryption; with t of them the server combines and publishes the result. */
export async function submitPartialDecryption(db: Db, actor: Actor, id: string, pd: PartialDecryption): Promise<ElectronicState> {
  await db.transaction().execute(async (trx) => {
    const { row, me } = await load(trx, actor, id);
    if (me.trustee === null) throw forbidden();
    if (row.status !== 'tallying') throw conflict('Chưa đến lúc giải mã', 'Not tallying');
    const rows = await erepo.boardRows(trx, id);
    const owners = partialDecryptionOwners(rows);
    if (owners.has(me.trustee)) throw conflict('Bạn đã nộp phần giải mã', 'Partial decryption already submitted');
    const events = boardEvents(rows);
    const sized = JSON.parse(events.find((e) => e.event.type === 'EncryptedTally')!.payload!) as {
      num_tallied: number;
      total_weight: number;
      encrypted_tally: string;
    };
    const tally = JSON.parse(rows.find((r) => r.name === `${sized.encrypted_tally}.data.json`)!.content) as EncryptedTally;
    const trustees = JSON.parse(row.trustees_json!) as Trustees;
    const params = trustees[0]![1] as Extract<Trustees[number], ['Pedersen', unknown]>[1];
    const X = BigInt(params.verification_keys[me.trustee - 1]!.public_key);
    const fingerprint = hashJson(row.raw_election!);
    try {
      checkPartialDecryption(tally, X, pd, fingerprint, 'partial decryption');
    } catch (e) {
      throw validation('partialDecryption', 'phần giải mã không hợp lệ', (e as Error).message);
    }
    const board = new BoardAppender(id, rows);
    const payload = board.data(JSON.stringify(pd));
    board.event('PartialDecryption', board.data(JSON.stringify({ owner: me.trustee, payload })));
    await audit(trx, actor, row, 'vote.trustee.partial_decryption', { ordinal: me.trustee });
    const all = new Map<number, PartialDecryption>();
    for (const e of boardEvents([...rows, ...board.rows]).filter((x) => x.event.type === 'PartialDecryption')) {
      const owned = JSON.parse(e.payload!) as OwnedPayload;
      all.set(
        owned.owner,
        JSON.parse([...rows, ...board.rows].find((r) => r.name === `${owned.payload}.data.json`)!.content) as PartialDecryption,
      );
    }
    if (all.size >= Number(row.threshold)) {
      const result = computeResult(tally, combineFactors(trustees, tally, all), sized.total_weight);
      board.event('Result', board.data(JSON.stringify({ result })));
      const allSubjects = await repo.listSubjects(trx, id);
      const count = countFromResult(
        ballotOf(row),
        allSubjects.filter((s) => !s.exemption_reason).map((s) => s.id),
        result,
        Number(row.summoned_count),
        sized.num_tallied,
      );
      await repo.updateVoteSession(trx, id, {
        status: 'closed',
        confirmed_count_json: JSON.stringify(count),
        board_hash: board.head,
        published_at: nowIso(),
      });
      const tasks = await raiseConsequenceTasks(trx, row, allSubjects, count);
      await audit(trx, actor, row, 'vote.result', {
        result,
        boardHead: board.head,
        consequences: tasks.map((t) => ({ id: t.id, subjectId: t.subject_id, ruleId: t.rule_id, consequence: t.consequence })),
      });
    }
    await erepo.appendBoardRows(trx, board.rows);
  });
  return electronicState(db, actor, id);
}
