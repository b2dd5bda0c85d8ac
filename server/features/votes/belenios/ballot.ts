// Ballots (specification 4.11, 4.14, 4.15): exponential ElGamal per answer, 0/1 proofs, an interval proof per
// question, a Schnorr signature with the voter's credential over the ballot's hash, and the smart ballot tracker.
import { credentialSecret } from './credentials';
import { g, gPow, hashJson, hashToZq, isGroupElement, mod, mulp, parseNumber, pow, q, randomZq } from './group';
import { type Ct, iprove, iverify, iverifyMember, proofFromJson, proofToJson, verifyBlankProofs } from './proofs';
import type { AnswerH, Ballot, Election, HomomorphicQuestion } from './types';

const ctToJson = (c: Ct) => ({ alpha: c.alpha.toString(), beta: c.beta.toString() });
const stringifyChoices = (cs: Ct[]): string => cs.map((c) => `${c.alpha},${c.beta}`).join(',');
const range = (min: number, max: number): number[] => Array.from({ length: max - min + 1 }, (_, i) => min + i);

/** Serialization with the specification's field order; the signature's hash covers it without `signature`. */
export function serializeBallot(b: Ballot): string {
  const answers = b.answers.map((a) => {
    const parts = [
      `"choices":${JSON.stringify(a.choices.map((c) => ({ alpha: c.alpha, beta: c.beta })))}`,
      `"individual_proofs":${JSON.stringify(a.individual_proofs.map((ps) => ps.map((x) => ({ challenge: x.challenge, response: x.response }))))}`,
      `"overall_proof":${JSON.stringify(a.overall_proof.map((x) => ({ challenge: x.challenge, response: x.response })))}`,
    ];
    if (a.blank_proof) {
      parts.push(`"blank_proof":${JSON.stringify(a.blank_proof.map((x) => ({ challenge: x.challenge, response: x.response })))}`);
    }
    return `{${parts.join(',')}}`;
  });
  let s = `{"election_uuid":${JSON.stringify(b.election_uuid)},"election_hash":${JSON.stringify(b.election_hash)},"credential":${JSON.stringify(b.credential)},"answers":[${answers.join(',')}]`;
  if (b.signature) {
    s += `,"signature":{"hash":${JSON.stringify(b.signature.hash)},"proof":{"challenge":${JSON.stringify(b.signature.proof.challenge)},"response":${JSON.stringify(b.signature.proof.response)}}}`;
  }
  return s + '}';
}

/** The smart ballot tracker: HJSON of the ballot as submitted. */
export const ballotTracker = (rawBallot: string): string => hashJson(rawBallot);

function encryptAnswer(
  y: bigint,
  S0: string,
  question: HomomorphicQuestion,
  plain: number[],
): { answer: AnswerH; randomness: bigint[] } {
  if (question.blank) throw new Error('blank votes are not offered by CanBo ballots');
  if (plain.length !== question.answers.length) throw new Error('wrong number of answers');
  if (plain.some((m) => m !== 0 && m !== 1)) throw new Error('each answer is 0 or 1');
  const total = plain.reduce((a, b) => a + b, 0);
  if (total < question.min || total > question.max) throw new Error('answer count outside [min, max]');
  const rs = plain.map(() => randomZq());
  const cts: Ct[] = plain.map((m, i) => ({ alpha: gPow(rs[i]!), beta: mulp(pow(y, rs[i]!, true), m ? g : 1n) }));
  const individual = cts.map((c, i) => iprove(S0, y, c, rs[i]!, plain[i]!, [0, 1]).map(proofToJson));
  const sum = cts.reduce((acc, c) => ({ alpha: mulp(acc.alpha, c.alpha), beta: mulp(acc.beta, c.beta) }), {
    alpha: 1n,
    beta: 1n,
  });
  const R = mod(
    rs.reduce((a, b) => a + b, 0n),
    q,
  );
  const overall = iprove(`${S0}|${stringifyChoices(cts)}`, y, sum, R, total - question.min, range(question.min, question.max));
  return {
    answer: { choices: cts.map(ctToJson), individual_proofs: individual, overall_proof: overall.map(proofToJson) },
    randomness: rs,
  };
}

export interface PreparedBallot {
  raw: string;
  tracker: string;
  /**
   * The encryption randomness of every choice (r with alpha = g^r): it stays in the voter's device and is revealed
   * only when the voter audits this ballot instead of casting it (see audit.ts).
   */
  randomness: bigint[][];
}

/** Encrypts, proves and signs a ballot; plain[i][j] is 1 when answer j of question i is chosen. */
export function createBallot(rawElection: string, credential: string, plain: number[][]): PreparedBallot {
  const election = JSON.parse(rawElection) as Election;
  const fingerprint = hashJson(rawElection);
  const y = BigInt(election.public_key);
  const sk = credentialSecret(credential, election.uuid);
  const cred = gPow(sk);
  if (plain.length !== election.questions.length) throw new Error('wrong number of questions');
  const S0 = `${fingerprint}|${cred}`;
  const encrypted = election.questions.map((question, i) => encryptAnswer(y, S0, question, plain[i]!));
  const ballot: Ballot = {
    election_uuid: election.uuid,
    election_hash: fingerprint,
    credential: cred.toString(),
    answers: encrypted.map((e) => e.answer),
  };
  const hash = hashJson(serializeBallot(ballot));
  const w = randomZq();
  const challenge = hashToZq(`sig|${hash}|`, [gPow(w)]);
  ballot.signature = { hash, proof: { challenge: challenge.toString(), response: mod(w - sk * challenge, q).toString() } };
  const raw = serializeBallot(ballot);
  return { raw, tracker: ballotTracker(raw), randomness: encrypted.map((e) => e.randomness) };
}

export interface BallotCheck {
  ok: boolean;
  error?: string;
}

function checkAnswer(y: bigint, S0: string, question: HomomorphicQuestion, answer: AnswerH, where: string): string | null {
  const n = question.answers.length + (question.blank ? 1 : 0);
  if (!Array.isArray(answer?.choices) || answer.choices.length !== n) return `${where}: wrong number of choices`;
  if (!Array.isArray(answer.individual_proofs) || answer.individual_proofs.length !== n)
    return `${where}: wrong number of individual proofs`;
  const cts: Ct[] = answer.choices.map((c, j) => ({
    alpha: parseNumber(c?.alpha, `${where}.choices[${j}].alpha`),
    beta: parseNumber(c?.beta, `${where}.choices[${j}].beta`),
  }));
  for (const [j, c] of cts.entries()) {
    const proofs = (answer.individual_proofs[j] ?? []).map((x, k) => proofFromJson(x, `${where}.individual_proofs[${j}][${k}]`));
    const verdict = iverifyMember(S0, y, c, proofs, [0, 1]);
    if (verdict === 'not-member') return `${where}.choices[${j}]: not a group element`;
    if (!verdict) return `${where}.choices[${j}]: individual proof fails (not an encryption of 0 or 1)`;
  }
  const S = `${S0}|${stringifyChoices(cts)}`;
  const overall = (answer.overall_proof ?? []).map((x, k) => proofFromJson(x, `${where}.overall_proof[${k}]`));
  const product = (xs: Ct[]) =>
    xs.reduce((acc, c) => ({ alpha: mulp(acc.alpha, c.alpha), beta: mulp(acc.beta, c.beta) }), { alpha: 1n, beta: 1n });
  if (question.blank) {
    const blank = (answer.blank_proof ?? []).map((x, k) => proofFromJson(x, `${where}.blank_proof[${k}]`));
    if (!verifyBlankProofs(S, y, cts[0]!, product(cts.slice(1)), overall, blank, question.min, question.max)) {
      return `${where}: blank/overall proof fails`;
    }
  } else {
    if (answer.blank_proof !== undefined) return `${where}: unexpected blank proof`;
    if (!iverify(S, y, product(cts), overall, range(question.min, question.max))) {
      return `${where}: overall proof fails (number of answers outside [${question.min}, ${question.max}])`;
    }
  }
  return null;
}

/** Full check of one ballot against the election (4.15): uuid, fingerprint, signature, every proof. */
export function verifyBallot(election: Election, fingerprint: string, raw: string): BallotCheck {
  try {
    const b = JSON.parse(raw) as Ballot;
    if (b.election_uuid !== election.uuid) return { ok: false, error: 'election_uuid does not match the election' };
    if (b.election_hash !== fingerprint) return { ok: false, error: 'election_hash does not match the election fingerprint' };
    const cred = parseNumber(b.credential, 'credential');
    if (!isGroupElement(cred)) return { ok: false, error: 'credential is not a group element' };
    if (!b.signature) return { ok: false, error: 'ballot is not signed' };
    const unsigned = serializeBallot({ ...b, signature: undefined });
    if (hashJson(unsigned) !== b.signature.hash) return { ok: false, error: 'signature hash does not match the ballot' };
    const sig = proofFromJson(b.signature.proof, 'signature.proof');
    const A = mulp(gPow(sig.response), pow(cred, sig.challenge));
    if (hashToZq(`sig|${b.signature.hash}|`, [A]) !== sig.challenge)
      return { ok: false, error: 'signature does not verify with the credential' };
    if (!Array.isArray(b.answers) || b.answers.length !== election.questions.length)
      return { ok: false, error: 'wrong number of answers' };
    const y = BigInt(election.public_key);
    const S0 = `${fingerprint}|${cred}`;
    for (const [i, question] of election.questions.entries()) {
      const err = checkAnswer(y, S0, question, b.answers[i]!, `answers[${i}]`);
      if (err) return { ok: false, error: err };
    }
    return { ok: true };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
