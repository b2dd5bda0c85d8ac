import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS, launchBrowser, screenshotPath, startTestServer } from './harness';

describe('the rule browser and the retirement calculator in the browser', () => {
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

  async function withPage(run: (page: Page, baseUrl: string) => Promise<void>): Promise<void> {
    if (!browser || !server) throw new Error('the server and browser did not start');
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
    try {
      await run(await context.newPage(), server.baseUrl);
    } finally {
      await context.close();
    }
  }

  it('anyone computes a retirement date without signing in', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/retirement`);
      await page.getByTestId('retire-birth').fill('15/10/1964');
      await page.getByTestId('retire-submit').click();
      await page.getByTestId('retire-result').waitFor();
      expect(await page.getByTestId('retire-date').textContent()).toBe('30/04/2026');
      expect(await page.getByTestId('retire-result').textContent()).toContain('61 tuổi 6 tháng');
      expect(new URL(page.url()).pathname).toBe('/retirement');
    });
  });

  it('an officer browses the packs, sees what changed on 08/10/2025 and checks a person against a title', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await page.locator('#username').fill(DEMO_USERS.officer);
      await page.locator('#password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('menuitem', { name: 'Quy định, tiêu chuẩn' }).click();
      await page.waitForURL((url) => url.pathname === '/policy');

      // Packs: the 2025 pack's rules, with their sources.
      await page.getByTestId('open-pack-national-2025').click();
      await page.getByTestId('pack-rules').getByText('appointment.months-in-post').waitFor();
      expect(await page.getByTestId('pack-rules').textContent()).toContain('377-QĐ/TW ngày 08/10/2025');
      // An unconfirmed rule says why: which number or document is not verified.
      await page
        .getByTestId('pack-rules')
        .locator('tr', { hasText: 'appointment.head-near-retirement' })
        .getByText('Người đứng đầu sắp nghỉ hưu')
        .click();
      await page.getByTestId('rule-reason').first().waitFor();
      expect(await page.getByTestId('rule-reason').first().textContent()).toContain('Chưa tìm thấy văn bản');
      await page.screenshot({ path: screenshotPath('policy-unconfirmed.png'), fullPage: true });
      await page.keyboard.press('Escape');
      await page.getByTestId('rule-versions').waitFor({ state: 'detached' });

      // What changed on 08/10/2025 (the default comparison 07/10 → 08/10/2025).
      await page.getByRole('tab', { name: 'So sánh thay đổi' }).click();
      await page.getByTestId('diff-summary').waitFor();
      expect(await page.getByTestId('diff-summary').textContent()).toMatch(/\d+ thay đổi/);
      const row = page.getByTestId('diff-table').locator('tr', { hasText: 'appointment.months-in-post' });
      expect(await row.textContent()).toMatch(/24\s*→\s*12/);
      await page.screenshot({ path: screenshotPath('policy-diff.png'), fullPage: true });

      // Diff between the two packs.
      await page.getByText('Giữa hai bộ quy định').click();
      await page.getByTestId('diff-table').locator('tr', { hasText: 'planning.age-by-level' }).getByText('Bổ sung').waitFor();

      // Check one person against a title on 01/06/2026: a reprimand of 15/03/2025 still blocks (24 months).
      await page.getByRole('tab', { name: 'Kiểm tra điều kiện' }).click();
      await page.getByTestId('check-example').click();
      const date = page.getByTestId('check-form').locator('input').first();
      await date.click();
      await date.fill('01/06/2026');
      await date.press('Enter');
      await page.getByTestId('check-submit').click();
      await page.getByTestId('check-result').waitFor();
      expect(await page.getByTestId('check-summary').textContent()).toContain('Chỉ còn thiếu một yêu cầu');
      const failed = page.locator('[data-status=failed]');
      expect(await failed.count()).toBe(1);
      expect(await failed.getAttribute('data-rule')).toBe('appointment.discipline-waits');
      expect(await failed.textContent()).toContain('15/03/2027');
      await page.screenshot({ path: screenshotPath('policy-check.png'), fullPage: true });

      // The verdict names its rule by title (the id only on hover) and links to the rule's text, every version of it.
      await expect.poll(() => failed.getByTestId('verdict-rule').textContent()).toBe('Thời hạn chờ sau kỷ luật');
      await failed.getByTestId('verdict-rule').click();
      await page.getByTestId('rule-versions').waitFor();
      const versions = await page.getByTestId('rule-versions').textContent();
      expect(versions).toContain('377-QĐ/TW ngày 08/10/2025');
      expect(versions).toContain('80-QĐ/TW ngày 18/08/2022');
      // …and which checks of the system use it.
      await page.getByTestId('rule-used-by').getByText('policy/eligibility.rules.ts').waitFor();
    });
  });

  it('an officer finds who is eligible for a title in his province, and checks one stored cadre', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await page.locator('#username').fill(DEMO_USERS.officer);
      await page.locator('#password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${baseUrl}/policy`);

      // Batch: director of a department on today's rules, planning.
      await page.getByRole('tab', { name: 'Tìm người đủ điều kiện' }).click();
      await page.getByTestId('title-select').click();
      await page.keyboard.type('Giám đốc Sở');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^Giám đốc Sở/ }).click();
      await page.getByTestId('eligibility-search').click();
      await page.getByTestId('eligibility-result').waitFor({ timeout: 60_000 });
      await expect.poll(() => page.getByTestId('eligible-table').locator('tbody tr').count()).toBeGreaterThan(0);
      // The totals in the province: exact at this size (counted exactly up to 10.000).
      await expect.poll(() => page.getByTestId('total-passing').textContent()).toMatch(/^\d[\d.]*$/);
      expect(await page.getByTestId('total-eligible').textContent()).toMatch(/^(\d[\d.]*|hơn \d[\d.]*|ít nhất \d[\d.]*)$/);
      expect(await page.getByTestId('eligibility-totals').textContent()).toContain('Đạt các điều kiện lọc');
      const short = page.getByTestId('one-short-table').getByTestId('missing').first();
      await short.waitFor();
      // What the person lacks, with the document it comes from.
      expect(await short.textContent()).toMatch(/QĐ\/TW|NĐ-CP|HD\/BTCTW/);
      // Warnings name the rule by its title and source, not by its id.
      const warning = page.getByTestId('eligible-table').getByTestId('warning').first();
      await warning.waitFor();
      await expect.poll(() => warning.textContent()).toMatch(/^[A-ZĐÂÊÔƠƯÁÀẢÃẠ][^.]*·.*(QĐ\/TW|NĐ-CP|HD\/BTCTW|QH)/u);
      expect(await warning.textContent()).not.toMatch(/[a-z]+\.[a-z-]+\.?[a-z-]*/);
      await page.screenshot({ path: screenshotPath('policy-search.png'), fullPage: true });

      // One stored cadre against the same title: the verdicts come from the record.
      await page.getByRole('tab', { name: 'Kiểm tra một cán bộ' }).click();
      await page.getByTestId('person-select').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      const titles = page.getByTestId('title-select');
      await titles.last().click();
      await page.keyboard.type('Giám đốc Sở');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^Giám đốc Sở/ }).click();
      await page.getByTestId('person-check').click();
      await page.getByTestId('person-check-result').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('person-check-result').locator('[data-rule]').count()).toBeGreaterThan(3);
      expect(await page.getByTestId('person-check-result').textContent()).toContain('Xếp loại 3 năm gần nhất');

      // The leader with more than half low votes in the demo's 2026 confidence vote: not planned for a higher title.
      const tasks = await page.evaluate(async () => {
        const res = await fetch('/api/vote-consequences?consequence=out-of-planning-higher');
        return (await res.json()) as { items: { fullName: string }[] };
      });
      const low = tasks.items[0]!.fullName;
      await page.getByTestId('person-select').click();
      await page.keyboard.type(low);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: low }).first().click();
      await titles.last().click();
      await page.keyboard.type('Phó Bí thư Tỉnh ủy');
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^Phó Bí thư Tỉnh ủy/ })
        .first()
        .click();
      await page.getByTestId('person-check').click();
      const lowVerdict = page
        .getByTestId('person-check-result')
        .locator('[data-rule="eligibility.low-confidence-vote"][data-status=failed]');
      await lowVerdict.waitFor({ timeout: 60_000 });
      expect(await lowVerdict.textContent()).toContain('trên 1/2 số phiếu thu về');
      await expect
        .poll(() => lowVerdict.getByTestId('verdict-rule').textContent())
        .toBe('Không quy hoạch, bổ nhiệm cao hơn khi tín nhiệm thấp trên 1/2');
      expect(await lowVerdict.textContent()).toContain('96-QĐ/TW');
      await page.screenshot({ path: screenshotPath('policy-person.png'), fullPage: true });
    });
  });
});
