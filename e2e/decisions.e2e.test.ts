import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, screenshotPath, startTestServer } from './harness';

const DOSSIER = [
  'Sơ yếu lý lịch (mẫu 2C) có ảnh',
  'Bản kê khai tài sản, thu nhập',
  'Kết luận tiêu chuẩn chính trị',
  'Nhận xét của chi ủy nơi cư trú',
  'Giấy chứng nhận sức khỏe',
];

describe('an on-site appointment in the browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  const signIn = async (username: string): Promise<Page> => {
    const context = await browser!.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${server!.baseUrl}/login`);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((u) => u.pathname !== '/login');
    return page;
  };
  /** The input of a widget whose test id lands on the input itself or on its wrapper. */
  const inputOf = async (page: Page, testId: string) => {
    const el = page.getByTestId(testId).first();
    return (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input');
  };
  const fillNumber = async (page: Page, testId: string, value: number) => (await inputOf(page, testId)).fill(String(value));
  const pickDate = async (page: Page, testId: string, ddmmyyyy: string) => {
    const input = await inputOf(page, testId);
    await input.click();
    await input.fill(ddmmyyyy);
    // Tab commits the typed date without submitting the form (Enter would).
    await input.press('Tab');
  };

  /**
   * Types into an antd select (when given an input) and picks the first option with this text. A click while the form or the dropdown is
   * still animating can be lost, so the pick is confirmed on the select itself and made again if it was lost.
   */
  const pick = async (select: Locator, input: Locator | null, typed: string, option: string) => {
    const page = select.page();
    for (let attempt = 1; ; attempt++) {
      await select.click();
      if (input) await input.fill(typed);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
      try {
        await select.filter({ hasText: option }).waitFor({ timeout: 3_000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  };

  it('an officer runs it step by step with paper counts entered twice, a kinship recusal, an override and the decision', async () => {
    if (!browser || !server) throw new Error('the server and browser did not start');
    const officer = await signIn('officer.tq');
    const tallies = [await signIn('tally.tq'), await signIn('tally2.tq')];
    try {
      // Start: the Department of Home Affairs proposes its own head of division as deputy director.
      await officer.goto(`${server.baseUrl}/decisions`);
      await officer.getByTestId('start-process').click();
      const orgSelect = officer.locator('.ant-select', { has: officer.locator('#start-org') });
      await pick(orgSelect, officer.locator('#start-org'), 'Sở Nội vụ', 'Sở Nội vụ tỉnh Tuyên Quang');
      await pick(
        officer.getByTestId('start-person'),
        officer.getByTestId('start-person').locator('input'),
        'Lương Thị Hoa',
        'Lương Thị Hoa',
      );
      await pick(
        officer.getByTestId('start-seat'),
        officer.getByTestId('start-seat').locator('input'),
        'Phó Giám đốc Sở — Sở Nội vụ',
        'Phó Giám đốc Sở — Sở Nội vụ',
      );
      await pickDate(officer, 'start-date', '23/11/2026');
      await officer.getByTestId('start-submit').click();
      await officer.waitForURL((u) => u.search.startsWith('?id='));
      const processUrl = officer.url();
      // The head of the department's term ends within six months: a warning (the rule is unconfirmed).
      await expect.poll(() => officer.getByTestId('start-warnings').textContent()).toContain('hết nhiệm kỳ');

      const completeStep = async (key: string, on: string) => {
        await pickDate(officer, 'step-date', on);
        await officer.getByTestId('step-minutes').fill(`Biên bản ${key}`);
        await officer.getByTestId('step-complete').click();
        await expect.poll(() => officer.getByTestId(`step-${key}`).textContent()).toContain(`Biên bản ${key}`);
      };
      /** Opens the step's paper vote; two tally members enter the same count; the officer completes the step. */
      const voteStep = async (key: string, summoned: number, collected: number, yes: number, on: string) => {
        await fillNumber(officer, 'vote-summoned', summoned);
        await officer.getByTestId('vote-group').fill('Thành phần theo quy định');
        await pickDate(officer, 'vote-date', on);
        await officer.getByTestId('vote-open').click();
        const link = officer.getByTestId(`step-${key}`).locator('a[href^="/votes?id="]');
        await link.waitFor();
        const href = (await link.getAttribute('href'))!;
        for (const tally of tallies) {
          await tally.goto(`${server!.baseUrl}${href}`);
          await tally.getByTestId('paper-entry-form').waitFor();
          await fillNumber(tally, 'entry-issued', collected);
          await fillNumber(tally, 'entry-collected', collected);
          await fillNumber(tally, 'entry-valid', collected);
          await fillNumber(tally, 'entry-invalid', 0);
          // A candidate ballot counts the names chosen; an opinion step counts agree and disagree.
          if ((await tally.getByTestId('entry-0-chosen').count()) > 0) await fillNumber(tally, 'entry-0-chosen', yes);
          else {
            await fillNumber(tally, 'entry-0-agree', yes);
            await fillNumber(tally, 'entry-0-disagree', collected - yes);
          }
          const saved = tally.waitForResponse((r) => r.url().includes('/paper-entries') && r.request().method() === 'POST');
          await tally.getByTestId('entry-submit').click();
          expect((await saved).status()).toBe(200);
        }
        await officer.reload();
        await completeStep(key, on);
      };

      await completeStep('structure', '24/11/2026');

      // Her husband sits in the expanded conference: he must recuse, found in her family table by name and year.
      await officer.getByTestId('recusal-name').fill('Phan Văn Tài');
      await fillNumber(officer, 'recusal-year', 1978);
      await pick(officer.getByTestId('recusal-step'), null, '', 'Hội nghị');
      await officer.getByTestId('recusal-save').click();
      await expect.poll(() => officer.getByTestId('recusals').textContent()).toContain('Vợ/Chồng');
      await expect.poll(() => officer.getByTestId('process-flags').textContent()).toContain('Phan Văn Tài');

      // 30 summoned less the recused husband: 29; 16 of 29 is over half.
      await voteStep('expanded', 30, 27, 16, '26/11/2026');
      await expect.poll(() => officer.getByTestId('step-expanded').textContent()).toContain('29');
      await voteStep('collective', 9, 9, 7, '30/11/2026');
      await voteStep('key-cadres', 45, 40, 31, '02/12/2026');

      for (const [i, document] of DOSSIER.entries()) {
        await pick(officer.getByTestId('dossier-key'), null, '', document);
        await pickDate(officer, 'dossier-date', '20/11/2026');
        await officer.getByTestId('dossier-reference').fill(`Số ${i + 1}/HS`);
        await officer.getByTestId('dossier-add').click();
        await expect
          .poll(() => officer.getByTestId('dossier-table').locator('.ant-tag').filter({ hasText: /^Đủ$/ }).count())
          .toBe(i + 1);
      }
      await officer.screenshot({ path: screenshotPath('decisions-officer.png'), fullPage: true });

      // The ratings were never recorded: the competent authority decides the exception on the record.
      const leader = await signIn('leader.tq');
      await leader.goto(processUrl);
      await pick(leader.locator('.ant-select', { has: leader.locator('#ruleId') }), null, '', 'appointment.ratings-assessed');
      await leader.locator('#authority').fill('Ban Thường vụ Tỉnh ủy');
      await leader.locator('#decisionRef').fill('Thông báo 88-TB/TU');
      await leader.locator('#date').click();
      await leader.locator('#date').fill('03/12/2026');
      await leader.locator('#date').press('Tab');
      await leader.locator('#reason').fill('Cán bộ chuyển từ đơn vị sự nghiệp, kết quả đánh giá lưu ở đơn vị cũ');
      await leader.getByRole('button', { name: 'Ghi quyết định vượt kiểm tra' }).click();
      await expect.poll(() => leader.getByTestId('process-flags').textContent()).toContain('88-TB/TU');

      await officer.reload();
      await voteStep('decision', 9, 9, 8, '07/12/2026');

      await leader.reload();
      await leader.getByTestId('decide-number').fill('1820/QĐ-UBND');
      for (const [field, value] of [
        ['#decisionDate', '10/12/2026'],
        ['#effectiveDate', '15/12/2026'],
      ] as const) {
        await leader.locator(field).click();
        await leader.locator(field).fill(value);
        await leader.locator(field).press('Tab');
      }
      await leader.locator('#signerName').fill('Chủ tịch UBND tỉnh Tuyên Quang');
      await leader.getByTestId('decide-submit').click();
      await leader.getByText('1820/QĐ-UBND').first().waitFor();
      await expect.poll(() => leader.getByTestId('decision-docx').textContent()).toContain('Tải quyết định');

      // The inspector sees the whole trail, the recusal among it, and the audit chain intact.
      const inspector = await signIn('inspector.tq');
      const id = new URL(processUrl).searchParams.get('id')!;
      await inspector.goto(`${server.baseUrl}/decisions?inspection=1`);
      await inspector.getByTestId(`trail-${id}`).click();
      await expect.poll(() => inspector.getByTestId('trail-recusals').textContent()).toContain('Phan Văn Tài');
      await expect.poll(() => inspector.getByTestId('chain-status').textContent()).toContain('toàn vẹn');
      await expect.poll(() => inspector.getByTestId('trail-votes').locator('tr.ant-table-row').count()).toBe(4);
      await inspector.screenshot({ path: screenshotPath('decisions-trail.png'), fullPage: true });
    } catch (error) {
      await officer.screenshot({ path: screenshotPath('decisions-failure.png'), fullPage: true });
      throw error;
    }
  }, 600_000);
  it('an officer dates a seat’s sensitive category and reads its history; the process pages show an electronic step and a postponement', async () => {
    if (!browser || !server) throw new Error('the server and browser did not start');
    const officer = await signIn('officer.tq');
    try {
      await officer.goto(`${server.baseUrl}/decisions?seats=1`);
      await officer.locator('#seats-org').fill('Sở Tài chính');
      await officer.locator('.ant-select-item-option').filter({ hasText: 'Sở Tài chính' }).first().click();
      const row = officer.getByTestId('seat-categories').locator('tr', { hasText: 'Phụ trách mua sắm' });
      await row.getByRole('button', { name: 'Sửa' }).click();
      await expect.poll(() => officer.getByTestId('seat-history').textContent()).toContain('Chưa thay đổi lần nào');
      await pickDate(officer, 'seat-from', '01/12/2026');
      // A pick can be lost while the list opens: confirm it landed, else pick again.
      for (let attempt = 0; attempt < 3; attempt++) {
        await officer.getByTestId('seat-category').click();
        await officer.locator('.ant-select-item-option').filter({ hasText: 'Thủ kho' }).first().click();
        if (await officer.locator('.ant-select', { has: officer.getByTestId('seat-category'), hasText: 'Thủ kho' }).count())
          break;
      }
      await officer.getByTestId('seat-reason').fill('Kiêm nhiệm thủ kho theo Quyết định 45/QĐ-STC');
      await officer.getByTestId('seat-save').click();
      await expect.poll(() => officer.getByTestId('seat-history').textContent()).toContain('Từ 01/12/2026 trở đi');
      await expect.poll(() => officer.getByTestId('seat-history').textContent()).toContain('đến trước 01/12/2026');
      // Read as of 02/12/2026, the seat is a storekeeper's; as of 30/11/2026 it was still procurement only.
      await pickDate(officer, 'seats-as-of', '02/12/2026');
      await expect.poll(() => row.textContent()).toContain('Thủ kho');
      await pickDate(officer, 'seats-as-of', '30/11/2026');
      await expect.poll(() => row.textContent()).not.toContain('Thủ kho');
      await officer.screenshot({ path: screenshotPath('decisions-seat-history.png'), fullPage: true });

      const list = (await (await officer.request.get(`${server.baseUrl}/api/decisions?limit=50`)).json()) as {
        items: { id: string; personName: string; action: string }[];
      };
      const idOf = (name: string) => list.items.find((i) => i.personName === name && i.action === 'reappointment')!.id;
      await officer.goto(`${server.baseUrl}/decisions?id=${idOf('Đỗ Văn Khải')}`);
      await expect.poll(() => officer.getByText('Bỏ phiếu điện tử').first().textContent()).toContain('4 người');
      await expect.poll(() => officer.getByText('3/4 tán thành').count()).toBeGreaterThan(0);
      await officer.goto(`${server.baseUrl}/decisions?id=${idOf('Vi Thị Ngà')}`);
      await expect.poll(() => officer.getByTestId('circumstances').textContent()).toContain('Điều trị nội trú từ 3 tháng');
      await expect.poll(() => officer.getByTestId('circumstance-verdicts').textContent()).toContain('245/BVĐK');
      await officer.screenshot({ path: screenshotPath('decisions-postponed.png'), fullPage: true });
    } catch (error) {
      await officer.screenshot({ path: screenshotPath('decisions-seats-failure.png'), fullPage: true });
      throw error;
    }
  }, 300_000);
});
