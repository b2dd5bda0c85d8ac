import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RestructuringPlanInput, restructuringPlanSchema } from '../../../contracts/restructuring';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/databases';
import type { Actor } from '../access/access.rules';
import { placementsOfPerson } from '../staffing/placement.repository';
import { treeAsOf, subtreeAsOf, withLineage } from '../organizations/organization-history.service';
import { findOrganization } from '../organizations/organization.repository';
import { createOrganization, createRootOrganization } from '../organizations/organization.service';
import { addIncumbent, createPosition, listPositions } from '../positions/position.service';
import { addStaff } from '../staffing/staff.fixtures';
import {
  assignJobPosition,
  createJobPosition,
  jobPositionHistory,
  listJobPositions,
  quotaHistory,
  setQuota,
  staffingTable,
} from '../staffing/staffing.service';
import { syncTitleCatalog } from '../titles/title.service';
import { applyRestructuring, previewRestructuring, revertRestructuring } from './restructuring.service';

const plan = (p: RestructuringPlanInput) => restructuringPlanSchema.parse(p);
let personSeq = 0;
const personId = () => `01JD${String(++personSeq).padStart(22, '0')}`;

describe.each(testDialects())('restructuring on %s', (dialect) => {
  let db: TestDatabase;
  const ids: Record<string, string> = {};
  const seats: Record<string, string> = {};
  const people: Record<string, string> = {};
  const admin = (): Actor => ({
    userId: 'admin',
    username: 'admin',
    grants: [{ role: 'admin', organizationId: ids.R!, organizationName: 'R', path: `/${ids.R}/` }],
  });

  beforeEach(async () => {
    db = await createTestDatabase(dialect);
    await syncTitleCatalog(db.db);
    const root = await createRootOrganization(db.db, {
      code: 'R',
      name: 'Trung ương',
      kind: 'party_committee',
      level: 'central',
      validFrom: '2000-01-01',
    });
    ids.R = root.id;
    const org = async (code: string, name: string, parent: string, level: 'provincial' | 'district' = 'provincial') =>
      (ids[code] = (
        await createOrganization(db.db, null, {
          code,
          name,
          kind: 'party_committee',
          level,
          parentId: ids[parent]!,
          validFrom: '2000-01-01',
        })
      ).id);
    await org('A', 'Tỉnh ủy A', 'R');
    await org('B', 'Tỉnh ủy B', 'R');
    await org('A.D1', 'Huyện ủy D1', 'A', 'district');
    await org('A.D1.X', 'Đảng ủy xã X', 'A.D1', 'district');
    for (const p of ['A', 'B']) {
      seats[`${p}.BT`] = (
        await createPosition(db.db, null, {
          organizationId: ids[p]!,
          titleId: 'KL-35:BI_THU_TINH_UY',
          seatCount: 1,
          termYears: 5,
          validFrom: '2022-06-01',
        })
      ).id;
      seats[`${p}.PBT`] = (
        await createPosition(db.db, null, {
          organizationId: ids[p]!,
          titleId: 'KL-35:PHO_BI_THU_TINH_UY',
          seatCount: 2,
          validFrom: '2022-06-01',
        })
      ).id;
      people[`${p}.BT`] = (
        await addIncumbent(db.db, null, seats[`${p}.BT`]!, {
          personId: personId(),
          personName: `Bí thư ${p}`,
          how: 'elected',
          from: '2022-06-01',
        })
      ).id;
      for (const i of [1, 2])
        people[`${p}.PBT${i}`] = (
          await addIncumbent(db.db, null, seats[`${p}.PBT`]!, {
            personId: personId(),
            personName: `Phó bí thư ${p}${i}`,
            how: 'elected',
            from: '2022-06-01',
          })
        ).id;
    }
    await setQuota(db.db, null, { organizationId: ids.A!, year: 2025, category: 'cadre_civil_servant', quota: 100 });
    await setQuota(db.db, null, { organizationId: ids.B!, year: 2025, category: 'cadre_civil_servant', quota: 80 });
    // The records: 98 civil servants in A (one of them in a commune below it), 79 in B, 3 contract workers in B.
    await addStaff(db.db, ids.A!, 97);
    await addStaff(db.db, ids['A.D1.X']!, 1);
    await addStaff(db.db, ids.B!, 79);
    await addStaff(db.db, ids.B!, 3, { rankCode: null });
  });
  afterEach(() => db.destroy());

  const mergePlan = (over: Partial<RestructuringPlanInput> = {}) =>
    plan({
      kind: 'merge',
      effectiveDate: '2025-07-01',
      title: 'Hợp nhất tỉnh A và tỉnh B',
      decisionRef: '202/2025/QH15',
      sources: [ids.A!, ids.B!],
      newUnits: [{ key: 'AB', code: 'AB', name: 'Tỉnh ủy AB', kind: 'party_committee', level: 'provincial', parentId: ids.R! }],
      children: [{ organizationId: ids['A.D1']!, to: { key: 'AB' } }],
      seats: Object.entries(seats).map(([, id]) => ({ positionId: id, to: { key: 'AB' } })),
      people: Object.values(people).map((id) => ({ incumbentId: id, to: 'follow' as const })),
      quotas: [{ unit: { key: 'AB' }, category: 'cadre_civil_servant', quota: 170 }],
      ...over,
    });
  const namesOn = async (asOf: string) =>
    (await treeAsOf(db.db, admin(), { asOf, parentId: ids.R })).items.map((n) => n.name).sort();

  it('previews a merge: two secretaries for one seat, four deputies above the cap of three, staff above the merged quota; nothing saved', async () => {
    const preview = await previewRestructuring(db.db, admin(), mergePlan());
    expect(preview.problems.map((p) => p.ruleId).sort()).toEqual([
      'positions.deputy-cap',
      'positions.seat-count',
      'positions.seat-count',
      'staffing.over-quota',
    ]);
    expect(preview.problems.find((p) => p.ruleId === 'staffing.over-quota')!.detail).toContain('177');
    expect(preview.tree.filter((n) => n.status === 'new').map((n) => n.name)).toEqual(['Tỉnh ủy AB']);
    expect(
      preview.tree
        .filter((n) => n.status === 'closed')
        .map((n) => n.name)
        .sort(),
    ).toEqual(['Tỉnh ủy A', 'Tỉnh ủy B']);
    expect(preview.tree.find((n) => n.name === 'Huyện ủy D1')!.status).toBe('moved');
    expect(await namesOn('2025-07-01')).toEqual(['Tỉnh ủy A', 'Tỉnh ủy B']);
  });

  it('counts the staff of the merged units into the new unit from the records: quota vs actual vs over, rolled up', async () => {
    await applyRestructuring(db.db, admin(), mergePlan());
    const ab = (await treeAsOf(db.db, admin(), { asOf: '2025-07-01', parentId: ids.R })).items[0]!;
    const table = await staffingTable(db.db, admin(), { organizationId: ab.id, year: 2025 });
    const row = (id: string) => table.rows.find((r) => r.organizationId === id)!;
    const cadres = (f: { category: string }[]) => f.find((x) => x.category === 'cadre_civil_servant');
    // A's 97 and B's 79 still name A and B in their records: they live on in AB alone, so they count there.
    expect(cadres(row(ab.id).own)).toMatchObject({ quota: 170, actual: 176, difference: 6 });
    expect(cadres(row(ab.id).rolledUp)).toMatchObject({ quota: 170, actual: 177, difference: 7 });
    expect(row(ab.id).own.find((x) => x.category === 'contract')).toMatchObject({ quota: 0, actual: 3 });
    expect(cadres(row(ids['A.D1.X']!).own)).toMatchObject({ quota: 0, actual: 1 });
    expect(table.verdicts.filter((v) => v.ruleId === 'staffing.over-quota').map((v) => v.subjectId)).toEqual([ab.id]);
    // exactly at the quota is not over it
    await setQuota(db.db, null, { organizationId: ab.id, year: 2025, category: 'cadre_civil_servant', quota: 177 });
    const again = await staffingTable(db.db, admin(), { organizationId: ab.id, year: 2025 });
    expect(again.verdicts.filter((v) => v.ruleId === 'staffing.over-quota')).toEqual([]);
  });

  it('moves job positions with their people: same name, category and rank become one with the counts added; reverts', async () => {
    const job = (unit: string, name: string, count: number) =>
      createJobPosition(db.db, null, {
        organizationId: ids[unit]!,
        name,
        category: 'professional',
        requiredRank: 'Chuyên viên',
        count,
        validFrom: '2023-01-01',
      });
    const a = await job('A', 'Chuyên viên tổng hợp', 3);
    const b = await job('B', 'Chuyên viên tổng hợp', 2);
    const archivist = await job('B', 'Văn thư lưu trữ', 1);
    await assignJobPosition(db.db, null, a.id, { personId: personId(), personName: 'Trần Thị Hoa', from: '2023-02-01' });
    await assignJobPosition(db.db, null, archivist.id, { personId: personId(), personName: 'Lê Văn Nam', from: '2023-02-01' });

    const unmapped = await previewRestructuring(
      db.db,
      admin(),
      mergePlan({ jobPositions: [{ jobPositionId: a.id, to: { key: 'AB' } }] }),
    ).catch((e: unknown) => e as Error);
    expect(unmapped).toMatchObject({ code: 'VALIDATION' });
    expect((unmapped as Error).message).toContain('Vị trí việc làm "Chuyên viên tổng hợp — Tỉnh ủy B" chưa được ánh xạ');
    expect((unmapped as Error).message).toContain('Văn thư lưu trữ — Tỉnh ủy B');

    const mapped = mergePlan({
      jobPositions: [
        { jobPositionId: a.id, to: { key: 'AB' } },
        { jobPositionId: b.id, to: { key: 'AB' } },
        { jobPositionId: archivist.id, to: null },
      ],
    });
    const preview = await previewRestructuring(db.db, admin(), mapped);
    expect(preview.changes.filter((c) => c.entity === 'job_position').map((c) => c.action)).toEqual([
      'job.open',
      'job.close',
      'job.close',
      'job.close',
    ]);
    expect(preview.changes.find((c) => c.action === 'job.open')!.description).toContain('"Chuyên viên tổng hợp" (5)');
    expect(preview.changes.filter((c) => c.entity === 'job_position_assignment').map((c) => c.action)).toEqual([
      'job.assignment.move',
      'job.assignment.end',
    ]);

    const { event } = await applyRestructuring(db.db, admin(), mapped);
    const ab = (await treeAsOf(db.db, admin(), { asOf: '2025-07-01', parentId: ids.R })).items[0]!;
    const after = await listJobPositions(db.db, admin(), ab.id, '2025-07-01');
    expect(after.items.map((j) => [j.name, j.count, j.assigned])).toEqual([['Chuyên viên tổng hợp', 5, 1]]);
    expect((await listJobPositions(db.db, admin(), ids.A!, '2025-07-01')).items).toEqual([]);
    expect((await listJobPositions(db.db, admin(), ids.B!, '2025-06-30')).items.map((j) => j.assigned)).toEqual([0, 1]);

    await revertRestructuring(db.db, admin(), event.id);
    expect((await listJobPositions(db.db, admin(), ids.B!, '2025-07-01')).items.map((j) => [j.name, j.assigned])).toEqual([
      ['Chuyên viên tổng hợp', 0],
      ['Văn thư lưu trữ', 1],
    ]);
    expect((await listJobPositions(db.db, admin(), ids.A!, '2025-07-01')).items.map((j) => j.assigned)).toEqual([1]);
  });

  it('rejects a merge that leaves a person or a child unit unmapped, naming them, and changes nothing', async () => {
    const missing = mergePlan({
      people: Object.values(people)
        .slice(1)
        .map((id) => ({ incumbentId: id, to: 'follow' as const })),
      children: [],
    });
    const err = (await applyRestructuring(db.db, admin(), missing).catch((e: unknown) => e)) as Error & {
      details: { message: string }[];
    };
    expect(err).toMatchObject({ code: 'VALIDATION' });
    expect(err.message).toContain('Bí thư A');
    expect(err.message).toContain('Huyện ủy D1');
    expect(await namesOn('2025-07-01')).toEqual(['Tỉnh ủy A', 'Tỉnh ủy B']);
  });

  it('applies a merge: the tree as of the day before and the day of, seats and people moved, lineage grants, then reverts it', async () => {
    const { event } = await applyRestructuring(db.db, admin(), mergePlan());
    expect(await namesOn('2025-06-30')).toEqual(['Tỉnh ủy A', 'Tỉnh ủy B']);
    expect(await namesOn('2025-07-01')).toEqual(['Tỉnh ủy AB']);
    const ab = (await treeAsOf(db.db, admin(), { asOf: '2025-07-01', parentId: ids.R })).items[0]!;
    const sub = await subtreeAsOf(db.db, admin(), ab.id, '2025-07-01');
    expect(sub.items.map((n) => n.name)).toEqual(['Tỉnh ủy AB', 'Huyện ủy D1', 'Đảng ủy xã X']);
    // the grandchild moved with its parent: its path is under the new unit
    expect((await findOrganization(db.db, ids['A.D1.X']!))!.path.startsWith(`/${ids.R}/${ab.id}/`)).toBe(true);
    const onDay = await listPositions(db.db, admin(), { organizationId: ab.id, asOf: '2025-07-01', limit: 50, offset: 0 });
    expect(onDay.items.map((p) => [p.titleName, p.incumbents.length])).toEqual([
      ['Bí thư Tỉnh ủy, Thành ủy', 2],
      ['Phó Bí thư Tỉnh ủy, Thành ủy', 4],
    ]);
    expect(onDay.problems.map((p) => p.ruleId).sort()).toEqual([
      'positions.deputy-cap',
      'positions.seat-count',
      'positions.seat-count',
    ]);
    const before = await listPositions(db.db, admin(), { organizationId: ids.A!, asOf: '2025-06-30', limit: 50, offset: 0 });
    expect(before.items[0]!.incumbents[0]!.personName).toBe('Bí thư A');
    // the staff placements followed the people: A until the day before, AB from the effective date
    const { person_id: secretaryA } = await db.db
      .selectFrom('position_incumbents')
      .select('person_id')
      .where('id', '=', people['A.BT']!)
      .executeTakeFirstOrThrow();
    const stays = async () =>
      (await placementsOfPerson(db.db, secretaryA)).map((p) => [p.organization_id, p.valid_from, p.valid_to]);
    expect((await stays()).slice(-2)).toEqual([
      [ids.A, expect.any(String), '2025-07-01'],
      [ab.id, '2025-07-01', null],
    ]);

    // an officer of closed A now works in AB; an officer of AB sees A's and B's history
    const officerOfA = await withLineage(db.db, [
      { role: 'officer', organizationId: ids.A!, organizationName: 'A', path: `/${ids.R}/${ids.A}/` },
    ]);
    expect(officerOfA.map((g) => g.organizationId)).toEqual([ids.A]);
    expect(officerOfA[0]!.lineagePaths).toEqual([`/${ids.R}/${ab.id}/`]);
    const officerOfAB = await withLineage(db.db, [
      { role: 'officer', organizationId: ab.id, organizationName: 'AB', path: `/${ids.R}/${ab.id}/` },
    ]);
    expect(officerOfAB[0]!.lineagePaths!.sort()).toEqual([`/${ids.R}/${ids.A}/`, `/${ids.R}/${ids.B}/`].sort());
    const abOfficer: Actor = { userId: 'o', username: 'o', grants: officerOfAB };
    expect((await treeAsOf(db.db, abOfficer, { asOf: '2025-06-30' })).items.map((n) => n.name).sort()).toEqual([
      'Tỉnh ủy A',
      'Tỉnh ủy B',
    ]);
    expect((await treeAsOf(db.db, abOfficer, { asOf: '2025-07-01' })).items.map((n) => n.name)).toEqual(['Tỉnh ủy AB']);

    await revertRestructuring(db.db, admin(), event.id);
    expect(await namesOn('2025-07-01')).toEqual(['Tỉnh ủy A', 'Tỉnh ủy B']);
    expect((await findOrganization(db.db, ids['A.D1.X']!))!.path).toBe(`/${ids.R}/${ids.A}/${ids['A.D1']}/${ids['A.D1.X']}/`);
    const restored = await listPositions(db.db, admin(), { organizationId: ids.A!, asOf: '2026-01-01', limit: 50, offset: 0 });
    expect(restored.items.map((p) => p.incumbents.length)).toEqual([1, 2]);
    expect((await stays()).slice(-1)).toEqual([[ids.A, expect.any(String), null]]);
    expect((await stays()).some((p) => p[0] === ab.id)).toBe(false);
    await expect(revertRestructuring(db.db, admin(), event.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('merging into an existing unit changes its quota from the effective date, kept as history; the revert removes it', async () => {
    const { event } = await applyRestructuring(
      db.db,
      admin(),
      plan({
        kind: 'merge',
        effectiveDate: '2025-07-01',
        title: 'Nhập tỉnh B vào tỉnh A',
        sources: [ids.B!],
        targetId: ids.A!,
        seats: [seats['B.BT']!, seats['B.PBT']!].map((positionId) => ({ positionId, to: { id: ids.A! } })),
        people: ['B.BT', 'B.PBT1', 'B.PBT2'].map((k) => ({ incumbentId: people[k]!, to: 'follow' as const })),
      }),
    );
    const history = async () =>
      (await quotaHistory(db.db, admin(), { organizationId: ids.A!, year: 2025 })).versions.map((v) => [
        v.quota,
        v.validFrom,
        v.validTo,
        v.byEvent,
      ]);
    expect(await history()).toEqual([
      [100, '2025-01-01', '2025-07-01', false],
      [180, '2025-07-01', null, true],
    ]);
    const cadresOfA = async (asOf: string) =>
      (await staffingTable(db.db, admin(), { organizationId: ids.A!, asOf })).rows[0]!.own.find(
        (f) => f.category === 'cadre_civil_servant',
      );
    // the day before: A's own quota and people (97 in the records, 3 in its seats); from the day: the merged quota,
    // B's people counted into A (79 in the records, its 3 seated people moved with their seats)
    expect(await cadresOfA('2025-06-30')).toMatchObject({ quota: 100, actual: 97 + 3 });
    expect(await cadresOfA('2025-07-01')).toMatchObject({ quota: 180, actual: 97 + 3 + 79 + 3 });
    await revertRestructuring(db.db, admin(), event.id);
    expect(await history()).toEqual([[100, '2025-01-01', null, false]]);
    expect(await cadresOfA('2025-07-01')).toMatchObject({ quota: 100, actual: 97 + 3 });
  });

  it('merging a job position into one of the unit it joins dates the added count; the revert removes it', async () => {
    const job = (unit: string, count: number) =>
      createJobPosition(db.db, null, {
        organizationId: ids[unit]!,
        name: 'Chuyên viên tổng hợp',
        category: 'professional',
        requiredRank: 'Chuyên viên',
        count,
        validFrom: '2023-01-01',
      });
    const a = await job('A', 3);
    const b = await job('B', 2);
    const { event } = await applyRestructuring(
      db.db,
      admin(),
      plan({
        kind: 'merge',
        effectiveDate: '2025-07-01',
        title: 'Nhập tỉnh B vào tỉnh A',
        sources: [ids.B!],
        targetId: ids.A!,
        seats: [seats['B.BT']!, seats['B.PBT']!].map((positionId) => ({ positionId, to: { id: ids.A! } })),
        people: ['B.BT', 'B.PBT1', 'B.PBT2'].map((k) => ({ incumbentId: people[k]!, to: 'follow' as const })),
        jobPositions: [{ jobPositionId: b.id, to: { id: ids.A! } }],
      }),
    );
    const countOn = async (asOf: string) =>
      (await listJobPositions(db.db, admin(), ids.A!, asOf)).items.find((j) => j.id === a.id)!.count;
    expect(await countOn('2025-06-30')).toBe(3);
    expect(await countOn('2025-07-01')).toBe(5);
    const versions = async () =>
      (await jobPositionHistory(db.db, admin(), a.id)).versions.map((v) => [v.count, v.validFrom, v.validTo, v.byEvent]);
    expect(await versions()).toEqual([
      [3, '2023-01-01', '2025-07-01', false],
      [5, '2025-07-01', null, true],
    ]);
    await revertRestructuring(db.db, admin(), event.id);
    expect(await versions()).toEqual([[3, '2023-01-01', null, false]]);
    expect(await countOn('2025-07-01')).toBe(3);
  });

  it('refuses to revert while a later event or a hand-made seat depends on the result', async () => {
    const { event } = await applyRestructuring(db.db, admin(), mergePlan());
    const ab = (await treeAsOf(db.db, admin(), { asOf: '2025-07-01', parentId: ids.R })).items[0]!;
    const rename = await applyRestructuring(
      db.db,
      admin(),
      plan({
        kind: 'rename',
        effectiveDate: '2025-08-01',
        title: 'Đổi tên',
        sources: [ab.id],
        rename: { name: 'Tỉnh ủy AB mới' },
      }),
    );
    await expect(revertRestructuring(db.db, admin(), event.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await revertRestructuring(db.db, admin(), rename.event.id);
    await createPosition(db.db, null, {
      organizationId: ab.id,
      titleId: 'KL-35:CHU_TICH_HDND_TINH',
      seatCount: 1,
      validFrom: '2025-07-02',
    });
    const err = (await revertRestructuring(db.db, admin(), event.id).catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ code: 'CONFLICT' });
    expect(err.message).toContain('positions');
  });

  it('renames keeping the identity, with the old name before the day; rejects a date overlapping a later version', async () => {
    const { event } = await applyRestructuring(
      db.db,
      admin(),
      plan({ kind: 'rename', effectiveDate: '2024-01-01', title: 'Đổi tên', sources: [ids.B!], rename: { name: 'Tỉnh ủy Bê' } }),
    );
    expect(await namesOn('2023-12-31')).toEqual(['Tỉnh ủy A', 'Tỉnh ủy B']);
    expect(await namesOn('2024-01-01')).toEqual(['Tỉnh ủy A', 'Tỉnh ủy Bê']);
    expect((await findOrganization(db.db, ids.B!))!.name).toBe('Tỉnh ủy Bê');
    const err = (await applyRestructuring(
      db.db,
      admin(),
      plan({ kind: 'rename', effectiveDate: '2023-06-01', title: 'x', sources: [ids.B!], rename: { name: 'Z' } }),
    ).catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ code: 'VALIDATION' });
    expect(err.message).toContain('chồng lên');
    await revertRestructuring(db.db, admin(), event.id);
    expect((await findOrganization(db.db, ids.B!))!.name).toBe('Tỉnh ủy B');
  });

  it('moves a unit with its subtree, keeping scope by path, and rejects a cycle', async () => {
    const cycle = await applyRestructuring(
      db.db,
      admin(),
      plan({ kind: 'move', effectiveDate: '2024-01-01', title: 'x', sources: [ids.A!], newParentId: ids['A.D1.X']! }),
    ).catch((e: unknown) => e);
    expect(cycle).toMatchObject({ code: 'VALIDATION' });
    expect((cycle as Error).message).toContain('vòng lặp');
    await applyRestructuring(
      db.db,
      admin(),
      plan({ kind: 'move', effectiveDate: '2024-01-01', title: 'Chuyển D1 về B', sources: [ids['A.D1']!], newParentId: ids.B! }),
    );
    const officerB: Actor = {
      userId: 'b',
      username: 'b',
      grants: [{ role: 'officer', organizationId: ids.B!, organizationName: 'B', path: `/${ids.R}/${ids.B}/` }],
    };
    expect((await treeAsOf(db.db, officerB, { asOf: '2024-01-01', parentId: ids.B })).items.map((n) => n.name)).toEqual([
      'Huyện ủy D1',
    ]);
    expect((await treeAsOf(db.db, officerB, { asOf: '2023-12-31', parentId: ids.B })).items).toEqual([]);
    expect((await findOrganization(db.db, ids['A.D1.X']!))!.path).toBe(`/${ids.R}/${ids.B}/${ids['A.D1']}/${ids['A.D1.X']}/`);
  });

  it('splits a unit: children must each go to one of the new units; the source closes and both are its successors', async () => {
    const base = {
      kind: 'split' as const,
      effectiveDate: '2025-07-01',
      title: 'Chia tách A',
      sources: [ids.A!],
      newUnits: [
        {
          key: 'A1',
          code: 'A1',
          name: 'Tỉnh ủy A1',
          kind: 'party_committee' as const,
          level: 'provincial' as const,
          parentId: ids.R!,
        },
        {
          key: 'A2',
          code: 'A2',
          name: 'Tỉnh ủy A2',
          kind: 'party_committee' as const,
          level: 'provincial' as const,
          parentId: ids.R!,
        },
      ],
      seats: [
        { positionId: seats['A.BT']!, to: { key: 'A1' } },
        { positionId: seats['A.PBT']!, to: { key: 'A2' } },
      ],
      people: [people['A.BT']!, people['A.PBT1']!, people['A.PBT2']!].map((id) => ({ incumbentId: id, to: 'follow' as const })),
    };
    await expect(applyRestructuring(db.db, admin(), plan(base))).rejects.toMatchObject({ code: 'VALIDATION' });
    const { preview } = await applyRestructuring(
      db.db,
      admin(),
      plan({ ...base, children: [{ organizationId: ids['A.D1']!, to: { key: 'A2' } }] }),
    );
    // A's 97 people in the records cannot follow a split by themselves: the preview says they must be placed.
    expect(preview.problems.map((p) => [p.ruleId, p.subjectId])).toEqual([['restructuring.staff-unplaced', ids.A]]);
    expect(preview.problems[0]!.detail).toContain('97 người');
    expect(await namesOn('2025-07-01')).toEqual(['Tỉnh ủy A1', 'Tỉnh ủy A2', 'Tỉnh ủy B']);
    const officerOfA = await withLineage(db.db, [
      { role: 'officer', organizationId: ids.A!, organizationName: 'A', path: `/${ids.R}/${ids.A}/` },
    ]);
    expect(officerOfA[0]!.lineagePaths).toHaveLength(2);
  });

  it('dissolves the district level: children to the province, seats closed, people ended', async () => {
    const x = ids['A.D1.X']!;
    const { event } = await applyRestructuring(
      db.db,
      admin(),
      plan({
        kind: 'dissolve',
        effectiveDate: '2025-07-01',
        title: 'Kết thúc cấp huyện',
        sources: [ids['A.D1']!],
        children: [{ organizationId: x, to: { id: ids.A! } }],
      }),
    );
    expect((await treeAsOf(db.db, admin(), { asOf: '2025-07-01', parentId: ids.A })).items.map((n) => n.id)).toEqual([x]);
    expect((await treeAsOf(db.db, admin(), { asOf: '2025-06-30', parentId: ids.A })).items.map((n) => n.name)).toEqual([
      'Huyện ủy D1',
    ]);
    await revertRestructuring(db.db, admin(), event.id);
    expect((await treeAsOf(db.db, admin(), { asOf: '2025-07-01', parentId: ids.A })).items.map((n) => n.name)).toEqual([
      'Huyện ủy D1',
    ]);
  });

  it('rejects a seat whose title has no row in the catalog in force on the effective date', async () => {
    const d1 = ids['A.D1']!;
    const seat = await createPosition(db.db, null, {
      organizationId: d1,
      titleId: 'KL-35:BI_THU_HUYEN_UY',
      seatCount: 1,
      validFrom: '2022-06-01',
    });
    const err = (await applyRestructuring(
      db.db,
      admin(),
      plan({
        kind: 'dissolve',
        effectiveDate: '2025-10-01',
        title: 'x',
        sources: [d1],
        children: [{ organizationId: ids['A.D1.X']!, to: { id: ids.A! } }],
        seats: [{ positionId: seat.id, to: { id: ids.A! } }],
      }),
    ).catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ code: 'VALIDATION' });
    expect(err.message).toContain('Bí thư Huyện ủy');
  });

  it.each(['rename', 'move', 'split', 'dissolve', 'merge'] as const)(
    'previews a %s exactly as it then applies, and a revert restores the tree on the effective date',
    async (kind) => {
      const E = '2025-07-01';
      const d1 = ids['A.D1']!;
      const x = ids['A.D1.X']!;
      const plans = {
        rename: { sources: [ids.B!], rename: { name: 'Tỉnh ủy B mới' } },
        move: { sources: [d1], newParentId: ids.B! },
        split: {
          sources: [d1],
          newUnits: [
            {
              key: 'P',
              code: 'D1P',
              name: 'Huyện ủy D1 phần 1',
              kind: 'party_committee' as const,
              level: 'district' as const,
              parentId: ids.A!,
            },
            {
              key: 'Q',
              code: 'D1Q',
              name: 'Huyện ủy D1 phần 2',
              kind: 'party_committee' as const,
              level: 'district' as const,
              parentId: ids.A!,
            },
          ],
          children: [{ organizationId: x, to: { key: 'Q' } }],
        },
        dissolve: { sources: [d1], children: [{ organizationId: x, to: { id: ids.A! } }] },
        merge: {},
      };
      const p = kind === 'merge' ? mergePlan() : plan({ kind, effectiveDate: E, title: kind, ...plans[kind] });
      const snapshot = async () =>
        (await subtreeAsOf(db.db, admin(), ids.R!, E)).items.map((n) => `${n.depth}:${n.name}:${n.parentId}`).sort();
      const before = await snapshot();
      const preview = await previewRestructuring(db.db, admin(), p);
      expect(await snapshot()).toEqual(before);
      const { event, preview: applied } = await applyRestructuring(db.db, admin(), p);
      // New units get new ids on each run; names, statuses and verdicts must agree.
      const shape = (r: typeof preview) => ({
        tree: r.tree.map((n) => `${n.name}:${n.status}`).sort(),
        problems: r.problems.map((v) => `${v.ruleId}:${v.detail}`).sort(),
        changes: r.changes.length,
      });
      expect(shape(applied)).toEqual(shape(preview));
      expect(await snapshot()).not.toEqual(before);
      await revertRestructuring(db.db, admin(), event.id);
      expect(await snapshot()).toEqual(before);
    },
  );
});
