import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS, launchBrowser, screenshotPath, startTestServer } from './harness';

describe('training in the browser: a result proposes the record update; the needs of a plan', () => {
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

  it('the officer records a pass, is told the record waits for approval, and reads the gaps of a planned title', async () => {
    if (!browser || !server) throw new Error('the server and browser did not start');
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      await page.goto(`${server.baseUrl}/login`);
      await page.locator('#username').fill(DEMO_USERS.officer);
      await page.locator('#password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${server.baseUrl}/training`);

      const year = page.getByTestId('training-year');
      await year.fill('2026');
      await year.press('Enter');
      await page.getByRole('cell', { name: 'Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3' }).click();
      const rows = page.getByTestId('enrolment-table').locator('tbody tr');
      await rows.first().getByRole('button', { name: 'Ghi kết quả' }).waitFor();
      const enrolled = await rows.getByRole('button', { name: 'Ghi kết quả' }).count();
      await rows.first().getByRole('button', { name: 'Ghi kết quả' }).click();
      await page.getByLabel('Số chứng chỉ, văn bằng').fill('QPAN-2026-0007');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /OK|Đồng ý/ })
        .click();
      await page.getByText('chờ người có thẩm quyền phê duyệt').waitFor();
      await expect.poll(() => rows.getByRole('button', { name: 'Ghi kết quả' }).count()).toBe(enrolled - 1);
      expect(await page.getByTestId('enrolment-table').textContent()).toContain('Đã đề nghị cập nhật hồ sơ');
      await page.screenshot({ path: screenshotPath('training-result.png'), fullPage: true });
      await page.getByRole('button', { name: 'Close' }).or(page.locator('.ant-drawer-close')).first().click();
      await page.locator('.ant-drawer-mask').waitFor({ state: 'hidden' });

      await page.getByRole('tab', { name: 'Nhu cầu đào tạo theo quy hoạch' }).click();
      const needs = page.getByTestId('needs-table');
      await needs.locator('tbody tr').first().waitFor();
      expect(await needs.textContent()).toMatch(/Lý luận chính trị|Quản lý nhà nước|Đạt tiêu chuẩn/);
      // Each planned person's row opens on every requirement of the title's standards, with its verdict and source.
      await needs.locator('.ant-table-row-expand-icon').first().click();
      const checks = page.getByTestId('needs-checks').first();
      await checks.waitFor({ timeout: 20_000 });
      expect(await checks.textContent()).toContain('Trình độ chuyên môn (văn bằng)');
      expect(await checks.textContent()).toContain('Không thuộc nhu cầu đào tạo');
      await page.screenshot({ path: screenshotPath('training-needs.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 180_000);
});
