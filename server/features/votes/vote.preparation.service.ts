// Preparing a confidence vote: the voter group the rule in force sets for its subjects' titles, with the holders of
// the posts that group names; and, once a vote exists, the decision step it serves (NĐ 170/2025 and the party rules).
import { ACTION_LABELS, type ActionKind } from '../../../contracts/decisions';
import type { VoterGroupProposal, VoterGroupQuery, VoterGroupVerdict } from '../../../contracts/vote-voter-groups';
import type { VoteDetail } from '../../../contracts/votes';
import type { Db, Trx } from '../../db/database';
import { forbidden, validation } from '../../http/errors';
import { type Actor, mayActOn } from '../access/access.rules';
import { policyAt, ruleIn } from '../policy/policy.library';
import { loadVoterGroups, voteLibrary } from './vote.policy';
import * as prep from './vote.preparation.repository';
import * as repo from './vote.repository';
import { type VoterGroupSubject, voterGroupFor, voterGroupText } from './voter-group.rules';

/** The verdict stored with a confidence vote at set-up (pure apart from reading the policy file). */
export function voterGroupVerdict(voteDate: string, subjects: readonly VoterGroupSubject[]): VoterGroupVerdict {
  return voterGroupFor(loadVoterGroups(), voteDate, subjects);
}

/** The voter group for these people on that date, and the holders of the posts it names in the organization. */
export async function proposeVoterGroup(db: Db, actor: Actor, q: VoterGroupQuery): Promise<VoterGroupProposal> {
  const org = await repo.findOrganizationPath(db, q.organizationId);
  if (!org || !mayActOn(actor, 'votes.read', org.path))
    throw validation('organizationId', 'đơn vị không tồn tại', 'no such organization');
  if (!mayActOn(actor, 'votes.manage', org.path)) throw forbidden();
  const found = await repo.findSubjectPersons(db, q.personIds);
  const subjects = q.personIds.map((id, i) => {
    const p = found.find((x) => x.id === id);
    if (!p || !mayActOn(actor, 'persons.read', p.organization_path))
      throw validation(
        `personIds.${i}`,
        'không tìm thấy hồ sơ cán bộ trong phạm vi của bạn',
        'no such person record in your scope',
      );
    return { name: p.full_name, titleCode: p.current_title_code };
  });
  const verdict = voterGroupVerdict(q.voteDate, subjects);
  if (!verdict.group) return { verdict, text: null, voters: [], manualParts: [] };
  const voters: VoterGroupProposal['voters'] = [];
  const seen = new Set<string>();
  for (const part of verdict.group.parts) {
    for (const h of await prep.postHoldersAsOf(db, org.path, part.titles, q.voteDate)) {
      if (seen.has(h.person_id)) continue;
      seen.add(h.person_id);
      voters.push({
        personId: h.person_id,
        fullName: h.person_name,
        title: h.title_name,
        organizationName: h.organization_name,
        partKey: part.key,
        username: h.username,
      });
    }
  }
  return {
    verdict,
    text: voterGroupText(verdict.group),
    voters,
    manualParts: verdict.group.parts.filter((p) => p.titles.length === 0).map((p) => p.label),
  };
}

/** The decision step this vote was opened for, its label and rule as the process's policy names them. */
export async function servedStepOf(db: Db | Trx, actor: Actor, sessionId: string): Promise<VoteDetail['servesStep']> {
  const s = await prep.servedStep(db, sessionId);
  if (!s) return null;
  const rule = ruleIn(policyAt(voteLibrary(), s.started_on, s.track === 'party' ? 'party' : 'state'), s.rule_id, 'process');
  const step = rule?.params.steps.find((x) => x.key === s.step_key);
  return {
    // the process may lie outside the reader's decisions scope: then its id is not given, only what the vote is for
    processId: mayActOn(actor, 'decisions.read', s.organization_path) ? s.process_id : null,
    action: ACTION_LABELS[s.action as ActionKind] ?? { vi: s.action, en: s.action },
    personName: s.person_name,
    stepKey: s.step_key,
    stepLabel: step?.label ?? { vi: s.step_key, en: s.step_key },
    ruleId: s.rule_id,
    citation: rule?.citation.text ?? null,
  };
}
