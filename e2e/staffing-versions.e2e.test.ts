import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS, launchBrowser, screenshotPath, startTestServer } from './harness';

describe('a job position whose head count changes from a day, read as of a date, in the browser', () => {
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

  async function signIn(page: Page, baseUrl: string): Promise<void> {
    await page.goto(`${baseUrl}/login`);
    await page.locator('#username').fill(DEMO_USERS.officer);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
  }

  async function setDate(page: Page, testId: string, ddmmyyyy: string): Promise<void> {
    // antd puts the test id on the input or on its wrapper, depending on the component
    const input = page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
    await input.click();
    await input.fill(ddmmyyyy);
    await input.press('Enter');
    await expect.poll(() => input.inputValue(), { timeout: 10_000 }).toBe(ddmmyyyy);
  }

  async function fillNumber(page: Page, testId: string, value: string): Promise<void> {
    const input = page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
    await input.click();
    await input.fill(value);
  }

  it('an officer adds a job position, raises its count from 01/07/2026, sees each day’s count and a refused earlier date', async () => {
    const context = await browser!.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const name = 'Chuyên viên chuyển đổi số';
    try {
      await signIn(page, server!.baseUrl);
      await page.goto(`${server!.baseUrl}/staffing`);
      await page.getByTestId('staffing-unit').locator('.ant-select').click();
      await page.keyboard.type('so tai chinh');
      const option = page.locator('.ant-select-item-option', { hasText: 'Sở Tài chính tỉnh Tuyên Quang' }).first();
      await option.waitFor();
      await option.click();
      await page.getByTestId('jobs-table').waitFor();

      // Create: one place from 01/01/2026.
      await page.getByTestId('job-add').click();
      const form = page.getByTestId('job-form');
      await form.waitFor();
      await page.getByTestId('job-name').fill(name);
      await page.getByTestId('job-rank').fill('Chuyên viên');
      await fillNumber(page, 'job-count', '1');
      await setDate(page, 'job-valid-from', '01/01/2026');
      await page.getByTestId('form-modal-ok').click();
      await form.waitFor({ state: 'detached' });
      const row = page.getByTestId('jobs-table').locator('.ant-table-row', { hasText: name });
      await row.waitFor();

      // Change: two places from 01/07/2026 by a decision; the form lists both counts.
      await page.getByTestId(`job-edit-${name}`).click();
      await form.waitFor();
      await fillNumber(page, 'job-count', '2');
      await setDate(page, 'job-count-from', '01/07/2026');
      await page.getByTestId('job-decision').fill('12/QĐ-UBND');
      await page.getByTestId('form-modal-ok').click();
      await form.waitFor({ state: 'detached' });
      await page.getByTestId(`job-edit-${name}`).click();
      await form.waitFor();
      const history = page.getByTestId('job-count-history');
      await history.getByText('01/01/2026 – 30/06/2026').waitFor();
      await history.getByText(/01\/07\/2026 – nay.*12\/QĐ-UBND/).waitFor();

      // Refused: a change dated before the count in force began, the reason on the date field; nothing saved.
      await fillNumber(page, 'job-count', '3');
      await setDate(page, 'job-count-from', '31/12/2025');
      await page.getByTestId('form-modal-ok').click();
      await form
        .locator('.ant-form-item-explain-error')
        .getByText(/ngày áp dụng phải từ ngày 01\/07\/2026/)
        .waitFor();
      await page.screenshot({ path: screenshotPath('job-count-refused.png'), fullPage: true });
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'detached' });

      // The as-of view: one place on 30/06/2026, two from 01/07/2026.
      const countCell = row.locator('td').nth(3);
      await setDate(page, 'staffing-asof', '30/06/2026');
      await expect.poll(() => countCell.textContent(), { timeout: 30_000 }).toBe('1');
      await setDate(page, 'staffing-asof', '01/07/2026');
      await expect.poll(() => countCell.textContent(), { timeout: 30_000 }).toBe('2');
      await page.screenshot({ path: screenshotPath('job-count-as-of.png'), fullPage: true });
    } catch (err) {
      await page.screenshot({ path: screenshotPath('staffing-versions-failure.png'), fullPage: true });
      throw err;
    } finally {
      await context.close();
    }
  }, 240_000);
});
