import type { PersonRecord } from '../../contracts/persons';
import type { Db } from '../../server/db/database';
import { appendAudit } from '../../server/features/audit/audit.repository';
import { findOrganizationByCode, listOrganizations } from '../../server/features/organizations/organization.repository';
import { writeRecords } from '../../server/features/persons/person.bulk';
import { findPerson, linkUserToPerson } from '../../server/features/persons/person.repository';
import { submitDeclaration } from '../../server/features/persons/person.service';
import { resolveActorByUsername } from './demo-actors';
import { CccdAllocator, type GeneratorOrg, generatePerson, rng, seatFor } from '../generate/person-generator';

/** How many cadres the demo province gets; CANBO_DEMO_PERSONS overrides (the tests use fewer). */
export const DEMO_PERSONS = Number(process.env.CANBO_DEMO_PERSONS ?? 8000);

const LEADERSHIP: [RegExp, string, string][] = [
  [/^Đảng bộ tỉnh/, 'Bí thư Tỉnh ủy', 'Phó Bí thư Tỉnh ủy'],
  [/^Đảng bộ (phường|xã)/, 'Bí thư Đảng ủy', 'Phó Bí thư Đảng ủy'],
  [/^Ban /, 'Trưởng ban', 'Phó Trưởng ban'],
  [/^Ủy ban Kiểm tra/, 'Chủ nhiệm Ủy ban Kiểm tra', 'Phó Chủ nhiệm Ủy ban Kiểm tra'],
  [/^Sở /, 'Giám đốc Sở', 'Phó Giám đốc Sở'],
  [/^(Ủy ban nhân dân|Hội đồng nhân dân|Ủy ban Mặt trận)/, 'Chủ tịch', 'Phó Chủ tịch'],
];

function leadershipOf(name: string): { head: string; deputy: string } {
  const hit = LEADERSHIP.find(([re]) => re.test(name));
  return hit ? { head: hit[1], deputy: hit[2] } : { head: 'Thủ trưởng', deputy: 'Phó Thủ trưởng' };
}

/** The cadres of the demo province Tuyên Quang, reproducible (seed 2026), plus the named people the demo shows. */
export async function loadPersonsDemo(db: Db, count = DEMO_PERSONS): Promise<void> {
  const province = await findOrganizationByCode(db, 'TQ');
  if (!province) return;
  const { rows } = await listOrganizations(db, { scopePaths: [province.path], limit: 1000, offset: 0 });
  const orgs: GeneratorOrg[] = rows.map((o) => ({ id: o.id, name: o.name, ...leadershipOf(o.name) }));
  const today = new Date().toISOString().slice(0, 10);
  const ctx = {
    r: rng(2026),
    today,
    orgs,
    provinceCode: '08',
    cccdProvinces: ['008', '008', '008', '002'],
    cccd: new CccdAllocator(4242),
  };
  const perUnit = Math.ceil(count / orgs.length);
  const records: PersonRecord[] = [];
  for (let i = 0; i < count; i++) {
    const unit = orgs[Math.floor(i / perUnit)]!;
    const record = generatePerson({ ...ctx, orgs: [unit, ...orgs] }, seatFor(i % perUnit, perUnit));
    records.push({
      ...record,
      organizationId: unit.id,
      workHistory: record.workHistory.map((w, j, all) =>
        j === all.length - 1 ? { ...w, organizationId: unit.id, organizationName: unit.name } : w,
      ),
    });
  }
  // The people the demo walks through: a searchable "Nguyễn Văn Đức" and the self-service cadre of cadre.tq.
  const snv = orgs.find((o) => o.name.startsWith('Sở Nội vụ')) ?? orgs[0]!;
  const base = generatePerson({ ...ctx, r: rng(7), orgs: [snv] }, 'staff');
  records.push({
    ...base,
    fullName: 'Nguyễn Văn Đức',
    sex: 'M',
    birthDate: '1975-03-12',
    cccd: ctx.cccd.next('008', 'M', 1975),
    ethnicity: '01',
    organizationId: snv.id,
    currentTitle: 'Phó Giám đốc Sở',
    theoryLevel: 'cao_cap',
    partyAdmissionDate: '2001-05-19',
    partyOfficialDate: '2002-05-19',
    recruitmentDate: '1998-08-01',
    workHistory: [
      {
        from: '1998-08',
        to: '2012-01',
        organizationId: null,
        organizationName: 'Sở Nội vụ tỉnh Tuyên Quang',
        titleCode: null,
        titleName: 'Chuyên viên',
      },
      {
        from: '2012-01',
        to: null,
        organizationId: snv.id,
        organizationName: snv.name,
        titleCode: null,
        titleName: 'Phó Giám đốc Sở',
      },
    ],
    training: base.training.filter((t) => t.from === null || t.from >= '1993'),
  });
  const cadre = generatePerson({ ...ctx, r: rng(11), orgs: [snv] }, 'staff');
  records.push({
    ...cadre,
    fullName: 'Đặng Minh Tuấn',
    sex: 'M',
    birthDate: '1988-10-02',
    cccd: ctx.cccd.next('008', 'M', 1988),
    organizationId: snv.id,
    ethnicity: '02',
    partyAdmissionDate: '2012-06-10',
    partyOfficialDate: '2013-06-10',
    recruitmentDate: '2012-01-01',
    training: [
      {
        school: 'Học viện Hành chính Quốc gia',
        major: 'Quản lý nhà nước',
        from: '2006-09',
        to: '2010-06',
        form: 'chinh_quy',
        qualification: 'Cử nhân',
      },
    ],
    workHistory: [
      {
        from: '2012-01',
        to: null,
        organizationId: snv.id,
        organizationName: snv.name,
        titleCode: null,
        titleName: 'Chuyên viên',
      },
    ],
    family: cadre.family.map((f) =>
      f.birthYear !== null && f.relation === 'child' ? { ...f, birthYear: Math.max(f.birthYear, 2014) } : f,
    ),
  });

  const at = new Date().toISOString();
  const result = await db.transaction().execute(async (trx) => {
    const written = await writeRecords(
      trx,
      records.map((record) => ({ record })),
      { by: null, source: 'import', at, reason: 'Dữ liệu demo' },
    );
    await appendAudit(trx, {
      actorId: null,
      action: 'person.import',
      entity: 'person',
      entityId: 'demo',
      organizationId: province.id,
      after: { created: written.created, source: 'demo' },
    });
    return written;
  });

  // cadre.tq is Đặng Minh Tuấn: he sees his own record and has declared a new degree, waiting for the officer.
  const cadreId = result.ids[result.ids.length - 1]!;
  const cadreUser = await resolveActorByUsername(db, 'cadre.tq');
  if (cadreUser) {
    await db.transaction().execute((trx) => linkUserToPerson(trx, cadreUser.userId, cadreId));
    const person = await findPerson(db, cadreId);
    if (person)
      await submitDeclaration(db, cadreUser, cadreId, {
        changes: {
          professionalLevel: 'thac_si',
          training: [
            ...(JSON.parse(person.data_json) as PersonRecord).training,
            {
              school: 'Học viện Hành chính Quốc gia',
              major: 'Quản lý công',
              from: '2023-09',
              to: '2025-06',
              form: 'tai_chuc',
              qualification: 'Thạc sĩ',
            },
          ],
        },
        note: 'Bổ sung bằng Thạc sĩ Quản lý công (2025)',
      });
  }
}
