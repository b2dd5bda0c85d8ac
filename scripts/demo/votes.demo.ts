import type { Role } from '../../contracts/common';
import type { CreateVoteBody, PaperCount, SubjectInput } from '../../contracts/votes';
import type { Db } from '../../server/db/database';
import { inSubtrees } from '../../server/db/scope';
import type { Actor } from '../../server/features/access/access.rules';
import { findOrganizationByCode } from '../../server/features/organizations/organization.repository';
import { findUserByUsername, grantsOf } from '../../server/features/users/user.repository';
import { createUser } from '../../server/features/users/user.service';
import { createVote, submitPaperEntry } from '../../server/features/votes/vote.service';
import { DEMO_PASSWORD } from './foundation.demo';

/** A tally committee needs several members: double entry on paper, t of n trustees electronically. */
export const VOTE_DEMO_USERS: { username: string; fullName: string; role: Role; org: string }[] = [
  { username: 'tally2.tq', fullName: 'Vũ Thị Mai', role: 'tally', org: 'TQ' },
  { username: 'tally3.tq', fullName: 'Bùi Văn Nam', role: 'tally', org: 'TQ' },
  // issues voting credentials for electronic votes; deliberately not the administrator
  { username: 'ca.tq', fullName: 'Lương Thị Thảo', role: 'credential_authority', org: 'TQ' },
];

async function actorFor(db: Db, username: string): Promise<Actor> {
  const user = (await findUserByUsername(db, username))!;
  return { userId: user.id, username, grants: (await grantsOf(db, [user.id])).get(user.id) ?? [] };
}

function count(
  ids: string[],
  o: { issued: number; collected: number; invalid: number },
  rows: [number, number, number, number][],
): PaperCount {
  const valid = o.collected - o.invalid;
  return {
    ...o,
    valid,
    subjects: ids.map((subjectId, i) => ({
      subjectId,
      high: rows[i]![0],
      medium: rows[i]![1],
      low: rows[i]![2],
      invalid: rows[i]![3],
    })),
  };
}

export async function loadVotesDemo(db: Db): Promise<void> {
  for (const u of VOTE_DEMO_USERS) {
    const org = (await findOrganizationByCode(db, u.org))!;
    await createUser(db, null, {
      username: u.username,
      fullName: u.fullName,
      password: DEMO_PASSWORD,
      grants: [{ role: u.role, organizationId: org.id }],
    });
  }
  const officer = await actorFor(db, 'officer.tq');
  const tally1 = await actorFor(db, 'tally.tq');
  const tally2 = await actorFor(db, 'tally2.tq');
  const tq = (await findOrganizationByCode(db, 'TQ'))!;
  const ubnd = (await findOrganizationByCode(db, 'TQ.UBND'))!;

  // Subjects are the province's leaders from their records when the records are loaded (the full demo), else names.
  const WANTED = ['PHO_BI_THU_TINH_UY', 'TRUONG_BAN_TINH_UY', 'CHU_NHIEM_UBKT_TINH_UY', 'PHO_BI_THU_TINH_UY'];
  const holders = await db
    .selectFrom('persons')
    .innerJoin('organizations', 'organizations.id', 'persons.organization_id')
    .select(['persons.id', 'persons.current_title_code'])
    .where((eb) => inSubtrees(eb, 'organizations.path', [tq.path]))
    .where('persons.current_title_code', 'in', WANTED)
    .orderBy('persons.sort_key')
    .execute();
  const leaders: { id: string }[] = [];
  for (const code of WANTED) {
    const p = holders.find((h) => h.current_title_code === code && !leaders.some((l) => l.id === h.id));
    if (!p) break;
    leaders.push(p);
  }
  const subject = (i: number, fallback: SubjectInput): SubjectInput =>
    leaders[i] ? { personId: leaders[i].id, exemption: fallback.exemption } : fallback;
  const partySubjects: SubjectInput[] = [
    subject(0, { fullName: 'Lê Minh Quang', titleText: 'Phó Bí thư Thường trực Tỉnh ủy' }),
    subject(1, { fullName: 'Ngô Thị Thu Hà', titleText: 'Trưởng Ban Tổ chức Tỉnh ủy' }),
    subject(2, { fullName: 'Đỗ Văn Hùng', titleText: 'Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy' }),
    subject(3, {
      fullName: 'Phan Văn Sơn',
      titleText: 'Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy',
      exemption: { reason: 'retirement_announced', note: 'Thông báo nghỉ hưu từ 01/01/2027' },
    }),
  ];

  // 0. The same people's previous round (2023): the 2026 result is compared with it.
  const previous = await createVote(db, officer, {
    organizationId: tq.id,
    kind: 'confidence',
    mode: 'paper',
    track: 'party',
    title: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ, năm 2023',
    voteDate: '2023-11-15',
    voterGroup: 'Ủy viên Ban Chấp hành Đảng bộ tỉnh Tuyên Quang',
    summonedCount: 45,
    subjects: partySubjects.slice(0, 3),
  });
  const c0 = count(
    previous.subjects.map((x) => x.id),
    { issued: 44, collected: 44, invalid: 0 },
    [
      [38, 5, 1, 0],
      [30, 10, 4, 0],
      [25, 12, 7, 0],
    ],
  );
  await submitPaperEntry(db, tally1, previous.id, c0);
  await submitPaperEntry(db, tally2, previous.id, c0);

  // 1. Party track, counted: one person over 1/2 low (out of planning, raised as tasks), one exempt (retirement announced).
  const party: CreateVoteBody = {
    organizationId: tq.id,
    kind: 'confidence',
    mode: 'paper',
    track: 'party',
    title: 'Lấy phiếu tín nhiệm người giữ chức vụ do Ban Chấp hành Đảng bộ tỉnh bầu, năm 2026',
    voteDate: '2026-11-20',
    voterGroup: 'Ủy viên Ban Chấp hành Đảng bộ tỉnh Tuyên Quang',
    summonedCount: 45,
    subjects: partySubjects,
  };
  const v1 = await createVote(db, officer, party);
  const ids1 = v1.subjects.filter((s) => !s.exemption).map((s) => s.id);
  const c1 = count(ids1, { issued: 43, collected: 42, invalid: 1 }, [
    [30, 9, 2, 0],
    [25, 12, 4, 0],
    [6, 10, 24, 1],
  ]);
  await submitPaperEntry(db, tally1, v1.id, c1);
  await submitPaperEntry(db, tally2, v1.id, c1);

  // 2. State track, the two entries differ: the committee must recount before anything is published.
  const state: CreateVoteBody = {
    organizationId: ubnd.id,
    kind: 'confidence',
    mode: 'paper',
    track: 'state',
    title: 'Lấy phiếu tín nhiệm Giám đốc các sở, năm 2026',
    voteDate: '2026-11-24',
    voterGroup: 'Lãnh đạo Ủy ban nhân dân tỉnh và thủ trưởng các sở, ban, ngành',
    summonedCount: 30,
    subjects: [
      { fullName: 'Trịnh Văn Bình', titleText: 'Giám đốc Sở Nội vụ' },
      { fullName: 'Hà Thị Ngọc', titleText: 'Giám đốc Sở Tài chính' },
      {
        fullName: 'Mai Đức Long',
        titleText: 'Giám đốc Sở Giáo dục và Đào tạo',
        exemption: { reason: 'new_in_year', note: 'Bổ nhiệm tháng 3/2026' },
      },
    ],
  };
  const v2 = await createVote(db, officer, state);
  const ids2 = v2.subjects.filter((s) => !s.exemption).map((s) => s.id);
  await submitPaperEntry(
    db,
    tally1,
    v2.id,
    count(ids2, { issued: 29, collected: 28, invalid: 0 }, [
      [20, 6, 2, 0],
      [9, 8, 11, 0],
    ]),
  );
  await submitPaperEntry(
    db,
    tally2,
    v2.id,
    count(ids2, { issued: 29, collected: 28, invalid: 0 }, [
      [20, 6, 2, 0],
      [9, 9, 10, 0],
    ]),
  );

  // 3. Below quorum: 18 of 30 summoned came; the record says the result may not be used.
  const v3 = await createVote(db, officer, {
    ...state,
    title: 'Lấy phiếu tín nhiệm Phó Giám đốc Sở Tài chính (hội nghị không đủ số lượng)',
    voteDate: '2026-11-25',
    subjects: [{ fullName: 'Chu Thị Yến', titleText: 'Phó Giám đốc Sở Tài chính' }],
  });
  const c3 = count([v3.subjects[0]!.id], { issued: 18, collected: 18, invalid: 0 }, [[15, 3, 0, 0]]);
  await submitPaperEntry(db, tally1, v3.id, c3);
  await submitPaperEntry(db, tally2, v3.id, c3);

  // 4. Open: one entry in, waiting for the second member; a small group, so the warning shows.
  const v4 = await createVote(db, officer, {
    ...party,
    title: 'Lấy phiếu tín nhiệm Thường trực Tỉnh ủy (nhóm nhỏ)',
    voterGroup: 'Ban Thường vụ Tỉnh ủy',
    summonedCount: 7,
    subjects: party.subjects.slice(0, 2),
  });
  await submitPaperEntry(
    db,
    tally1,
    v4.id,
    count(
      v4.subjects.map((s) => s.id),
      { issued: 7, collected: 7, invalid: 0 },
      [
        [7, 0, 0, 0],
        [5, 2, 0, 0],
      ],
    ),
  );

  // 5. A planning recommendation round (agree / disagree), counted: planning reads it through listVoteOutcomes.
  const round = await createVote(db, officer, {
    organizationId: tq.id,
    kind: 'planning',
    mode: 'paper',
    track: 'party',
    title: 'Hội nghị giới thiệu nhân sự quy hoạch Ban Thường vụ Tỉnh ủy nhiệm kỳ 2030–2035',
    voteDate: '2026-11-26',
    voterGroup: 'Ban Chấp hành Đảng bộ tỉnh',
    summonedCount: 45,
    subjects: partySubjects.slice(0, 2).map((x) => ({ ...x, exemption: undefined })),
  });
  const cr: PaperCount = {
    issued: 44,
    collected: 43,
    valid: 43,
    invalid: 0,
    subjects: [
      { subjectId: round.subjects[0]!.id, agree: 31, disagree: 11, invalid: 1 },
      { subjectId: round.subjects[1]!.id, agree: 20, disagree: 23, invalid: 0 },
    ],
  };
  await submitPaperEntry(db, tally1, round.id, cr);
  await submitPaperEntry(db, tally2, round.id, cr);
}
