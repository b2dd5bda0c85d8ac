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

  it('an officer seats a person in a full seat after ending the holder, assigns a job position and reads the staffing as of a day', async () => {
    const context = await browser!.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    try {
      await signIn(page, server!.baseUrl);
      await page.goto(`${server!.baseUrl}/org-tree`);
      await page.getByTestId('tree-node-TQ').waitFor();
      await page
        .locator('.ant-tree-treenode', { has: page.getByTestId('tree-node-TQ.UBND') })
        .locator('.ant-tree-switcher')
        .click();
      await page.getByTestId('tree-node-TQ.STC').click();
      const chart = page.getByTestId('org-chart');
      const director = chart.locator('.ant-card', { has: page.getByText('Giám đốc Sở', { exact: true }) });
      await director.waitFor();
      const holder = (
        await director.locator('.ant-list-item .ant-typography strong, .ant-list-item strong').first().innerText()
      ).trim();

      // The director's seat is full: seating somebody else is refused on the date field.
      await page.getByTestId('seat-incumbent-Giám đốc Sở').click();
      const form = page.getByTestId('incumbent-form');
      await form.waitFor();
      await page.getByTestId('incumbent-person').click();
      await page.keyboard.type('nguyen van duc');
      await page.locator('.ant-select-item-option', { hasText: 'Nguyễn Văn Đức' }).first().click();
      await page.getByTestId('form-modal-ok').click();
      await form.locator('.ant-form-item-explain-error', { hasText: 'Vị trí đã đủ người' }).waitFor();
      await page.getByRole('button', { name: 'Hủy' }).click();
      await form.waitFor({ state: 'detached' });

      // End the holder from tomorrow, then seat the new director from tomorrow.
      const tomorrow = new Date(Date.now() + 86_400_000);
      const ddmmyyyy = `${String(tomorrow.getUTCDate()).padStart(2, '0')}/${String(tomorrow.getUTCMonth() + 1).padStart(2, '0')}/${tomorrow.getUTCFullYear()}`;
      await page.getByTestId(`incumbent-end-${holder}`).click();
      await page.getByTestId('end-form').waitFor();
      await setDate(page, 'end-date', ddmmyyyy);
      await page.getByTestId('form-modal-ok').click();
      await page.getByTestId('end-form').waitFor({ state: 'detached' });
      await page.getByTestId('seat-incumbent-Giám đốc Sở').click();
      await form.waitFor();
      await page.getByTestId('incumbent-person').click();
      await page.keyboard.type('nguyen van duc');
      await page.locator('.ant-select-item-option', { hasText: 'Nguyễn Văn Đức' }).first().click();
      await setDate(page, 'incumbent-from', ddmmyyyy);
      await page.getByTestId('form-modal-ok').click();
      await form.waitFor({ state: 'detached' });
      // the seat's history lists both holders with their periods
      await page.getByTestId('seat-history-Giám đốc Sở').click();
      const history = page.getByTestId('seat-history');
      await history.getByText('Nguyễn Văn Đức').waitFor();
      await history.getByText(holder).waitFor();
      await page.screenshot({ path: screenshotPath('seat-history.png'), fullPage: true });
      await page.keyboard.press('Escape');
      await history.waitFor({ state: 'detached' });

      // The staffing page: a job position's people (assign, refused twice, end) and the table as of a day.
      await page.goto(`${server!.baseUrl}/staffing`);
      await pickOrganization(page, 'staffing-unit', 'so noi vu', 'Sở Nội vụ tỉnh Tuyên Quang');
      await page.getByTestId('jobs-table').locator('.ant-table-row').first().waitFor();
      const jobName = (await page.getByTestId('jobs-table').locator('.ant-table-row td').first().innerText()).trim();
      await page.getByTestId(`job-people-${jobName}`).click();
      const people = page.getByTestId('job-assignments');
      await people.waitFor();
      await page.getByTestId('job-assign').click();
      await page.getByTestId('assign-form').waitFor();
      await page.getByTestId('assign-person').click();
      await page.keyboard.type('nguyen van duc');
      await page.locator('.ant-select-item-option', { hasText: 'Nguyễn Văn Đức' }).first().click();
      await setDate(page, 'assign-from', '01/01/2020');
      await page.getByTestId('form-modal-ok').click();
      await page
        .getByTestId('assign-form')
        .locator('.ant-form-item-explain-error', { hasText: /vị trí việc làm chỉ có từ/ })
        .waitFor();
      await setDate(page, 'assign-from', ddmmyyyy);
      await page.getByTestId('form-modal-ok').click();
      await page.getByTestId('assign-form').waitFor({ state: 'detached' });
      await page.getByTestId('assignment-end-Nguyễn Văn Đức').click();
      await setDate(page, 'end-date', ddmmyyyy);
      await page.getByTestId('form-modal-ok').click();
      await page
        .getByTestId('end-form')
        .locator('.ant-form-item-explain-error', { hasText: /phải sau ngày bắt đầu/ })
        .waitFor();
      await page.getByRole('button', { name: 'Hủy' }).last().click();
      await page.keyboard.press('Escape');
      await people.waitFor({ state: 'detached' });

      await setDate(page, 'staffing-asof', '01/08/2025');
      await page
        .getByTestId('staffing-asof-note')
        .getByText(/01\/08\/2025/)
        .waitFor();
      await page.getByTestId('staffing-table').locator('.ant-table-row', { hasText: 'Sở Nội vụ tỉnh Tuyên Quang' }).waitFor();
      await page.screenshot({ path: screenshotPath('staffing-as-of.png'), fullPage: true });
    } catch (err) {
      await page.screenshot({ path: screenshotPath('organization-seat-failure.png'), fullPage: true });
      throw err;
    } finally {
      await context.close();
    }
  }, 240_000);

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
