import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS, launchBrowser, screenshotPath, startTestServer } from './harness';

describe('evaluation in the browser: self-assessment → appraisal → decision against the quota', () => {
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

  async function asUser(username: string, run: (page: Page) => Promise<void>): Promise<void> {
    if (!browser || !server) throw new Error('the server and browser did not start');
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1440, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/login`);
      await page.locator('#username').fill(username);
      await page.locator('#password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${server.baseUrl}/evaluations`);
      await run(page);
    } finally {
      await context.close();
    }
  }

  // The demo has a 2026 cycle too (listed first): the journey works in the 2025 one.
  async function openCycle(page: Page, year: number): Promise<void> {
    const opened = page.getByTestId('cycle-select').filter({ hasText: `Đánh giá, xếp loại năm ${year}` });
    // A pick clicked while the dropdown is still opening is lost: confirm it and pick again.
    for (let attempt = 1; ; attempt++) {
      await page.getByTestId('cycle-select').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `năm ${year}` })
        .first()
        .click();
      try {
        await opened.waitFor({ timeout: 5_000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  async function fillSheet(page: Page, prefix: string, general: number[], results: number): Promise<void> {
    const keys = ['politics', 'ethics', 'discipline', 'style', 'service'];
    for (const [i, key] of keys.entries()) await page.getByTestId(`${prefix}-${key}`).fill(String(general[i]));
    await page.getByTestId(`${prefix}-results`).fill(String(results));
  }

  it('the officer records the self-assessment and the appraisal; the leader meets the quota message, moves one person and decides', async () => {
    await asUser(DEMO_USERS.officer, async (page) => {
      await openCycle(page, 2025);
      await page.getByRole('cell', { name: 'Bế Thị Dung' }).click();
      const drawer = page.getByTestId('evaluation-drawer');
      await drawer.waitFor();
      await page.getByTestId('evaluation-status').filter({ hasText: 'Chờ tự đánh giá' }).waitFor();

      await fillSheet(page, 'self', [6, 6, 6, 6, 4], 65);
      // The total follows the fields as they are typed: wait for it rather than read it at once.
      await page.getByTestId('self-total').filter({ hasText: '93' }).waitFor();
      await page.getByTestId('self-submit').click();
      await page.getByTestId('evaluation-status').filter({ hasText: 'Chờ thẩm định' }).waitFor();

      await page.getByTestId('appraisal-results').fill('64');
      await page.getByTestId('appraisal-submit').click();
      await page.getByTestId('evaluation-status').filter({ hasText: 'Chờ cấp có thẩm quyền quyết định' }).waitFor();
      await page.getByTestId('evaluation-proposed').filter({ hasText: 'HTXSNV' }).waitFor();
      expect(await page.getByTestId('evaluation-verdicts').textContent()).toContain('366-QĐ/TW');
      await page.screenshot({ path: screenshotPath('evaluation-appraisal.png'), fullPage: true });
    });

    await asUser(DEMO_USERS.leader, async (page) => {
      await openCycle(page, 2025);
      await page.getByRole('tab', { name: 'Nhóm so sánh và quyết định' }).click();
      const group = page.getByTestId('group-Công chức Sở Nội vụ');
      const whatIf = group.getByTestId('quota-view');
      await whatIf.filter({ hasText: 'Bế Thị Dung' }).waitFor();
      expect(await whatIf.textContent()).toContain('Xuất sắc 2 / tối đa 1 (20% của 5 người hoàn thành tốt)');

      await group.getByTestId('decide-Công chức Sở Nội vụ').click();
      const refused = group.getByTestId('decision-error');
      await refused.waitFor();
      const text = await refused.textContent();
      expect(text).toContain('Vượt tỷ lệ hoàn thành xuất sắc nhiệm vụ của nhóm "Công chức Sở Nội vụ"');
      expect(text).toContain('Cần chuyển 1 người xuống "Hoàn thành tốt nhiệm vụ": Bế Thị Dung');
      await page.screenshot({ path: screenshotPath('evaluation-quota-refused.png'), fullPage: true });

      const level = group.getByTestId('level-Bế Thị Dung');
      for (let attempt = 1; ; attempt++) {
        await level.click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'HTTNV' }).click();
        try {
          await level.filter({ hasText: 'HTTNV' }).waitFor({ timeout: 5_000 });
          break;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
      await group.getByTestId('decide-Công chức Sở Nội vụ').click();
      await group.getByText('Không có phiếu nào chờ quyết định trong nhóm này.').waitFor();
      await whatIf.filter({ hasText: 'Trong tỷ lệ cho phép.' }).waitFor();
      expect(await whatIf.textContent()).toContain('Xuất sắc 1 / tối đa 1 (20% của 6 người hoàn thành tốt)');
      await page.screenshot({ path: screenshotPath('evaluation-decided.png'), fullPage: true });
    });
  });

  it('a "not complete" rating in the report leads the officer to start the dismissal of that person (NĐ 170/2025)', async () => {
    await asUser(DEMO_USERS.officer, async (page) => {
      await page.getByRole('tab', { name: 'Báo cáo' }).click();
      const year = page.getByTestId('report-year');
      await year.fill('2024');
      await year.press('Enter');
      const start = page.locator('[data-testid^="start-dismissal-"]').first();
      await start.waitFor({ timeout: 20_000 });
      const alert = page.locator('.ant-alert', { has: start });
      expect(await alert.textContent()).toContain('Nghị định 170/2025');
      const name = (await alert.locator('.ant-alert-title').textContent())!.split(' — ')[0]!;
      await start.click();
      const drawer = page.getByRole('dialog');
      await drawer.getByTestId('start-submit').waitFor();
      await expect.poll(async () => drawer.textContent(), { timeout: 10_000 }).toContain('Miễn nhiệm');
      expect(await drawer.textContent()).toContain(name);
      await page.screenshot({ path: screenshotPath('evaluation-dismissal-start.png') });
    });
  });
});
