import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { DocumentType, IssuingBody } from '../../contracts/document-numbering';
import type { AssigningBody, MilestoneStage } from '../../contracts/programme';
import type { Db } from '../../server/db/database';
import { addAttachment } from '../../server/features/documents/attachment.service';
import { addRelation, createDocument } from '../../server/features/documents/document.service';
import { findOrganizationByCode } from '../../server/features/organizations/organization.repository';
import { addDays } from '../../server/features/programme/programme.rules';
import { createItem } from '../../server/features/programme/programme.service';
import { findUserByUsername } from '../../server/features/users/user.repository';
import { createUser } from '../../server/features/users/user.service';
import { AppError } from '../../server/http/errors';
import { DEMO_PASSWORD } from './foundation.demo';
import { REFERENCE_DOCUMENTS, REFERENCE_RELATIONS } from './programme.references';

/** Extra demo users of the programme module: an officer of the Central Organization Commission. */
export const PROGRAMME_DEMO_USERS = [
  { username: 'officer.btc', fullName: 'Vũ Thị Thanh Mai', role: 'officer' as const, org: 'TW.BTC' },
];

// The seed's 2022 proposals (đề án) of the Central Organization Commission, by the topics it names; illustrative titles.
const PROPOSALS_2022: [AssigningBody, string][] = [
  ['ban_chap_hanh_tw', 'Đề án tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên'],
  ['ban_chap_hanh_tw', 'Đề án tiếp tục đổi mới phương thức lãnh đạo, cầm quyền của Đảng đối với hệ thống chính trị'],
  ['bo_chinh_tri', 'Đề án danh mục chức danh, chức vụ lãnh đạo và tương đương của hệ thống chính trị'],
  ['bo_chinh_tri', 'Đề án nâng cao hiệu quả quản lý biên chế của hệ thống chính trị giai đoạn 2022 - 2026'],
  ['bo_chinh_tri', 'Đề án sửa đổi quy định về luân chuyển cán bộ'],
  ['bo_chinh_tri', 'Đề án phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu cán bộ ứng cử'],
  ['bo_chinh_tri', 'Đề án tiêu chuẩn chức danh cán bộ thuộc diện Trung ương quản lý'],
  ['bo_chinh_tri', 'Đề án đánh giá cán bộ theo kết quả, sản phẩm cụ thể'],
  ['bo_chinh_tri', 'Đề án đào tạo, bồi dưỡng lý luận chính trị cho cán bộ'],
  ['bo_chinh_tri', 'Đề án khuyến khích và bảo vệ cán bộ năng động, sáng tạo vì lợi ích chung'],
  ['bo_chinh_tri', 'Đề án sơ kết một số mô hình thí điểm về tổ chức bộ máy'],
  ['ban_bi_thu', 'Đề án miễn nhiệm, từ chức đối với cán bộ'],
  ['ban_bi_thu', 'Đề án về cán bộ giữ chức vụ hàm'],
  ['ban_bi_thu', 'Đề án bảo vệ chính trị nội bộ Đảng'],
  ['ban_bi_thu', 'Đề án quy hoạch cán bộ cấp chiến lược'],
  ['ban_bi_thu', 'Đề án xây dựng tổng biên chế của hệ thống chính trị'],
  ['ban_bi_thu', 'Đề án tuyên truyền về xây dựng Đảng'],
  ['ban_bi_thu', 'Đề án tổng kết thực tiễn, nghiên cứu khoa học về tổ chức xây dựng Đảng'],
  ['ban_bi_thu', 'Đề án chính sách thu hút, trọng dụng nhân tài'],
];

interface DemoDoc {
  type: DocumentType;
  body: IssuingBody;
  number: string;
  issuedOn: string;
  title: string;
  participation: 'advised' | 'issued';
  /** index into PROPOSALS_2022: the proposal this document came out of */
  fromProposal?: number;
}

/** The seed's 2022 documents: 2 resolutions, 7 regulations, 11 decisions, 8 conclusions, 2 notices, 2 plans, 6 guidelines. */
function documents2022(): DemoDoc[] {
  const docs: DemoDoc[] = [
    {
      type: 'nghi_quyet',
      body: 'ban_chap_hanh_tw',
      number: '21-NQ/TW',
      issuedOn: '2022-06-16',
      title:
        'Nghị quyết Hội nghị Trung ương 5 khóa XIII về tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn mới',
      participation: 'advised',
      fromProposal: 0,
    },
    {
      type: 'nghi_quyet',
      body: 'ban_chap_hanh_tw',
      number: '28-NQ/TW',
      issuedOn: '2022-11-17',
      title:
        'Nghị quyết Hội nghị Trung ương 6 khóa XIII về tiếp tục đổi mới phương thức lãnh đạo, cầm quyền của Đảng đối với hệ thống chính trị trong giai đoạn mới',
      participation: 'advised',
      fromProposal: 1,
    },
  ];
  const month = (i: number) => String((i % 11) + 1).padStart(2, '0');
  const add = (
    type: DocumentType,
    code: string,
    from: number,
    count: number,
    word: string,
    issued: 'advised' | 'issued' = 'advised',
  ) => {
    for (let i = 0; i < count; i++) {
      const body: IssuingBody = issued === 'issued' ? 'ban_to_chuc_tw' : i % 2 === 0 ? 'bo_chinh_tri' : 'ban_bi_thu';
      const suffix = issued === 'issued' ? 'BTCTW' : 'TW';
      docs.push({
        type,
        body,
        number: `${from + i}-${code}/${suffix}`,
        issuedOn: `2022-${month(i + from)}-${String(10 + i).padStart(2, '0')}`,
        title: `${word} về công tác tổ chức xây dựng Đảng số ${i + 1} năm 2022 (dữ liệu minh họa)`,
        participation: issued,
        fromProposal: 6 + ((i + from) % 13),
      });
    }
  };
  // 65-QĐ/TW and 80-QĐ/TW (reference list) are two of the 7 regulations; 35-KL/TW and 40-KL/TW two of the 8 conclusions.
  add('quy_dinh', 'QĐ', 901, 5, 'Quy định');
  add('quyet_dinh', 'QĐ', 906, 11, 'Quyết định');
  add('ket_luan', 'KL', 901, 6, 'Kết luận');
  add('thong_bao', 'TB', 901, 2, 'Thông báo');
  add('ke_hoach', 'KH', 901, 2, 'Kế hoạch');
  add('huong_dan', 'HD', 901, 6, 'Hướng dẫn', 'issued');
  return docs;
}

const MILESTONES: MilestoneStage[] = ['drafting', 'consultation', 'appraisal', 'submission', 'approval'];

/** The five stages 20 days apart up to the due date; those due by `doneBy` are recorded as done on their day. */
function milestonesBefore(due: string, doneBy: string) {
  return MILESTONES.map((stage, i) => {
    const dueOn = addDays(due, -(MILESTONES.length - 1 - i) * 20);
    return { stage, dueOn, doneOn: dueOn <= doneBy ? dueOn : null };
  });
}

/** A one-page PDF, valid enough for any reader. */
export function demoPdf(text: string): Uint8Array {
  const content = `BT /F1 14 Tf 72 760 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

export async function demoDocx(text: string): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun(text)] })] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function orgId(db: Db, code: string): Promise<string> {
  const org = await findOrganizationByCode(db, code);
  if (!org) throw new Error(`demo: organization ${code} missing`);
  return org.id;
}

/** What the demo tried and the rules refused, with the message each refusal gave. */
export interface DemoRejection {
  case: 'bad-number' | 'replacement-cycle' | 'oversized-attachment';
  message: string;
}

/**
 * The register of cited documents with their replacements; the Central Organization Commission's 2022 programme
 * as the seed reports it (19/19 proposals; 2+7+11+8+2+2 advised documents; 6 guidelines); and a province's current
 * programme with items due soon and one overdue. Returns the inputs the rules rejected.
 */
export async function loadProgrammeDemo(db: Db, today = new Date().toISOString().slice(0, 10)): Promise<DemoRejection[]> {
  const tw = await orgId(db, 'TW');
  const btc = await orgId(db, 'TW.BTC');
  const tqBtc = await orgId(db, 'TQ.BTC');
  const tqSnv = await orgId(db, 'TQ.SNV');
  const tqUbkt = await orgId(db, 'TQ.UBKT');
  for (const u of PROGRAMME_DEMO_USERS)
    await createUser(db, null, {
      username: u.username,
      fullName: u.fullName,
      password: DEMO_PASSWORD,
      grants: [{ role: u.role, organizationId: await orgId(db, u.org) }],
    });
  const userId = async (name: string) => (await findUserByUsername(db, name))!.id;
  const btcOfficer = await userId('officer.btc');
  const tqOfficer = await userId('officer.tq');
  const tqLeader = await userId('leader.tq');

  // 1. The central programme of 2022: 19 proposals, all completed.
  const proposalIds: string[] = [];
  for (const [i, [body, title]] of PROPOSALS_2022.entries()) {
    const due = `2022-${String(Math.min(12, 3 + Math.floor(i / 2))).padStart(2, '0')}-${String(10 + (i % 15)).padStart(2, '0')}`;
    const item = await createItem(db, null, {
      code: `BTCTW-2022-${String(i + 1).padStart(2, '0')}`,
      kind: 'de_an',
      title: i < 2 ? title : `${title} (minh họa)`,
      assigningBody: body,
      leadOrganizationId: btc,
      coordinatorIds: i % 3 === 0 ? [tw] : [],
      responsibleUserIds: [btcOfficer],
      dueOn: due,
      milestones: milestonesBefore(due, due),
    });
    proposalIds.push(item.id);
  }

  // 2. The cited documents, then the seed's 2022 documents (some complete their proposal).
  const ids = new Map<string, string>();
  for (const ref of REFERENCE_DOCUMENTS) {
    const advised = ref.advisedByBtctw === true;
    const doc = await createDocument(
      db,
      null,
      {
        organizationId: advised ? btc : tw,
        type: ref.type,
        number: ref.number,
        issuingBody: ref.body,
        issuedOn: ref.issuedOn ?? '1900-01-01',
        title: ref.title,
        effectiveFrom: ref.effectiveFrom ?? ref.issuedOn ?? undefined,
        participation: advised ? 'advised' : 'reference',
        visibility: 'public',
        programmeItemId: ref.fromProposal === undefined ? undefined : proposalIds[ref.fromProposal],
        completesItem: ref.fromProposal !== undefined,
      },
      { aliases: ref.aliases, dateUnknown: ref.issuedOn === null },
    );
    ids.set(ref.number, doc.id);
  }
  for (const d of documents2022()) {
    const doc = await createDocument(db, null, {
      organizationId: btc,
      type: d.type,
      number: d.number,
      issuingBody: d.body,
      issuedOn: d.issuedOn,
      title: d.title,
      participation: d.participation,
      visibility: 'public',
      programmeItemId: d.fromProposal === undefined ? undefined : proposalIds[d.fromProposal],
      completesItem: d.fromProposal !== undefined,
    });
    ids.set(d.number, doc.id);
  }
  for (const [from, kind, to, on] of REFERENCE_RELATIONS)
    await addRelation(db, null, ids.get(from)!, { kind, targetId: ids.get(to)!, effectiveOn: on ?? undefined });
  await addAttachment(db, null, { kind: 'document', id: ids.get('377-QĐ/TW')! }, '377-QD-TW.pdf', demoPdf('Quy dinh 377-QD/TW'));

  // 3. A province's programme this year: some done, some due within days, one overdue.
  const year = Number(today.slice(0, 4));
  const province: {
    code: string;
    kind: 'de_an' | 'to_trinh' | 'bao_cao' | 'nhiem_vu';
    body: AssigningBody;
    title: string;
    due: string;
    lead: string;
    done?: boolean;
  }[] = [
    {
      code: `TQ-${year}-01`,
      kind: 'de_an',
      body: 'ban_thuong_vu_tinh_uy',
      title: 'Đề án quy hoạch cán bộ lãnh đạo, quản lý nhiệm kỳ 2030 - 2035 của tỉnh',
      due: `${year}-03-31`,
      lead: tqBtc,
      done: true,
    },
    {
      code: `TQ-${year}-02`,
      kind: 'de_an',
      body: 'ban_thuong_vu_tinh_uy',
      title: 'Đề án sắp xếp tổ chức bộ máy các cơ quan đảng cấp xã sau hợp nhất',
      due: `${year}-06-30`,
      lead: tqBtc,
      done: true,
    },
    {
      code: `TQ-${year}-03`,
      kind: 'de_an',
      body: 'tinh_uy',
      title: 'Đề án nâng cao chất lượng lấy phiếu tín nhiệm giữa nhiệm kỳ',
      due: addDays(today, 6),
      lead: tqBtc,
    },
    {
      code: `TQ-${year}-04`,
      kind: 'to_trinh',
      body: 'ban_thuong_vu_tinh_uy',
      title: 'Tờ trình luân chuyển cán bộ về cơ sở đợt 2',
      due: addDays(today, 12),
      lead: tqBtc,
    },
    {
      code: `TQ-${year}-05`,
      kind: 'bao_cao',
      body: 'ban_thuong_vu_tinh_uy',
      title: 'Báo cáo đánh giá, xếp loại chất lượng cán bộ năm theo Quy định 366-QĐ/TW',
      due: addDays(today, -9),
      lead: tqBtc,
    },
    {
      code: `TQ-${year}-06`,
      kind: 'nhiem_vu',
      body: 'ubnd_tinh',
      title: 'Rà soát vị trí việc làm và biên chế công chức theo Kết luận 40',
      due: addDays(today, 40),
      lead: tqSnv,
    },
  ];
  const provinceIds: string[] = [];
  for (const p of province) {
    const item = await createItem(db, null, {
      code: p.code,
      kind: p.kind,
      title: p.title,
      assigningBody: p.body,
      leadOrganizationId: p.lead,
      coordinatorIds: p.lead === tqBtc ? [tqUbkt, tqSnv] : [tqBtc],
      responsibleUserIds: p.lead === tqBtc ? [tqOfficer, tqLeader] : [tqOfficer],
      dueOn: p.due,
      milestones: milestonesBefore(p.due, p.done ? p.due : [addDays(today, -1), addDays(p.due, -1)].sort()[0]!).filter(
        (m) => m.dueOn.slice(0, 4) === p.due.slice(0, 4),
      ),
    });
    provinceIds.push(item.id);
  }
  const first = await createDocument(db, null, {
    organizationId: tqBtc,
    type: 'quy_dinh',
    number: '15-QĐ/TU',
    issuingBody: 'ban_thuong_vu_tinh_uy',
    issuedOn: `${year}-03-28`,
    title: 'Quy định về quy hoạch cán bộ lãnh đạo, quản lý thuộc diện Ban Thường vụ Tỉnh ủy quản lý (minh họa)',
    participation: 'advised',
    visibility: 'public',
    programmeItemId: provinceIds[0],
    completesItem: true,
  });
  await addRelation(db, null, first.id, { kind: 'implements', targetId: ids.get('377-QĐ/TW')! });
  await createDocument(db, null, {
    organizationId: tqBtc,
    type: 'ket_luan',
    number: '120-KL/TU',
    issuingBody: 'ban_thuong_vu_tinh_uy',
    issuedOn: `${year}-06-26`,
    title: 'Kết luận về sắp xếp tổ chức bộ máy các cơ quan đảng cấp xã (minh họa)',
    participation: 'advised',
    visibility: 'public',
    programmeItemId: provinceIds[1],
    completesItem: true,
  });
  await createDocument(db, null, {
    organizationId: tqBtc,
    type: 'huong_dan',
    number: '05-HD/BTCTU',
    issuingBody: 'ban_to_chuc_tinh_uy',
    issuedOn: `${year}-04-15`,
    title: 'Hướng dẫn quy trình lấy phiếu tín nhiệm tại các đảng bộ xã, phường (minh họa)',
    participation: 'issued',
    visibility: 'internal',
  });
  await addAttachment(
    db,
    null,
    { kind: 'programme_item', id: provinceIds[2]! },
    'du-thao-de-an.docx',
    await demoDocx('Dự thảo đề án (minh họa)'),
  );

  // 4. What the rules refuse.
  const rejected: DemoRejection[] = [];
  const expectRejection = async (kind: DemoRejection['case'], attempt: () => Promise<unknown>) => {
    try {
      await attempt();
    } catch (error) {
      if (error instanceof AppError) return rejected.push({ case: kind, message: error.message });
      throw error;
    }
    throw new Error(`demo: the rules accepted a ${kind}`);
  };
  await expectRejection('bad-number', () =>
    createDocument(db, null, {
      organizationId: tqBtc,
      type: 'ket_luan',
      number: '35-QĐ/TW',
      issuingBody: 'bo_chinh_tri',
      issuedOn: '2022-05-05',
      title: 'Kết luận vào sổ với số hiệu của quy định',
      participation: 'reference',
    }),
  );
  await expectRejection('replacement-cycle', () =>
    addRelation(db, null, ids.get('50-QĐ/TW')!, { kind: 'replaces', targetId: ids.get('377-QĐ/TW')! }),
  );
  await expectRejection('oversized-attachment', () =>
    addAttachment(
      db,
      null,
      { kind: 'document', id: first.id },
      'ban-scan-qua-lon.pdf',
      new Uint8Array(11 * 1024 * 1024).fill(0x25),
    ),
  );
  return rejected;
}
