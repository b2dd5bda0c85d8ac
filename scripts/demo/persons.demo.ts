import type { PersonRecord, WorkRow } from '../../contracts/persons';
import type { Db } from '../../server/db/database';
import { appendAudit } from '../../server/features/audit/audit.repository';
import { findOrganizationByCode } from '../../server/features/organizations/organization.repository';
import { type BulkItem, writeRecords } from '../../server/features/persons/person.bulk';
import { recordPolicy } from '../../server/features/persons/person.policy';
import { openIncumbentsUnder, openOrganizationsUnder } from '../../server/features/persons/person.lookups.repository';
import { findPerson, linkUserToPerson } from '../../server/features/persons/person.repository';
import { validatePersonRecord } from '../../server/features/persons/person.rules';
import { submitDeclaration } from '../../server/features/persons/person.service';
import { CccdAllocator, type GeneratorOrg, generatePerson, rng, seatFor } from '../generate/person-generator';
import { resolveActorByUsername } from './demo-actors';

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

/** Ends the generated career just before the seat and puts the seat last, so history matches the post held. */
function careerEndingIn(record: PersonRecord, seat: WorkRow): WorkRow[] {
  const before = record.workHistory.filter((w) => w.from < seat.from).map((w) => ({ ...w }));
  const last = before[before.length - 1];
  if (last) last.to = seat.from;
  return [...before, seat];
}

/**
 * The cadres of the demo province Tuyên Quang, reproducible (seed 2026): first the people sitting in the demo's
 * seats (same ids as the seats name, so a seat opens a CV), then staff spread over the open units, plus the named
 * people the demo walks through (a searchable "Nguyễn Văn Đức", and cadre.tq's own record with a pending declaration).
 */
export async function loadPersonsDemo(db: Db, count = DEMO_PERSONS): Promise<void> {
  const province = await findOrganizationByCode(db, 'TQ');
  if (!province) return;
  const open = await openOrganizationsUnder(db, province.path);
  const orgs: GeneratorOrg[] = open.map((o) => ({ id: o.id, name: o.name, ...leadershipOf(o.name) }));
  const today = new Date().toISOString().slice(0, 10);
  const ctx = {
    r: rng(2026),
    today,
    orgs,
    provinceCode: '08',
    cccdProvinces: ['008', '008', '008', '002'],
    cccd: new CccdAllocator(4242),
  };
  const items: BulkItem[] = [];

  for (const seat of await openIncumbentsUnder(db, province.path)) {
    const female = / Thị /.test(seat.person_name);
    const head = seat.head_title_id === null;
    let record = generatePerson(
      { ...ctx, orgs: [orgs.find((o) => o.id === seat.organization_id) ?? orgs[0]!] },
      head ? 'head' : 'deputy',
    );
    const sex = female ? 'F' : 'M';
    const birthYear = Number(record.birthDate.slice(0, 4));
    const from = seat.from_date.slice(0, 7);
    const row: WorkRow = {
      from,
      to: null,
      organizationId: seat.organization_id,
      organizationName: seat.organization_name,
      titleCode: seat.title_code,
      titleName: seat.title_name,
    };
    record = {
      ...record,
      fullName: seat.person_name,
      sex,
      cccd: ctx.cccd.next('008', sex, birthYear),
      organizationId: seat.organization_id,
      currentTitle: seat.title_name,
      currentTitleCode: seat.title_code,
      workHistory: careerEndingIn(record, row),
    };
    items.push({ id: seat.person_id, record });
  }
  const staff = Math.max(0, count - items.length);
  const perUnit = Math.max(1, Math.ceil(staff / orgs.length));
  for (let i = 0; i < staff; i++) {
    const unit = orgs[Math.min(orgs.length - 1, Math.floor(i / perUnit))]!;
    const seat = seatFor((i % perUnit) + 3, perUnit + 3); // the unit's head and deputies sit in seats above
    const record = generatePerson({ ...ctx, orgs: [unit, ...orgs] }, seat);
    const work = record.workHistory.map((w, j, all) =>
      j === all.length - 1 ? { ...w, organizationId: unit.id, organizationName: unit.name } : w,
    );
    items.push({ record: { ...record, organizationId: unit.id, workHistory: work } });
  }

  const snv = orgs.find((o) => o.name.startsWith('Sở Nội vụ')) ?? orgs[0]!;
  const base = generatePerson({ ...ctx, r: rng(7), orgs: [snv] }, 'staff');
  items.push({
    record: {
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
      training: [
        {
          school: 'Trường Đại học Luật Hà Nội',
          major: 'Luật',
          from: '1993-09',
          to: '1997-06',
          form: 'chinh_quy',
          qualification: 'Cử nhân',
        },
      ],
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
          to: '2019-06',
          organizationId: null,
          organizationName: 'Sở Nội vụ tỉnh Tuyên Quang',
          titleCode: null,
          titleName: 'Trưởng phòng Tổ chức, biên chế',
        },
        {
          from: '2019-06',
          to: null,
          organizationId: snv.id,
          organizationName: snv.name,
          titleCode: null,
          titleName: 'Phó Giám đốc Sở',
        },
      ],
    },
  });
  const cadre = generatePerson({ ...ctx, r: rng(11), orgs: [snv] }, 'staff');
  items.push({
    record: {
      ...cadre,
      fullName: 'Đặng Minh Tuấn',
      sex: 'M',
      birthDate: '1988-10-02',
      cccd: ctx.cccd.next('008', 'M', 1988),
      organizationId: snv.id,
      ethnicity: '02',
      currentTitle: 'Chuyên viên',
      partyAdmissionDate: '2012-06-10',
      partyOfficialDate: '2013-06-10',
      recruitmentDate: '2012-01-01',
      professionalLevel: 'dai_hoc',
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
    },
  });

  const policy = recordPolicy();
  for (const { record } of items) {
    const issues = validatePersonRecord(record, policy);
    if (issues.length)
      throw new Error(`demo record ${record.fullName} is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
  const at = new Date().toISOString();
  const result = await db.transaction().execute(async (trx) => {
    const written = await writeRecords(trx, items, { by: null, source: 'import', at, reason: 'Dữ liệu demo' });
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
  if (!cadreUser) return;
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
