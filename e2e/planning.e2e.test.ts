import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS, launchBrowser, screenshotPath, startTestServer } from './harness';

describe('planning a seat in the browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an officer creates a cycle, plans a seat with the finder, sees a violation with its citation, records the exception and a recommendation round, and submits', async () => {
    if (!browser || !server) throw new Error('the server and browser did not start');
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    // The finder judges every person in the province: give each step room when the whole suite runs at once.
    page.setDefaultTimeout(90_000);
    try {
      const baseUrl = server.baseUrl;
      await page.goto(`${baseUrl}/login`);
      await page.locator('#username').fill(DEMO_USERS.officer);
      await page.locator('#password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((u) => u.pathname !== '/login');

      // The demo plan of the province is listed.
      await page.goto(`${baseUrl}/planning`);
      await page.getByText('Quy hoạch lãnh đạo chủ chốt tỉnh Tuyên Quang nhiệm kỳ 2026–2031').waitFor();

      // A new cycle for the province, its age reference date chosen from the pack in force.
      await page.getByTestId('planning-create').click();
      await page.locator('#planning-org').click();
      await page.locator('#planning-org').fill('Đảng bộ tỉnh Tuyên Quang');
      await page.locator('.ant-select-item-option').filter({ hasText: 'Đảng bộ tỉnh Tuyên Quang (TQ)' }).click();
      await page.getByTestId('planning-name').fill('Quy hoạch Giám đốc Sở Nội vụ 2026–2031');
      await page.getByTestId('planning-authority').fill('Ban Thường vụ Tỉnh ủy');
      await page.getByTestId('planning-reference').click();
      await page.locator('.ant-select-item-option').filter({ hasText: 'Tỉnh và trực thuộc Trung ương' }).click();
      await page.getByRole('button', { name: 'Tạo kỳ quy hoạch' }).last().click();
      await page.waitForURL((u) => u.search.startsWith('?id='));

      // A plan for one seat, found by the server-side search typed without diacritics.
      await page.getByTestId('planning-seat').click();
      await page.keyboard.type('giam doc so noi vu');
      await page
        .locator('.ant-select-item-option')
        .filter({ hasText: /^Giám đốc Sở — Sở Nội vụ/ })
        .first()
        .click();
      await page.getByTestId('planning-add-seat').click();
      await page.getByTestId('planning-plan').waitFor();

      // The finder: people one requirement short show what they lack; one of them goes in.
      await page.getByTestId('planning-finder').click();
      await page.getByTestId('finder-one-short').click();
      const shortRow = page.locator('.ant-drawer tr').filter({ hasText: '✗' }).first();
      await shortRow.waitFor();
      // Language and IT below the title's standard are training needs, shown beside the person, never a reason to drop him.
      const gap = page.getByTestId('finder-training-gap').first();
      await gap.waitFor();
      expect(await gap.textContent()).toMatch(/Cần bồi dưỡng.*(ngoại ngữ|tin học)|Hồ sơ (chưa ghi|ghi)/);
      // Why this person stands first: closeness to the title, then the criteria, one line each.
      await shortRow.getByTestId('finder-position').click();
      const why = page.getByTestId('finder-why');
      await why.waitFor();
      expect(await why.locator('li').first().textContent()).toMatch(/cấp|danh mục/);
      expect(await why.textContent()).toContain('Thiếu 1 điều kiện');
      await shortRow.getByTestId('finder-position').click();
      await why.waitFor({ state: 'hidden' });
      await shortRow.getByTestId('finder-add').click();
      await page.getByText('Đã đưa vào quy hoạch').waitFor();
      await page.locator('.ant-drawer-close').click();

      // The violation is shown with its citation and blocks submission.
      const violation = page.getByTestId('planning-plan').getByTestId('record-exception').first();
      await violation.waitFor();
      // The person the finder offered lacks one requirement: the 377-QĐ/TW standard or the low-vote rule of 96-QĐ/TW.
      expect(await page.getByTestId('planning-plan').getByTestId('citation').first().textContent()).toMatch(/(377|96)-QĐ\/TW/);
      expect(await page.getByTestId('planning-blocking').textContent()).toContain('vi phạm');
      await page.screenshot({ path: screenshotPath('planning-violation.png'), fullPage: true });

      // The competent level's decision is recorded as an exception.
      await violation.click();
      await page.getByTestId('exception-ref').fill('Văn bản số 15-CV/TU');
      await page.getByTestId('exception-by').fill('Ban Thường vụ Tỉnh ủy');
      await page.getByTestId('exception-reason').fill('Cán bộ có năng lực nổi trội');
      await page.getByRole('button', { name: 'Ghi ngoại lệ' }).last().click();
      await page.getByText('Không còn vi phạm chặn việc trình').waitFor();

      // The person's training needs against the seat's standards: in the list and, for the whole plan, in a drawer.
      await page.getByTestId('planning-training-open').click();
      await page.getByTestId('needs-table').waitFor();
      await page.getByTestId('planning-training').locator('.ant-drawer-close').click();

      // The page lists what fails or warns; every check, the passed ones too, opens from the person's row.
      await page.getByTestId('planning-plan').getByTestId('candidate-all-checks').first().click();
      const checks = page.getByTestId('planning-checks');
      await checks.getByTestId('check-passed').first().waitFor();
      expect(await checks.textContent()).toMatch(/Căn cứ/);
      expect(await checks.getByTestId('check-passed').count()).toBeGreaterThan(0);
      await checks.locator('.ant-drawer-close').click();

      // Rounds: the leadership's proposal recorded from its minutes, judged against >1/2 of those summoned.
      await page.getByTestId('planning-next-status').click();
      await page.getByTestId('planning-status').filter({ hasText: 'Đang lấy ý kiến giới thiệu' }).waitFor();
      await page.getByTestId('tab-rounds').click();
      await page.getByTestId('round-new').click();
      await page.getByTestId('round-summoned').fill('9');
      await page.getByTestId('round-present').fill('9');
      await page.getByTestId('round-participants').fill('Ban Giám đốc và cấp ủy Sở Nội vụ');
      await page.getByTestId('round-documents').fill('12-BB/SNV — Biên bản hội nghị lãnh đạo đề xuất');
      await page.getByTestId('round-agree').first().fill('8');
      await page.getByTestId('round-disagree').first().fill('1');
      await page.getByTestId('round-save').click();
      const result = page.getByTestId('round-result').first();
      await result.filter({ hasText: 'Được giới thiệu tiếp' }).waitFor();
      expect(await result.textContent()).toContain('8/9');
      expect(await result.getByTestId('citation').textContent()).toContain('377-QĐ/TW');
      await page.screenshot({ path: screenshotPath('planning-round.png'), fullPage: true });

      // Then submission.
      await page.getByTestId('planning-next-status').click();
      await page.getByTestId('planning-status').filter({ hasText: 'Đã trình' }).waitFor();
      await page.screenshot({ path: screenshotPath('planning-submitted.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 300_000);
});
