import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
