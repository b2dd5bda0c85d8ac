import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFoundationDemo } from '../../../scripts/demo/foundation.demo';
import { type TestDatabase, createTestDatabase, testDialects } from '../../../test/databases';
import { AppError } from '../../http/errors';
import { findOrganizationByCode } from '../organizations/organization.repository';
import { syncTitleCatalog } from '../titles/title.service';
import { buildRecord } from './person.fixtures';
import { importSections } from './person.import.service';
import { createPerson } from './person.service';

describe.each(testDialects())('work-history rows linked to the organization tree and the title catalog on %s', (dialect) => {
  let database: TestDatabase;
  let snvId: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await loadFoundationDemo(database.db);
    await syncTitleCatalog(database.db);
    snvId = (await findOrganizationByCode(database.db, 'TQ.SNV'))!.id;
  });
  afterAll(async () => {
    await database.destroy();
  });

  const row = (over: object) => ({
    from: '2010-01',
    to: null,
    organizationId: null,
    organizationName: 'Sở Nội vụ tỉnh Tuyên Quang',
    titleCode: null,
    titleName: 'Giám đốc Sở',
    ...over,
  });
  const failure = async (p: Promise<unknown>) => {
    const e = await p.then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).details.map((d) => [d.path, d.message]);
  };

  it('stores a row linked to a unit of the tree and a catalog title, beside a free-text row for a unit that no longer exists', async () => {
    const p = await createPerson(
      database.db,
      null,
      buildRecord({
        organizationId: snvId,
        cccd: '008075000101',
        workHistory: [
          row({ from: '1998-08', to: '2009-12', organizationName: 'Sở Nội vụ tỉnh Hà Giang (cũ)', titleName: 'Chuyên viên' }),
          row({ organizationId: snvId, titleCode: 'GIAM_DOC_SO' }),
        ],
      }),
    );
    expect(p.record.workHistory.map((w) => [w.organizationId, w.titleCode])).toEqual([
      [null, null],
      [snvId, 'GIAM_DOC_SO'],
    ]);
  });

  it('refuses a link to a unit or a title code that does not exist, naming the row and the field', async () => {
    const issues = await failure(
      createPerson(
        database.db,
        null,
        buildRecord({
          organizationId: snvId,
          cccd: '008075000102',
          workHistory: [row({}), row({ organizationId: '01JD0000000000000000000000', titleCode: 'KHONG_CO' })],
        }),
      ),
    );
    expect(issues).toEqual([
      ['workHistory.1.organizationId', 'Quá trình công tác, dòng 2: đơn vị liên kết không có trong hệ thống'],
      ['workHistory.1.titleCode', 'Quá trình công tác, dòng 2: mã chức danh KHONG_CO không có trong danh mục'],
    ]);
    expect(
      await database.db.selectFrom('persons').select('id').where('cccd', '=', '008075000102').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('links imported work-history rows by unit code and title code, and names the column of a code nobody knows', async () => {
    const cccd = '008075000103';
    const p = await createPerson(database.db, null, buildRecord({ organizationId: snvId, cccd, workHistory: [] }));
    const book = async (bad: boolean) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Quá trình công tác');
      ws.addRow(['Số CCCD', 'Từ', 'Đến', 'Chức danh, chức vụ', 'Cơ quan, đơn vị', 'Mã đơn vị', 'Mã chức danh']);
      ws.addRow([cccd, '08/1998', '12/2009', 'Chuyên viên', 'Sở Nội vụ tỉnh Hà Giang (cũ)', '', '']);
      ws.addRow([cccd, '01/2010', '', 'Giám đốc Sở', 'Sở Nội vụ', bad ? 'TQ.KHONG' : 'TQ.SNV', bad ? 'KHONG_CO' : 'GIAM_DOC_SO']);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const dry = await importSections(database.db, null, 'a.xlsx', await book(true), true);
    expect(dry.problems.map((x) => `${x.row} ${x.column}: ${x.message}`)).toEqual([
      '3 Mã đơn vị: không có đơn vị mã "TQ.KHONG"',
      '3 Mã chức danh: mã chức danh "KHONG_CO" không có trong danh mục',
    ]);
    const done = await importSections(database.db, null, 'a.xlsx', await book(false), false);
    expect([done.problemCount, done.updated]).toEqual([0, 1]);
    const after = await database.db.selectFrom('persons').select('data_json').where('id', '=', p.id).executeTakeFirstOrThrow();
    const work = (JSON.parse(after.data_json) as { workHistory: { organizationId: string | null; titleCode: string | null }[] })
      .workHistory;
    expect(work.map((w) => [w.organizationId, w.titleCode])).toEqual([
      [null, null],
      [snvId, 'GIAM_DOC_SO'],
    ]);
  });
});
