// Runs an electronic (Belenios) vote of the demo end to end through the votes module's services, as the browsers of
// its people would: the trustees' key ceremony, the credential authority's credentials, one secret ballot per voter,
// the close and the decryption by 2 of the 3 trustees. The private keys and credentials live only in this function.
import type { Db } from '../../server/db/database';
import type { Actor } from '../../server/features/access/access.rules';
import { readTar } from '../../server/features/votes/belenios/archive';
import { createBallot } from '../../server/features/votes/belenios/ballot';
import { generateCredential, publicCredential } from '../../server/features/votes/belenios/credentials';
import { partialDecrypt } from '../../server/features/votes/belenios/tally';
import { ceremonyStep1, ceremonyStep3, ceremonyStep5, recoverKeyShare } from '../../server/features/votes/belenios/trustees';
import { verifyArchive } from '../../server/features/votes/belenios/verify';
import * as electronic from '../../server/features/votes/vote.electronic.service';
import { resolveActorByUsername } from './demo-actors';

export const DEMO_TRUSTEES = ['tally.tq', 'tally2.tq', 'tally3.tq'];

/** Every voter casts agree (true) or disagree (false) on the one name of the ballot; 2 of the 3 trustees decrypt. */
export async function runElectronicVote(db: Db, voteId: string, ballots: { username: string; agree: boolean }[]): Promise<void> {
  const actor = async (u: string) => (await resolveActorByUsername(db, u)) as Actor;
  const seeds = new Map<string, string>();
  for (const t of DEMO_TRUSTEES) {
    const s1 = ceremonyStep1();
    seeds.set(t, s1.seed);
    await electronic.submitCert(db, await actor(t), voteId, s1.cert);
  }
  for (const t of DEMO_TRUSTEES) {
    const st = await electronic.electronicState(db, await actor(t), voteId);
    await electronic.submitPolynomial(db, await actor(t), voteId, await ceremonyStep3(st.me.certs!, seeds.get(t)!, st.threshold));
  }
  for (const t of DEMO_TRUSTEES) {
    const st = await electronic.electronicState(db, await actor(t), voteId);
    await electronic.submitVoutput(db, await actor(t), voteId, await ceremonyStep5(st.me.certs!, seeds.get(t)!, st.me.vinput!));
  }
  const officer = await actor('officer.tq');
  const ca = await actor('ca.tq');
  const { uuid } = await electronic.electronicState(db, officer, voteId);
  const roster = await electronic.credentialRoster(db, ca, voteId);
  const credentials = new Map<string, string>();
  await electronic.issueCredentials(
    db,
    ca,
    voteId,
    roster.voters.map((v) => {
      const c = generateCredential();
      credentials.set(v.username, c);
      return { userId: v.userId, publicCredential: publicCredential(c, uuid!).toString() };
    }),
  );
  await electronic.openVoting(db, officer, voteId);
  for (const b of ballots) {
    const voter = await actor(b.username);
    const raw = (await electronic.electronicState(db, voter, voteId)).rawElection!;
    const ballot = createBallot(raw, credentials.get(b.username)!, [b.agree ? [1, 0] : [0, 1]]);
    await electronic.castBallot(db, voter, voteId, ballot.raw);
  }
  await electronic.closeVoting(db, officer, voteId);
  for (const t of [DEMO_TRUSTEES[0]!, DEMO_TRUSTEES[2]!]) {
    const trustee = await actor(t);
    const { bytes } = await electronic.archiveBytes(db, trustee, voteId);
    const audited = verifyArchive(bytes);
    const share = await recoverKeyShare(
      seeds.get(t)!,
      (await electronic.electronicState(db, trustee, voteId)).me.encryptedKeyShare!,
    );
    const entries = readTar(bytes).map((e) => ({ name: e.name, text: new TextDecoder().decode(e.content) }));
    const sized = JSON.parse(entries.find((e) => e.text.startsWith('{"num_tallied"'))!.text) as { encrypted_tally: string };
    const tally = JSON.parse(entries.find((e) => e.name === `${sized.encrypted_tally}.data.json`)!.text);
    await electronic.submitPartialDecryption(db, trustee, voteId, partialDecrypt(tally, share, audited.fingerprint));
  }
}
