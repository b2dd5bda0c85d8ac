import { createHash } from 'node:crypto';
import {
  type CreateVoteBody,
  DEFAULT_BALLOT_SHAPE,
  type PaperCount,
  type VoteDetail,
  type VoteSession,
} from '../../../contracts/votes';
import type { Db, Trx } from '../../db/database';
import { AppError, forbidden, notFound, validation } from '../../http/errors';
import { newId, nowIso } from '../../lib/ids';
import { type Actor, mayActOn, scopePaths } from '../access/access.rules';
import { appendAudit } from '../audit/audit.repository';
import { setupElectronic } from './vote.electronic.service';
import { servedStepOf, voterGroupVerdict } from './vote.preparation.service';
import { addComparisons } from './vote.comparison';
import { raiseConsequenceTasks } from './vote.outcomes';
import { votePolicyAt } from './vote.policy';
import * as repo from './vote.repository';
import { ballotOf, compareEntries, preVoteWarnings, reconcile, voteResult } from './vote.rules';
import type { VoteSubjectRow } from './vote.table';

const voteNotFound = () => notFound('cuộc lấy phiếu', 'Vote session');

function toSession(row: repo.VoteSessionWithOrg): VoteSession {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    kind: row.kind,
    mode: row.mode,
    track: row.track,
    title: row.title,
    voteDate: row.vote_date,
    voterGroup: row.voter_group,
    summonedCount: Number(row.summoned_count),
    status: row.status,
    ballot: ballotOf(row),
    createdAt: row.created_at,
  };
}

const votedOn = (subjects: VoteSubjectRow[]) => subjects.filter((s) => !s.exemption_reason);

/** SHA-256 of the confirmed count with the session and subjects it belongs to: printed on the count record. */
export function countHash(sessionId: string, subjects: VoteSubjectRow[], count: PaperCount): string {
  const canonical = JSON.stringify({
    sessionId,
    subjects: subjects.map((s) => [s.id, s.full_name, s.title_text, s.exemption_reason]),
    count,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

export async function listVotes(db: Db, actor: Actor, q: { organizationId?: string; limit: number; offset: number }) {
  const { rows, total } = await repo.listVoteSessions(db, { scopePaths: scopePaths(actor, 'votes.read'), ...q });
  return { items: rows.map(toSession), total };
}

async function loadReadable(db: Db, actor: Actor, id: string) {
  const row = await repo.findVoteSession(db, id);
  if (!row || !mayActOn(actor, 'votes.read', row.organization_path)) throw voteNotFound();
  return row;
}

export async function getVote(db: Db, actor: Actor, id: string): Promise<VoteDetail> {
  const row = await loadReadable(db, actor, id);
  const subjects = await repo.listSubjects(db, id);
  const entries = row.mode === 'paper' ? await repo.listPaperEntries(db, id) : [];
  const policy = votePolicyAt(row.track, row.vote_date);
  const count = row.confirmed_count_json ? (JSON.parse(row.confirmed_count_json) as PaperCount) : null;
  const result =
    count && policy
      ? voteResult(
          policy,
          count,
          votedOn(subjects).map((s) => ({ id: s.id, fullName: s.full_name, titleText: s.title_text, personId: s.person_id })),
          Number(row.summoned_count),
          ballotOf(row),
        )
      : null;
  if (result && policy && row.kind === 'confidence' && row.ballot_shape === 'levels')
    await addComparisons(db, actor, row, subjects, result, policy);
  const mismatches =
    entries.length >= 2
      ? compareEntries(JSON.parse(entries[0]!.count_json) as PaperCount, JSON.parse(entries[1]!.count_json) as PaperCount)
      : [];
  return {
    ...toSession(row),
    subjects: subjects.map((s) => ({
      id: s.id,
      ordinal: Number(s.ordinal),
      fullName: s.full_name,
      titleText: s.title_text,
      personId: s.person_id,
      titleCode: s.title_code,
      exemption: s.exemption_reason ? { reason: s.exemption_reason, note: s.exemption_note } : null,
    })),
    paper:
      row.mode === 'paper'
        ? {
            enteredBy: entries.map((e) => ({ userId: e.user_id, fullName: e.full_name, enteredAt: e.entered_at })),
            mismatches,
            matched: row.status === 'counted',
          }
        : null,
    count,
    result,
    warnings: preVoteWarnings(policy, Number(row.summoned_count)),
    boardHash: row.board_hash,
    voterGroupRule: row.voter_group_rule_json ? (JSON.parse(row.voter_group_rule_json) as VoteDetail['voterGroupRule']) : null,
    servesStep: await servedStepOf(db, actor, id),
  };
}

/**
 * Name, title and title code of each subject: from the person record when one is named (it must be in the actor's
 * scope; the title of his current post unless another is given), else the name and title as typed.
 */
async function subjectPeople(trx: Trx, actor: Actor, body: CreateVoteBody) {
  const ids = body.subjects.flatMap((s) => (s.personId ? [s.personId] : []));
  if (new Set(ids).size !== ids.length) throw validation('subjects', 'một người có tên hai lần', 'a person is listed twice');
  const found = await repo.findSubjectPersons(trx, ids);
  return body.subjects.map((s, i) => {
    if (s.personId) {
      const p = found.find((x) => x.id === s.personId);
      if (!p || !mayActOn(actor, 'persons.read', p.organization_path))
        throw validation(
          `subjects.${i}.personId`,
          'không tìm thấy hồ sơ cán bộ trong phạm vi của bạn',
          'no such person record in your scope',
        );
      const title = s.titleText ?? p.current_title;
      if (!title)
        throw validation(
          `subjects.${i}.titleText`,
          'người này chưa có chức vụ hiện tại: hãy ghi chức danh',
          'no current post: give the title',
        );
      return { full_name: p.full_name, title_text: title, person_id: p.id, title_code: p.current_title_code };
    }
    if (!s.fullName || !s.titleText)
      throw validation(
        `subjects.${i}`,
        'chọn hồ sơ cán bộ, hoặc ghi họ tên và chức danh',
        'pick a person record, or give a name and a title',
      );
    return { full_name: s.fullName, title_text: s.titleText, person_id: null, title_code: null };
  });
}

export async function createVote(db: Db, actor: Actor, body: CreateVoteBody): Promise<VoteDetail> {
  const id = await db.transaction().execute(async (trx) => {
    const org = await repo.findOrganizationPath(trx, body.organizationId);
    if (!org || !mayActOn(actor, 'votes.read', org.path))
      throw validation('organizationId', 'đơn vị không tồn tại', 'no such organization');
    if (!mayActOn(actor, 'votes.manage', org.path)) throw forbidden();
    if (!votePolicyAt(body.track, body.voteDate)) {
      throw validation(
        'voteDate',
        'không có quy định lấy phiếu nào có hiệu lực vào ngày này',
        'no voting policy is in force on this date',
      );
    }
    if (body.mode === 'paper' && body.electronic)
      throw validation('electronic', 'chỉ dùng cho bỏ phiếu điện tử', 'only for electronic votes');
    if (body.subjects.every((s) => s.exemption))
      throw validation('subjects', 'phải có ít nhất một người được lấy phiếu', 'at least one subject must be voted on');
    const shape = body.ballot?.shape ?? DEFAULT_BALLOT_SHAPE[body.kind];
    if (body.kind === 'confidence' && shape !== 'levels')
      throw validation('ballot.shape', 'phiếu tín nhiệm có ba mức', 'a confidence vote has three levels');
    if (shape !== 'choice' && body.ballot?.maxChoices !== undefined)
      throw validation('ballot.maxChoices', 'chỉ dùng khi chọn người trong danh sách', 'only for a choice of names');
    const maxChoices = shape === 'choice' ? (body.ballot?.maxChoices ?? 1) : null;
    const voted = body.subjects.filter((s) => !s.exemption).length;
    if (maxChoices !== null && maxChoices > voted)
      throw validation('ballot.maxChoices', 'số người được chọn lớn hơn số người trong danh sách', 'more choices than names');
    const people = await subjectPeople(trx, actor, body);
    const id = newId();
    const row = {
      id,
      organization_id: org.id,
      kind: body.kind,
      mode: body.mode,
      track: body.track,
      title: body.title,
      vote_date: body.voteDate,
      voter_group: body.voterGroup,
      summoned_count: body.summonedCount,
      status: body.mode === 'paper' ? ('open' as const) : ('setup' as const),
      confirmed_count_json: null,
      board_hash: null,
      created_by: actor.userId,
      created_at: nowIso(),
      election_uuid: null,
      raw_election: null,
      threshold: null,
      trustees_json: null,
      ballot_shape: shape,
      max_choices: maxChoices,
      published_at: null,
      // confidence votes: the voter group the rule in force sets for these titles, judged now and kept with the vote
      voter_group_rule_json:
        body.kind === 'confidence'
          ? JSON.stringify(
              voterGroupVerdict(
                body.voteDate,
                people
                  .filter((_, i) => !body.subjects[i]!.exemption)
                  .map((p) => ({ name: p.full_name, titleCode: p.title_code })),
              ),
            )
          : null,
    };
    const subjects: VoteSubjectRow[] = body.subjects.map((s, i) => ({
      id: newId(),
      session_id: id,
      ordinal: i + 1,
      ...people[i]!,
      exemption_reason: s.exemption?.reason ?? null,
      exemption_note: s.exemption?.note ?? null,
    }));
    await repo.insertVoteSession(trx, row, subjects);
    if (body.mode === 'electronic') await setupElectronic(trx, id, org.path, body);
    await appendAudit(trx, {
      actorId: actor.userId,
      action: 'vote.create',
      entity: 'vote_session',
      entityId: id,
      organizationId: org.id,
      after: { ...row, subjects },
    });
    return id;
  });
  return getVote(db, actor, id);
}

/**
 * One tally member's reading of the paper count. Two different members must enter the same numbers; each may
 * correct only his own entry, and neither sees the other's numbers before both are in.
 */
export async function submitPaperEntry(db: Db, actor: Actor, id: string, count: PaperCount) {
  await db.transaction().execute(async (trx) => {
    const row = await repo.findVoteSession(trx, id);
    if (!row || !mayActOn(actor, 'votes.read', row.organization_path)) throw voteNotFound();
    if (!mayActOn(actor, 'votes.tally', row.organization_path)) throw forbidden();
    if (row.mode !== 'paper') throw validation('mode', 'cuộc lấy phiếu này không dùng phiếu giấy', 'this vote is not on paper');
    if (row.status !== 'open')
      throw new AppError('CONFLICT', 'Kết quả kiểm phiếu đã được xác nhận', 'The count is already confirmed');
    const subjects = votedOn(await repo.listSubjects(trx, id));
    const flags = reconcile(
      count,
      subjects.map((s) => s.id),
      Number(row.summoned_count),
      ballotOf(row),
    );
    if (flags.length) {
      throw new AppError(
        'VALIDATION',
        'Số liệu kiểm phiếu không khớp nhau',
        'The count does not reconcile',
        flags.map((f) => ({ path: f.code, message: f.message, messageEn: f.messageEn })),
      );
    }
    const entries = await repo.listPaperEntries(trx, id);
    if (entries.length >= 2 && !entries.some((e) => e.user_id === actor.userId)) {
      throw new AppError(
        'CONFLICT',
        'Đã có hai thành viên nhập kết quả; chỉ họ được sửa phần nhập của mình',
        'Two members have entered the count; only they may correct their own entry',
      );
    }
    const before = await repo.upsertPaperEntry(trx, {
      id: newId(),
      session_id: id,
      user_id: actor.userId,
      entered_at: nowIso(),
      count_json: JSON.stringify(count),
    });
    const after = await repo.listPaperEntries(trx, id);
    let status: 'waiting_second' | 'matched' | 'mismatch' = 'waiting_second';
    if (after.length === 2) {
      const diff = compareEntries(JSON.parse(after[0]!.count_json) as PaperCount, JSON.parse(after[1]!.count_json) as PaperCount);
      status = diff.length === 0 ? 'matched' : 'mismatch';
    }
    await appendAudit(trx, {
      actorId: actor.userId,
      action: before ? 'vote.paper_entry.correct' : 'vote.paper_entry.create',
      entity: 'vote_session',
      entityId: id,
      organizationId: row.organization_id,
      before: before ? JSON.parse(before.count_json) : undefined,
      after: count,
    });
    if (status === 'matched') {
      const all = await repo.listSubjects(trx, id);
      const boardHash = countHash(id, all, count);
      const publishedAt = nowIso();
      await repo.updateVoteSession(trx, id, {
        status: 'counted',
        confirmed_count_json: JSON.stringify(count),
        board_hash: boardHash,
        published_at: publishedAt,
      });
      const tasks = await raiseConsequenceTasks(trx, row, all, count);
      await appendAudit(trx, {
        actorId: actor.userId,
        action: 'vote.count_confirmed',
        entity: 'vote_session',
        entityId: id,
        organizationId: row.organization_id,
        after: {
          boardHash,
          enteredBy: after.map((e) => e.user_id),
          consequences: tasks.map((t) => ({ id: t.id, subjectId: t.subject_id, ruleId: t.rule_id, consequence: t.consequence })),
        },
      });
    }
  });
  const detail = await getVote(db, actor, id);
  const status = detail.status === 'counted' ? 'matched' : detail.paper!.mismatches.length ? 'mismatch' : 'waiting_second';
  return { status, paper: detail.paper! } as const;
}

export async function countRecordData(db: Db, actor: Actor, id: string) {
  const detail = await getVote(db, actor, id);
  if (!detail.count || !detail.result) {
    throw new AppError('CONFLICT', 'Chưa có kết quả kiểm phiếu được xác nhận', 'No confirmed count yet');
  }
  return { detail, auditHead: await repo.readAuditHeadHash(db) };
}
