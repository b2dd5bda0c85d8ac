import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS, launchBrowser, screenshotPath, startTestServer } from './harness';

describe('the organization tree, an org chart and a merge preview in the browser', () => {
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
  }

  async function pickOrganization(page: Page, testId: string, search: string, name: string): Promise<void> {
    await page.getByTestId(testId).locator('.ant-select').click();
    await page.keyboard.type(search);
    const option = page.locator('.ant-select-item-option', { hasText: name }).first();
    await option.waitFor();
    await option.click();
  }

  async function fillNumber(page: Page, testId: string, value: string): Promise<void> {
    // antd puts the test id on the input or on its wrapper, depending on the component version
    const input = page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
    await input.click();
    await input.fill(value);
  }

  it('an officer walks the tree through 01/07/2025, opens a department’s org chart and previews merging two departments', async () => {
    const context = await browser!.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    try {
      await signIn(page, server!.baseUrl);
      await page.goto(`${server!.baseUrl}/org-tree`);

      // Before the merger: the two old provinces; from 01/07/2025: the merged province.
      await setDate(page, 'tree-as-of', '30/06/2025');
      await page.getByTestId('tree-node-HG').waitFor();
      expect(await page.getByTestId('tree-node-TQ').count()).toBe(0);
      await setDate(page, 'tree-as-of', '01/07/2025');
      await page.getByTestId('tree-node-TQ').waitFor();
      expect(await page.getByTestId('tree-node-HG').count()).toBe(0);

      // The province's seats: the deputy secretaries above the cap after the merger.
      await page.getByTestId('tree-node-TQ').click();
      await page
        .getByTestId('org-chart')
        .getByText(/4 cấp phó, tối đa 3/)
        .waitFor();

      // Down one level: the People's Committee, then a department's org chart.
      await page
        .locator('.ant-tree-treenode', { has: page.getByTestId('tree-node-TQ.UBND') })
        .locator('.ant-tree-switcher')
        .click();
      await page.getByTestId('tree-node-TQ.SNV').click();
      await page.getByTestId('org-chart').getByText('Giám đốc Sở', { exact: true }).waitFor();
      await page.screenshot({ path: screenshotPath('org-chart.png'), fullPage: true });

      // A merge of two departments, previewed and not applied.
      await page.goto(`${server!.baseUrl}/restructuring`);
      await page.getByTestId('restructuring-new').click();
      await page.getByTestId('restructuring-title').fill('Hợp nhất Sở Nội vụ và Sở Tài chính');
      await page.getByTestId('restructuring-next').click();
      await pickOrganization(page, 'restructuring-source', 'so noi vu', 'Sở Nội vụ tỉnh Tuyên Quang');
      await page
        .getByTestId('restructuring-wizard')
        .locator('.ant-list-item', { hasText: 'Sở Nội vụ tỉnh Tuyên Quang' })
        .waitFor();
      await pickOrganization(page, 'restructuring-source', 'so tai chinh', 'Sở Tài chính tỉnh Tuyên Quang');
      await page
        .getByTestId('restructuring-wizard')
        .locator('.ant-list-item', { hasText: 'Sở Tài chính tỉnh Tuyên Quang' })
        .waitFor();
      await page.getByTestId('new-unit-code-0').fill('TQ.SNVTC');
      await page.getByTestId('new-unit-name-0').fill('Sở Nội vụ và Tài chính tỉnh Tuyên Quang');
      await pickOrganization(page, 'restructuring-parent', 'uy ban nhan dan tinh', 'Ủy ban nhân dân tỉnh Tuyên Quang');
      await page.getByTestId('restructuring-next').click();
      await page.getByText('Người đang giữ vị trí', { exact: true }).waitFor();
      await page.getByTestId('restructuring-next').click();
      const preview = page.getByTestId('restructuring-preview');
      await preview.waitFor();
      await preview
        .getByText(/2 người cho 1 vị trí/)
        .first()
        .waitFor();
      const newUnit = preview.locator('.ant-list-item', { hasText: 'Sở Nội vụ và Tài chính tỉnh Tuyên Quang' });
      expect(await newUnit.locator('.ant-tag', { hasText: 'mới' }).count()).toBe(1);
      expect(await preview.locator('.ant-tag', { hasText: 'chấm dứt' }).count()).toBe(2);
      await page.screenshot({ path: screenshotPath('merge-preview.png'), fullPage: true });

      // Nothing was saved: the list still holds only the two 2025 events.
      await page.getByRole('button', { name: 'Hủy' }).first().click();
      await page.reload();
      await page.getByText('Hợp nhất tỉnh Tuyên Quang và tỉnh Hà Giang thành tỉnh Tuyên Quang').waitFor();
      expect(await page.locator('.ant-table-row').count()).toBe(2);
    } catch (err) {
      await page.screenshot({ path: screenshotPath('organization-failure.png'), fullPage: true });
      throw err;
    } finally {
      await context.close();
    }
  });

  it('an officer edits a seat and a quota, then merges two departments with their seat counts and quota and applies it', async () => {
    const context = await browser!.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    try {
      await signIn(page, server!.baseUrl);

      // A seat: fewer places than people seated is refused on the field; one more place leaves one vacant.
      await page.goto(`${server!.baseUrl}/org-tree`);
      await page.getByTestId('tree-node-TQ').waitFor();
      await page
        .locator('.ant-tree-treenode', { has: page.getByTestId('tree-node-TQ.UBND') })
        .locator('.ant-tree-switcher')
        .click();
      await page.getByTestId('tree-node-TQ.SGD').click();
      const chart = page.getByTestId('org-chart');
      await chart.getByText('Phó Giám đốc Sở', { exact: true }).waitFor();
      await page.getByTestId('seat-edit-Phó Giám đốc Sở').click();
      const seatForm = page.getByTestId('seat-form');
      await seatForm.waitFor();
      await fillNumber(page, 'seat-count', '1');
      await page.getByTestId('form-modal-ok').click();
      await seatForm.locator('.ant-form-item-explain-error', { hasText: /ít hơn số người giữ vị trí/ }).waitFor();
      const seated = await chart
        .locator('.ant-card', { has: page.getByText('Phó Giám đốc Sở', { exact: true }) })
        .locator('.ant-list-item')
        .count();
      await fillNumber(page, 'seat-count', String(seated + 1));
      await page.getByTestId('form-modal-ok').click();
      await seatForm.waitFor({ state: 'detached' });
      await chart.getByText('Còn trống 1').waitFor();

      // A quota: set on the staffing page, shown against the staff counted from the records.
      await page.goto(`${server!.baseUrl}/staffing`);
      await pickOrganization(page, 'staffing-unit', 'so giao duc', 'Sở Giáo dục và Đào tạo tỉnh Tuyên Quang');
      await page.getByTestId('staffing-table').waitFor();
      await page.getByTestId('quota-set').click();
      await page.getByTestId('quota-form').waitFor();
      await fillNumber(page, 'quota-input', '40');
      await page.getByTestId('form-modal-ok').click();
      await page.getByTestId('quota-form').waitFor({ state: 'detached' });
      await page
        .getByTestId('staffing-table')
        .locator('.ant-table-row', { hasText: 'Sở Giáo dục và Đào tạo tỉnh Tuyên Quang' })
        .getByText('40', { exact: true })
        .waitFor();

      // A merge with the new inputs: the deputies' seat holds 6, the merged quota is 5 civil servants.
      await page.goto(`${server!.baseUrl}/restructuring`);
      await page.getByTestId('restructuring-new').click();
      await page.getByTestId('restructuring-title').fill('Hợp nhất Sở Nội vụ và Sở Tài chính (thử nghiệm)');
      await page.getByTestId('restructuring-next').click();
      await pickOrganization(page, 'restructuring-source', 'so noi vu', 'Sở Nội vụ tỉnh Tuyên Quang');
      await page
        .getByTestId('restructuring-wizard')
        .locator('.ant-list-item', { hasText: 'Sở Nội vụ tỉnh Tuyên Quang' })
        .waitFor();
      await pickOrganization(page, 'restructuring-source', 'so tai chinh', 'Sở Tài chính tỉnh Tuyên Quang');
      await page
        .getByTestId('restructuring-wizard')
        .locator('.ant-list-item', { hasText: 'Sở Tài chính tỉnh Tuyên Quang' })
        .waitFor();
      await page.getByTestId('new-unit-code-0').fill('TQ.SNVTC');
      await page.getByTestId('new-unit-name-0').fill('Sở Nội vụ và Tài chính tỉnh Tuyên Quang');
      await pickOrganization(page, 'restructuring-parent', 'uy ban nhan dan tinh', 'Ủy ban nhân dân tỉnh Tuyên Quang');
      await page.getByTestId('restructuring-next').click();
      await page.getByTestId('restructuring-sizes').waitFor();
      await page.getByTestId('restructuring-jobs').getByText('Văn thư — Sở Nội vụ tỉnh Tuyên Quang').waitFor();
      await fillNumber(page, 'seat-count-PHO_GIAM_DOC_SO', '6');
      await fillNumber(page, 'quota-cadre_civil_servant', '5');
      await page.getByTestId('restructuring-next').click();
      const preview = page.getByTestId('restructuring-preview');
      await preview.waitFor();
      await preview.getByText(/Giám đốc Sở — Sở Nội vụ và Tài chính tỉnh Tuyên Quang: 2 người cho 1 vị trí/).waitFor();
      await preview.getByText(/cấp phó, tối đa 3/).waitFor();
      await preview
        .getByText(/Sở Nội vụ và Tài chính tỉnh Tuyên Quang: Cán bộ, công chức \d+ người \/ biên chế 5 \(vượt/)
        .waitFor();
      expect(await preview.getByText(/Phó Giám đốc Sở — .*người cho/).count()).toBe(0);
      await preview.getByText('Danh sách thay đổi').click();
      await page
        .getByTestId('restructuring-changes')
        .getByText(/Lập vị trí việc làm "Văn thư" \(1\)/)
        .waitFor();
      await page.screenshot({ path: screenshotPath('merge-preview-inputs.png'), fullPage: true });

      await page.getByTestId('restructuring-apply').click();
      await page.getByTestId('restructuring-wizard').waitFor({ state: 'detached' });
      await page.reload();
      await page.getByText('Hợp nhất Sở Nội vụ và Sở Tài chính (thử nghiệm)').waitFor();
      await expect.poll(() => page.locator('.ant-table-row').count(), { timeout: 30_000 }).toBe(3);
    } catch (err) {
      await page.screenshot({ path: screenshotPath('organization-edit-failure.png'), fullPage: true });
      throw err;
    } finally {
      await context.close();
    }
  }, 240_000);
});
