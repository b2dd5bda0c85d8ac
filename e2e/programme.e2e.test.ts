import fs from 'node:fs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, launchBrowser, screenshotPath, startTestServer } from './harness';

describe('the work programme in the browser', () => {
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

  async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
    await page.goto(`${baseUrl}/login`);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname === '/');
  }

  /**
   * Opens an antd select by its field id, optionally types to search, and picks the option with this exact label.
   * A click that lands while the modal or dropdown is still animating is lost, so the pick is confirmed and retried.
   */
  async function choose(page: Page, fieldId: string, option: string, typed?: string): Promise<void> {
    const picked = page.locator('.ant-select', { has: page.locator(`#${fieldId}`), hasText: option });
    for (let attempt = 1; ; attempt++) {
      await page.locator(`#${fieldId}`).click();
      if (typed) await page.locator(`#${fieldId}`).fill(typed);
      try {
        await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click({ timeout: 10_000 });
        await picked.waitFor({ timeout: 3_000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
        // The dropdown may have closed under an animating form: close whatever is open and start again.
        await page.keyboard.press('Escape');
      }
    }
  }

  it('an officer adds a proposal, registers its outcome document, sees the year summary change and exports it', async () => {
    if (!browser || !server) throw new Error('the server and browser did not start');
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const year = new Date().getFullYear();
    try {
      await signIn(page, server.baseUrl, 'officer.tq');

      // The home page reminds her of the items she is responsible for.
      const reminders = page.getByTestId('reminders-card');
      await reminders.getByTestId('reminder').first().waitFor();
      expect(await reminders.textContent()).toContain(`TQ-${year}-03`);
      // The demo's report item is overdue; by how many days depends on the day the test runs.
      expect(await reminders.textContent()).toMatch(/quá hạn \d+ ngày/);

      await page.getByRole('menuitem', { name: 'Chương trình công tác' }).click();
      const sentence = page.getByTestId('summary-sentence');
      await sentence.waitFor();
      const before = (await sentence.textContent()) ?? '';
      // Counted from what the page shows now (the demo's 2/3 on a first run), so that a retry of this journey
      // against the same server, which already holds the first attempt's proposal, expects the right numbers.
      const [, doneBefore, totalBefore] = before.match(/đã hoàn thành (\d+)\/(\d+) đề án/) ?? [];
      const [, rulesBefore] = before.match(/tham mưu ban hành (\d+) quy định, 1 kết luận của Ban Thường vụ Tỉnh ủy/) ?? [];
      expect(before).toContain(`Năm ${year}, Đảng bộ tỉnh Tuyên Quang đã hoàn thành`);
      expect([doneBefore, totalBefore, rulesBefore].every((n) => n !== undefined)).toBe(true);
      // Unique per attempt: a retry must not collide with the first attempt's proposal and document.
      const suffix = Math.floor(Math.random() * 900 + 100);
      const code = `TQ-${year}-E2E${suffix}`;
      const number = `${suffix}-QĐ/TU`;

      // 1. A new proposal.
      await page.getByRole('tab', { name: 'Danh sách đề án, nhiệm vụ' }).click();
      await page.getByTestId('add-item').click();
      await page.locator('#code').fill(code);
      await page.locator('#title').fill('Đề án thí điểm đánh giá cán bộ theo kết quả, sản phẩm');
      await choose(page, 'assigningBody', 'Ban Thường vụ Tỉnh ủy');
      await choose(page, 'leadOrganizationId', 'Ban Tổ chức Tỉnh ủy Tuyên Quang (TQ.BTC)', 'to chuc tinh uy');
      await page.getByRole('button', { name: 'Lưu' }).click();
      const drawer = page.getByTestId('item-drawer');
      await drawer.waitFor();
      expect(await drawer.textContent()).toContain('Chưa triển khai');
      await page.screenshot({ path: screenshotPath('programme-item.png') });

      // 2. Its outcome document: a wrong number first, refused with the pattern, then the right one.
      await drawer.getByTestId('add-outcome').click();
      await choose(page, 'type', 'Quy định');
      await choose(page, 'issuingBody', 'Ban Thường vụ Tỉnh ủy');
      // The hint follows the chosen type and body once the pattern has loaded.
      await page.getByTestId('number-hint').filter({ hasText: 'số-QĐ/TU' }).waitFor();
      await page.locator('#number').fill('16-KL/TU');
      await page.locator('#issuedOn').fill(`15/01/${year}`);
      await page.locator('#issuedOn').press('Enter');
      await page.locator('#title').fill('Quy định về đánh giá cán bộ theo kết quả, sản phẩm');
      await page.getByRole('button', { name: 'Lưu' }).click();
      const error = page.getByTestId('document-form-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('không đúng thể thức của quy định do Ban Thường vụ Tỉnh ủy ban hành');
      await page.screenshot({ path: screenshotPath('programme-bad-number.png') });
      await page.locator('#number').fill(number);
      await page.getByRole('button', { name: 'Lưu' }).click();
      await error.waitFor({ state: 'detached' });
      await drawer.getByText(`Quy định ${number}`).waitFor();
      expect(await drawer.getByTestId('item-status').textContent()).toBe('Hoàn thành');

      // 2b. The item is edited; withdrawing it is refused while its outcome document is in the register.
      await drawer.getByTestId('edit-item').click();
      await page.locator('#title').fill('Đề án thí điểm đánh giá cán bộ theo kết quả, sản phẩm cụ thể');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await drawer.getByText('sản phẩm cụ thể').first().waitFor({ timeout: 20_000 });
      await drawer.getByTestId('withdraw').click();
      await page.getByTestId('withdraw-reason').fill('Nhập trùng đề án');
      await page.getByRole('button', { name: 'Rút', exact: true }).click();
      const refusal = page.getByText('Không thể rút đề án, nhiệm vụ');
      await refusal.waitFor({ timeout: 20_000 });
      expect(await refusal.textContent()).toContain(number);
      await page.screenshot({ path: screenshotPath('programme-withdraw-refused.png') });
      await page.getByRole('button', { name: /Hủy|Cancel/ }).click();
      await refusal.waitFor({ state: 'detached' });
      await page.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'detached' });

      // 3. The year summary counts the new proposal as done and the new regulation.
      await page.getByRole('tab', { name: 'Tổng hợp kết quả năm' }).click();
      await page.waitForFunction(
        (old) => document.querySelector('[data-testid="summary-sentence"]')?.textContent !== old,
        before,
      );
      const after = (await page.getByTestId('summary-sentence').textContent()) ?? '';
      const doneAfter = `${Number(doneBefore) + 1}/${Number(totalBefore) + 1}`;
      expect(after).toContain(`đã hoàn thành ${doneAfter} đề án`);
      expect(after).toContain(`tham mưu ban hành ${Number(rulesBefore) + 1} quy định, 1 kết luận của Ban Thường vụ Tỉnh ủy`);
      await page.screenshot({ path: screenshotPath('programme-summary.png'), fullPage: true });

      // 4. The export carries the same sentence.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
      expect(download.suggestedFilename()).toBe(`tong-hop-${year}.docx`);
      const file = await download.path();
      const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
      expect(xml).toContain(`đã hoàn thành ${doneAfter} đề án`);
    } finally {
      await context.close();
    }
  });

  it('the register shows a replaced regulation with what replaced it, opened from a citation link', async () => {
    if (!browser || !server) throw new Error('the server and browser did not start');
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page, server.baseUrl, 'officer.lc');
      await page.goto(`${server.baseUrl}/documents?number=${encodeURIComponent('50-QĐ/TW')}`);
      const drawer = page.getByTestId('document-drawer');
      await drawer.waitFor();
      const text = (await drawer.textContent()) ?? '';
      expect(text).toContain('Đã bị thay thế bởi 377-QĐ/TW từ ngày 08/10/2025');
      expect(text).toContain('Bị thay thế bởi');
      expect(await drawer.getByTestId('rules-lost-force').textContent()).toMatch(
        /quy tắc dưới đây hết hiệu lực cùng văn bản này từ ngày 08\/10\/2025/,
      );
      expect(await drawer.getByTestId('cited-by').textContent()).toContain('planning.');
      await page.screenshot({ path: screenshotPath('document-replaced.png') });
      await page.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'detached' });
      await page.getByTestId('document-search').fill('tuoi nghi huu');
      await page.getByText('135/2020/NĐ-CP').waitFor();
    } finally {
      await context.close();
    }
  });
});
