import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testDialects } from '../../../test/databases';
import type { Actor } from '../access/access.rules';
import { createOrganization, createRootOrganization } from '../organizations/organization.service';
import { syncTitleCatalog } from '../titles/title.service';
import {
  addIncumbent,
  closePosition,
  createPosition,
  endIncumbent,
  listPositions,
  positionHistory,
  updatePosition,
} from './position.service';
import { closeJobPosition, createJobPosition, assignJobPosition, updateJobPosition } from '../staffing/staffing.service';

const P1 = '01JD0000000000000000000001';
const P2 = '01JD0000000000000000000002';
const P3 = '01JD0000000000000000000003';

describe.each(testDialects())('positions on %s', (dialect) => {
  let db: TestDatabase;
  let provinceId: string;
  let deptId: string;
  let otherId: string;
  let officer: Actor;
  let outsider: Actor;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
    await syncTitleCatalog(db.db);
    const root = await createRootOrganization(db.db, {
      code: 'R',
      name: 'Gốc',
      kind: 'party_committee',
      level: 'central',
      validFrom: '2000-01-01',
    });
    const province = await createOrganization(db.db, null, {
      code: 'P',
      name: 'Tỉnh',
      kind: 'party_committee',
      level: 'provincial',
      parentId: root.id,
      validFrom: '2025-07-01',
    });
    const dept = await createOrganization(db.db, null, {
      code: 'P.SNV',
      name: 'Sở Nội vụ',
      kind: 'state_agency',
      level: 'provincial',
      parentId: province.id,
      validFrom: '2025-07-01',
    });
    const other = await createOrganization(db.db, null, {
      code: 'Q',
      name: 'Tỉnh khác',
      kind: 'party_committee',
      level: 'provincial',
      parentId: root.id,
      validFrom: '2025-07-01',
    });
    [provinceId, deptId, otherId] = [province.id, dept.id, other.id];
    const grant = (id: string, path: string): Actor => ({
      userId: 'u',
      username: 'u',
      grants: [{ role: 'officer', organizationId: id, organizationName: '', path }],
    });
    officer = grant(province.id, `/${root.id}/${province.id}/`);
    outsider = grant(other.id, `/${root.id}/${other.id}/`);
  });
  afterAll(() => db.destroy());

  it('loads both catalog versions and is idempotent', async () => {
    expect(await syncTitleCatalog(db.db)).toBe(0);
  });

  it('rejects a seat whose title is not in the catalog in force on its first day, naming the title', async () => {
    const err = await createPosition(db.db, officer, {
      organizationId: deptId,
      titleId: '368-QD-TW:GIAM_DOC_SO',
      seatCount: 1,
      validFrom: '2025-07-01',
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'VALIDATION' });
    expect((err as Error).message).toContain('368-QD-TW:GIAM_DOC_SO');
    expect((err as Error).message).toContain('01/07/2025');
  });

  it('seats people, refuses a full seat and an overlapping stay, and reports vacancies and term ends', async () => {
    const director = await createPosition(db.db, officer, {
      organizationId: deptId,
      titleId: 'KL-35:GIAM_DOC_SO',
      seatCount: 1,
      termYears: 5,
      validFrom: '2025-07-01',
    });
    const deputies = await createPosition(db.db, officer, {
      organizationId: deptId,
      titleId: 'KL-35:PHO_GIAM_DOC_SO',
      seatCount: 3,
      validFrom: '2025-07-01',
    });
    const first = await addIncumbent(db.db, officer, director.id, {
      personId: P1,
      personName: 'Nguyễn Văn A',
      how: 'appointed',
      from: '2025-07-01',
    });
    expect(first.termEnd).toBe('2030-07-01');
    await expect(
      addIncumbent(db.db, officer, director.id, { personId: P2, personName: 'Trần Văn B', how: 'appointed', from: '2025-08-01' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      addIncumbent(db.db, officer, director.id, {
        personId: P1,
        personName: 'Nguyễn Văn A',
        how: 'appointed',
        from: '2025-08-01',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await addIncumbent(db.db, officer, deputies.id, {
      personId: P2,
      personName: 'Trần Văn B',
      how: 'appointed',
      from: '2025-07-01',
      termEnd: '2026-12-31',
    });

    const onDay = await listPositions(db.db, officer, { organizationId: deptId, asOf: '2026-11-27', limit: 50, offset: 0 });
    expect(onDay.items.map((p) => [p.titleName, p.incumbents.length, p.vacant])).toEqual([
      ['Giám đốc Sở', 1, 0],
      ['Phó Giám đốc Sở', 1, 2],
    ]);
    const vacant = await listPositions(db.db, officer, {
      organizationId: deptId,
      asOf: '2026-11-27',
      vacant: '1',
      limit: 50,
      offset: 0,
    });
    expect(vacant.items.map((p) => p.id)).toEqual([deputies.id]);
    const ending = await listPositions(db.db, officer, {
      organizationId: deptId,
      asOf: '2026-11-27',
      termEndsWithinMonths: 2,
      limit: 50,
      offset: 0,
    });
    expect(ending.items.map((p) => p.id)).toEqual([deputies.id]);
    const before = await listPositions(db.db, officer, { organizationId: deptId, asOf: '2025-06-30', limit: 50, offset: 0 });
    expect(before.total).toBe(0);

    await endIncumbent(db.db, officer, first.id, '2026-01-01');
    const after = await listPositions(db.db, officer, { organizationId: deptId, asOf: '2026-01-01', limit: 50, offset: 0 });
    expect(after.items[0]!.incumbents).toEqual([]);
    await addIncumbent(db.db, officer, director.id, { personId: P3, personName: 'Lê Thị C', how: 'acting', from: '2026-01-01' });
  });

  it('lists a subtree and hides seats outside the actor scope (404 on the organization)', async () => {
    const all = await listPositions(db.db, officer, { organizationId: provinceId, subtree: '1', limit: 50, offset: 0 });
    expect(all.total).toBe(2);
    expect((await listPositions(db.db, outsider, { limit: 50, offset: 0 })).total).toBe(0);
    await expect(listPositions(db.db, outsider, { organizationId: deptId, limit: 50, offset: 0 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      createPosition(db.db, outsider, {
        organizationId: deptId,
        titleId: 'KL-35:GIAM_DOC_SO',
        seatCount: 1,
        validFrom: '2025-07-01',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(otherId).toBeTruthy();
  });

  it('edits a seat and closes it: fewer places than people seated and closing an occupied seat are refused, naming the field', async () => {
    const seat = await createPosition(db.db, officer, {
      organizationId: deptId,
      titleId: 'KL-35:PHO_GIAM_DOC_SO',
      seatCount: 3,
      validFrom: '2025-08-01',
    });
    const inc = await addIncumbent(db.db, officer, seat.id, {
      personId: '01JD0000000000000000000091',
      personName: 'Hoàng Văn Minh',
      how: 'appointed',
      from: '2025-08-01',
    });
    await addIncumbent(db.db, officer, seat.id, {
      personId: '01JD0000000000000000000092',
      personName: 'Vũ Thị Lan',
      how: 'appointed',
      from: '2025-08-01',
    });
    await expect(updatePosition(db.db, officer, seat.id, { seatCount: 1 })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'seatCount' }],
    });
    expect((await updatePosition(db.db, officer, seat.id, { seatCount: 2, termYears: 5, from: '2025-09-01' })).seatCount).toBe(2);
    await expect(updatePosition(db.db, outsider, seat.id, { seatCount: 2 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const occupied = (await closePosition(db.db, officer, seat.id, '2026-01-01').catch((e: unknown) => e)) as Error & {
      details: { path: string }[];
    };
    expect(occupied).toMatchObject({ code: 'VALIDATION', details: [{ path: 'validTo' }] });
    expect(occupied.message).toContain('Hoàng Văn Minh');
    await expect(closePosition(db.db, officer, seat.id, '2025-08-01')).rejects.toMatchObject({ code: 'VALIDATION' });
    // ending both incumbencies on the closing day frees the seat
    await endIncumbent(db.db, officer, inc.id, '2026-01-01');
    const second = (
      await listPositions(db.db, officer, { organizationId: deptId, asOf: '2025-12-31', limit: 50, offset: 0 })
    ).items
      .find((p) => p.id === seat.id)!
      .incumbents.find((p) => p.personName === 'Vũ Thị Lan')!;
    await endIncumbent(db.db, officer, second.id, '2026-01-01');
    const closed = await closePosition(db.db, officer, seat.id, '2026-01-01');
    expect(closed.validTo).toBe('2026-01-01');
    const today = await listPositions(db.db, officer, { organizationId: deptId, asOf: '2026-01-01', limit: 50, offset: 0 });
    expect(today.items.some((p) => p.id === seat.id)).toBe(false);
  });

  it('edits and closes a job position: a count below the people assigned and closing with people in it are refused', async () => {
    const job = await createJobPosition(db.db, officer, {
      organizationId: deptId,
      name: 'Chuyên viên quản lý biên chế',
      category: 'professional',
      requiredRank: 'Chuyên viên',
      count: 2,
      validFrom: '2025-08-01',
    });
    await assignJobPosition(db.db, officer, job.id, {
      personId: '01JD0000000000000000000093',
      personName: 'Đỗ Minh Tú',
      from: '2025-08-01',
    });
    await assignJobPosition(db.db, officer, job.id, {
      personId: '01JD0000000000000000000094',
      personName: 'Phan Thu Hà',
      from: '2025-08-01',
    });
    await expect(updateJobPosition(db.db, officer, job.id, { count: 1 })).rejects.toMatchObject({
      details: [{ path: 'count' }],
    });
    expect(
      await updateJobPosition(db.db, officer, job.id, { count: 3, name: 'Chuyên viên quản lý tổ chức, biên chế' }),
    ).toMatchObject({
      count: 3,
      assigned: 2,
      name: 'Chuyên viên quản lý tổ chức, biên chế',
    });
    const err = (await closeJobPosition(db.db, officer, job.id, '2026-01-01').catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ details: [{ path: 'validTo' }] });
    expect(err.message).toContain('Đỗ Minh Tú');
    await expect(closeJobPosition(db.db, outsider, job.id, '2026-01-01')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps the earlier places of a seat as history: the chart as of a date shows the figures of that date', async () => {
    const seat = await createPosition(db.db, officer, {
      organizationId: deptId,
      titleId: 'KL-35:PHO_GIAM_DOC_SO',
      seatCount: 2,
      termYears: 5,
      validFrom: '2025-07-01',
    });
    await addIncumbent(db.db, officer, seat.id, {
      personId: '01JD0000000000000000000095',
      personName: 'Lê Văn Hùng',
      how: 'appointed',
      from: '2025-07-01',
    });
    // three places from 01/01/2026 (decision), corrected the same day to four
    await updatePosition(db.db, officer, seat.id, { seatCount: 3, from: '2026-01-01', decisionRef: '12/QĐ-UBND' });
    await updatePosition(db.db, officer, seat.id, { seatCount: 4, from: '2026-01-01' });
    const on = async (asOf: string) =>
      (await listPositions(db.db, officer, { organizationId: deptId, asOf, limit: 50, offset: 0 })).items.find(
        (p) => p.id === seat.id,
      );
    expect(await on('2025-12-31')).toMatchObject({ seatCount: 2, vacant: 1 });
    expect(await on('2026-01-01')).toMatchObject({ seatCount: 4, vacant: 3 });
    const history = await positionHistory(db.db, officer, seat.id);
    expect(history.versions).toEqual([
      expect.objectContaining({ seatCount: 2, termYears: 5, validFrom: '2025-07-01', validTo: '2026-01-01' }),
      expect.objectContaining({ seatCount: 4, termYears: 5, validFrom: '2026-01-01', validTo: null, decisionRef: '12/QĐ-UBND' }),
    ]);
    expect(history.incumbents.map((i) => i.personName)).toEqual(['Lê Văn Hùng']);
    // a change dated before the current figures began would rewrite history: refused, naming the field
    await expect(updatePosition(db.db, officer, seat.id, { seatCount: 5, from: '2025-12-01' })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'from' }],
    });
    // closing the seat closes its last version; it is gone from the chart from that day, still there the day before
    await expect(closePosition(db.db, officer, seat.id, '2026-01-01')).rejects.toMatchObject({ details: [{ path: 'validTo' }] });
    const inc = history.incumbents[0]!;
    await endIncumbent(db.db, officer, inc.id, '2026-03-01');
    await closePosition(db.db, officer, seat.id, '2026-03-01');
    expect(await on('2026-02-28')).toMatchObject({ seatCount: 4 });
    expect(await on('2026-03-01')).toBeUndefined();
    expect((await positionHistory(db.db, officer, seat.id)).versions.at(-1)).toMatchObject({ validTo: '2026-03-01' });
    await expect(positionHistory(db.db, outsider, seat.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses fewer places from a day on than people who will hold the seat at once later', async () => {
    const seat = await createPosition(db.db, officer, {
      organizationId: deptId,
      titleId: 'KL-35:PHO_GIAM_DOC_SO',
      seatCount: 3,
      validFrom: '2025-07-01',
    });
    await addIncumbent(db.db, officer, seat.id, { personId: P1, personName: 'Người A', how: 'appointed', from: '2025-07-01' });
    await addIncumbent(db.db, officer, seat.id, { personId: P2, personName: 'Người B', how: 'appointed', from: '2026-02-01' });
    await expect(updatePosition(db.db, officer, seat.id, { seatCount: 1, from: '2026-01-01' })).rejects.toMatchObject({
      details: [{ path: 'seatCount' }],
    });
    expect((await updatePosition(db.db, officer, seat.id, { seatCount: 2, from: '2026-01-01' })).seatCount).toBe(2);
  });
});
