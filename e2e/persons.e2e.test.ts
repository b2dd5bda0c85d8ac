import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS, launchBrowser, screenshotPath, startTestServer } from './harness';

describe('cadre records in the browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function asOfficer(run: (page: Page, baseUrl: string) => Promise<void>): Promise<void> {
    const context = await browser!.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server!.baseUrl}/login`);
      await page.locator('#username').fill(DEMO_USERS.officer);
      await page.locator('#password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByTestId('user-menu').waitFor();
      await run(page, server!.baseUrl);
    } finally {
      await context.close();
    }
  }

  it('an officer finds "Nguyễn Văn Đức" typing without diacritics, opens his CV and prints it', async () => {
    await asOfficer(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/persons`);
      await page.getByTestId('person-search').fill('nguyen van duc');
      // Several people share the name; the demo's one is the deputy director of the Home Affairs department.
      const link = page
        .locator('tr', { hasText: 'Sở Nội vụ' })
        .getByTestId('person-link')
        .filter({ hasText: 'Nguyễn Văn Đức' })
        .first();
      await link.waitFor();
      await page.screenshot({ path: screenshotPath('persons-search.png'), fullPage: true });
      await link.click();
      const cv = page.getByTestId('cv');
      await cv.waitFor();
      expect(await cv.textContent()).toContain('Phó Giám đốc Sở');
      await page.screenshot({ path: screenshotPath('person-cv.png') });

      // Print: the PDF button points at the 2C form rendered by LibreOffice.
      const href = await page.getByTestId('print-pdf').getAttribute('href');
      expect(href).toMatch(/\/api\/persons\/[0-9A-Z]{26}\/cv\.pdf/);
      const pdf = await page.request.get(`${baseUrl}${href}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      const docx = await page.request.get(`${baseUrl}${await page.getByTestId('print-docx').getAttribute('href')}`);
      expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
    });
  }, 120_000);

  it('an officer imports a small CSV through the page: dry run with a problem, fix, import', async () => {
    await asOfficer(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/persons/import`);
      const header = 'Họ và tên,Giới tính,Ngày sinh,Dân tộc,Số CCCD,Mã đơn vị,Chức vụ hiện tại';
      const bad = `${header}\nHà Thị Nhập Thử,Nữ,31/02/1990,Tày,008190123456,TQ.SNV,Chuyên viên\n`;
      await page.getByTestId('import-file').setInputFiles({ name: 'thu.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      await page.getByTestId('import-dry-run').click();
      const problems = page.getByTestId('import-problems');
      await problems.waitFor();
      expect(await page.locator('body').textContent()).toContain('31/02/1990');
      await page.screenshot({ path: screenshotPath('persons-import-problems.png'), fullPage: true });

      await page.reload();
      const good = `${header}\nHà Thị Nhập Thử,Nữ,28/02/1990,Tày,008190123456,TQ.SNV,Chuyên viên\n`;
      await page.getByTestId('import-file').setInputFiles({ name: 'thu.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
      await page.getByTestId('import-dry-run').click();
      await page.getByTestId('import-ok').waitFor();
      await page.getByTestId('import-run').click();
      await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
      await page.screenshot({ path: screenshotPath('persons-import-done.png'), fullPage: true });

      await page.goto(`${baseUrl}/persons`);
      await page.getByTestId('person-search').fill('ha thi nhap thu');
      await page.getByTestId('person-link').filter({ hasText: 'Hà Thị Nhập Thử' }).waitFor();
    });
  }, 120_000);

  it('an officer fills a new 2C record through the form, fixes the fields it names, edits it into a new version, compares, and is told why a photo is refused', async () => {
    await asOfficer(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/persons/edit`);
      await page.getByTestId('field-fullName').fill('Lò Văn Biểu Mẫu');
      await page.getByTestId('field-birthDate').fill('31/02/1985');
      await page.getByTestId('field-cccd').fill('008085004321');
      const org = page.locator('.ant-form-item', { hasText: 'Đơn vị công tác' }).locator('.ant-select');
      await org.click();
      await page.keyboard.type('Sở Nội vụ');
      await page.locator('.ant-select-item-option', { hasText: 'TQ.SNV' }).first().click();
      // A work-history row with a date that does not exist.
      await page.getByTestId('add-workHistory').click();
      const work = page.getByTestId('row-workHistory').first();
      await work.locator('input').nth(0).fill('03/2008');
      await work.locator('input').nth(1).fill('32/13/2010');
      await work.locator('input').nth(3).fill('Chuyên viên');
      // The unit is in the tree: linking the row to it writes its name into the row.
      await work.getByTestId('work-org-link-0').click();
      await page.keyboard.type('Sở Nội vụ');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'TQ.SNV' }).first().click();
      await expect.poll(() => work.locator('input').nth(5).inputValue(), { timeout: 30_000 }).toBe('Sở Nội vụ tỉnh Tuyên Quang');
      await page.getByTestId('save-person').click();
      const errors = page.getByTestId('form-errors');
      await errors.waitFor({ timeout: 30_000 });
      await expect.poll(() => errors.textContent(), { timeout: 30_000 }).toContain('Ngày sinh: ngày không hợp lệ');
      expect(await errors.textContent()).toContain('Quá trình công tác, dòng 1, Đến: ngày không hợp lệ');
      await page.screenshot({ path: screenshotPath('person-form-errors.png'), fullPage: true });

      await page.getByTestId('field-birthDate').fill('15/03/1985');
      await work.locator('input').nth(1).fill('');
      await page.getByTestId('save-person').click();
      await page.waitForURL(/\/persons\/edit\?id=[0-9A-Z]{26}/, { timeout: 30_000 });
      await expect.poll(() => page.locator('body').textContent(), { timeout: 30_000 }).toContain('Phiên bản 1');
      const savedId = new URL(page.url()).searchParams.get('id');
      const saved = (await (await page.request.get(`${baseUrl}/api/persons/${savedId}`)).json()) as {
        record: { workHistory: { organizationId: string | null; organizationName: string }[] };
      };
      expect(saved.record.workHistory[0]).toMatchObject({ organizationName: 'Sở Nội vụ tỉnh Tuyên Quang' });
      expect(saved.record.workHistory[0]!.organizationId).toMatch(/^[0-9A-Z]{26}$/);

      // An edit makes version 2; the changes since version 1 name the field.
      await page.locator('.ant-form-item', { hasText: 'Chức vụ hiện tại' }).locator('input').fill('Phó Trưởng phòng');
      await page.getByTestId('save-person').click();
      await expect.poll(() => page.locator('body').textContent(), { timeout: 30_000 }).toContain('Phiên bản 2');
      await page.getByTestId('since-version').click();
      await page.locator('.ant-select-item-option', { hasText: 'Phiên bản 1' }).click();
      const changes = page.getByTestId('changes-since');
      await expect.poll(() => changes.textContent(), { timeout: 30_000 }).toContain('Từ phiên bản 1 đến phiên bản 2');
      expect(await changes.textContent()).toContain('Chức vụ hiện tại');
      expect(await changes.textContent()).toContain('Phó Trưởng phòng');

      // The record as of today: read only, with the version shown.
      const today = new Date().toISOString().slice(0, 10).split('-').reverse().join('/');
      const asOf = page.locator('input[data-testid="as-of"], [data-testid="as-of"] input').first();
      await asOf.click();
      await asOf.fill(today);
      await asOf.press('Enter');
      await expect.poll(() => page.locator('body').textContent(), { timeout: 30_000 }).toContain('chỉ xem, không sửa được');
      expect(await page.getByTestId('save-person').isDisabled()).toBe(true);
      await page.reload();
      await page.getByTestId('photo-upload').waitFor();

      // A photo over the size limit is refused with its size and the limit; a small PNG is taken.
      const input = page.locator('input[type=file]');
      await input.setInputFiles({ name: 'to.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(700 * 1024, 0xff) });
      await expect.poll(() => page.getByTestId('photo-error').textContent(), { timeout: 30_000 }).toContain('vượt quá 512 KB');
      await input.setInputFiles({ name: 'anh.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
      await expect
        .poll(() => page.getByTestId('photo-error').textContent(), { timeout: 30_000 })
        .toContain('không phải JPEG hoặc PNG');
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      );
      await input.setInputFiles({ name: 'anh.png', mimeType: 'image/png', buffer: png });
      await page.locator('img[alt="Ảnh 4x6"]').waitFor({ timeout: 30_000 });
      await page.screenshot({ path: screenshotPath('person-form.png'), fullPage: true });
    });
  }, 180_000);

  it('an officer imports the work history and family of an existing record from a workbook: problems named by sheet, row and column, fixed, imported all at once', async () => {
    await asOfficer(async (page, baseUrl) => {
      // The record to complete: the demo's Nguyễn Văn Đức of the Home Affairs department.
      const found = await page.request.get(`${baseUrl}/api/persons?q=${encodeURIComponent('nguyen van duc')}&limit=50`);
      const duc = ((await found.json()) as { items: { id: string; cccd: string | null; organizationName: string }[] }).items.find(
        (i) => i.organizationName.includes('Sở Nội vụ') && i.cccd,
      )!;
      const version = async () =>
        ((await (await page.request.get(`${baseUrl}/api/persons/${duc.id}`)).json()) as { version: number }).version;
      const before = await version();
      const book = async (bad: boolean) => {
        const wb = new ExcelJS.Workbook();
        const work = wb.addWorksheet('Quá trình công tác');
        work.addRow(['Số CCCD', 'Từ', 'Đến', 'Chức danh, chức vụ', 'Cơ quan, đơn vị']);
        work.addRow([duc.cccd, '08/1998', '12/2009', 'Chuyên viên', 'Sở Nội vụ tỉnh Hà Giang']);
        work.addRow([duc.cccd, '01/2010', bad ? '31/02/2015' : '', 'Phó Giám đốc Sở', 'Sở Nội vụ tỉnh Tuyên Quang']);
        const family = wb.addWorksheet('Quan hệ gia đình');
        family.addRow(['Số CCCD', 'Bên', 'Quan hệ', 'Họ và tên', 'Năm sinh', 'Nghề nghiệp, nơi làm việc']);
        family.addRow([duc.cccd, 'Bản thân', bad ? 'Chú họ' : 'Bố', 'Nguyễn Văn Cả', 1948, 'Làm ruộng']);
        return { name: 'cac-bang.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
      };

      await page.goto(`${baseUrl}/persons/import`);
      const card = page.getByTestId('section-import');
      await card.getByTestId('section-file').setInputFiles(await book(true));
      await card.getByTestId('section-dry-run').click();
      await card.getByTestId('section-problems').waitFor({ timeout: 30_000 });
      const rows = card.locator('.ant-table-row');
      await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
      const problems = (await rows.allTextContents()).join(' | ');
      expect(problems).toContain('Quá trình công tác3Đến');
      expect(problems).toContain('31/02/2015');
      expect(problems).toContain('Quan hệ gia đình2Quan hệ');
      expect(problems).toContain('Chú họ');
      expect(await card.getByTestId('section-run').isDisabled()).toBe(true);
      await page.screenshot({ path: screenshotPath('persons-section-import-problems.png'), fullPage: true });
      expect(await version()).toBe(before);

      await card.getByTestId('section-file').setInputFiles(await book(false));
      await card.getByTestId('section-dry-run').click();
      await card.getByTestId('section-ok').waitFor({ timeout: 30_000 });
      expect(await version()).toBe(before);
      await card.getByTestId('section-run').click();
      await card.getByTestId('section-done').waitFor({ timeout: 30_000 });
      await page.screenshot({ path: screenshotPath('persons-section-import-done.png'), fullPage: true });
      expect(await version()).toBe(before + 1);

      // Both sheets landed in one new version of the record: the CV shows them.
      await page.goto(`${baseUrl}/persons`);
      await page.getByTestId('person-search').fill('nguyen van duc');
      await page
        .locator('tr', { hasText: 'Sở Nội vụ' })
        .getByTestId('person-link')
        .filter({ hasText: 'Nguyễn Văn Đức' })
        .first()
        .click();
      const cv = page.getByTestId('cv');
      await cv.waitFor();
      await expect.poll(() => cv.textContent(), { timeout: 30_000 }).toContain('Sở Nội vụ tỉnh Hà Giang');
      expect(await cv.textContent()).toContain('Nguyễn Văn Cả');
    });
  }, 180_000);
});
