import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, screenshotPath, startTestServer } from './harness';

// Setting up a confidence vote in the browser: the officer picks the person from the records and asks CanBo for the
// voter group the rule in force sets for his title; the group, the number summoned and the rule come back filled in.
describe('setting up a confidence vote with the proposed voter group', () => {
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

  async function api<T>(path: string, body?: unknown): Promise<T> {
    const login = await fetch(`${server!.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer.tq', password: DEMO_PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const res = await fetch(`${server!.baseUrl}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return (await res.json()) as T;
  }

  /** Picks an option of an antd select by its exact label; a click lost in the modal's animation is made again. */
  async function choose(page: Page, select: Locator, option: string, typed?: string): Promise<void> {
    const picked = select.filter({ hasText: option });
    for (let attempt = 1; ; attempt++) {
      await select.click();
      if (typed) await select.locator('input').fill(typed);
      await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click({ timeout: 15_000 });
      try {
        await picked.waitFor({ timeout: 3_000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  it('proposes the department conference and the holders of its posts, and the vote keeps the rule', async () => {
    // The Department of Education of the demo province and its director, as the officer would find them.
    const orgs = await api<{ items: { id: string; code: string; name: string }[] }>('/api/organizations?q=TQ.SGD&limit=50');
    const sgd = orgs.items.find((o) => o.code === 'TQ.SGD')!;
    const persons = await api<{
      items: { id: string; fullName: string; currentTitle: string | null; organizationName: string }[];
    }>(`/api/persons?organizationId=${sgd.id}&titleCode=GIAM_DOC_SO&limit=5`);
    const director = persons.items[0]!;
    // what the rule proposes for him on that date, to compare with what the page shows
    const expected = await api<{ text: string | null; voters: { fullName: string }[]; verdict: { ruleId: string } }>(
      '/api/votes/voter-group',
      { organizationId: sgd.id, voteDate: '2026-11-20', personIds: [director.id] },
    );
    expect(expected.voters.length).toBeGreaterThan(1);

    const context = await browser!.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${server!.baseUrl}/login`);
      await page.locator('#username').fill('officer.tq');
      await page.locator('#password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${server!.baseUrl}/votes`);
      await page.getByTestId('vote-create').click();
      const modal = page.locator('.ant-modal', { hasText: 'Tạo cuộc lấy phiếu' });
      await modal.waitFor();

      // asked too early, the button says what is missing
      await page.getByTestId('voter-group-propose').click();
      await page
        .getByTestId('voter-group-proposal')
        .filter({ hasText: 'Chọn đơn vị, ngày lấy phiếu và ít nhất một người từ hồ sơ trước.' })
        .waitFor();

      await choose(
        page,
        page.locator('.ant-select', { has: page.locator('#organizationId') }),
        `${sgd.name} (${sgd.code})`,
        'TQ.SGD',
      );
      await page.locator('#title').fill('Lấy phiếu tín nhiệm Giám đốc Sở Giáo dục');
      await page.locator('#voteDate').click();
      await page.locator('#voteDate').fill('20/11/2026');
      await page.locator('#voteDate').press('Enter');
      await choose(
        page,
        page.getByTestId('vote-subject-person-0'),
        `${director.fullName} — ${director.currentTitle ?? '…'} (${director.organizationName})`,
        director.fullName,
      );
      await page.getByTestId('vote-subject-title-0').fill('Giám đốc Sở Giáo dục và Đào tạo');

      await page.getByTestId('voter-group-propose').click();
      const proposal = page.getByTestId('voter-group-proposal');
      await proposal.filter({ hasText: `Người giữ các chức vụ này vào ngày lấy phiếu (${expected.voters.length})` }).waitFor();
      for (const v of expected.voters) await proposal.filter({ hasText: v.fullName }).waitFor();
      await proposal.filter({ hasText: 'chỉ là gợi ý' }).waitFor();
      await proposal.filter({ hasText: expected.verdict.ruleId }).waitFor();
      await expect.poll(() => page.locator('#voterGroup').inputValue()).toBe(expected.text!.slice(0, 500));
      await expect.poll(() => page.locator('#summonedCount').inputValue()).toBe(String(expected.voters.length));
      await page.screenshot({ path: screenshotPath('votes-setup-proposal.png') });

      await modal.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Đã tạo cuộc lấy phiếu').waitFor();
      await page.getByRole('link', { name: 'Lấy phiếu tín nhiệm Giám đốc Sở Giáo dục' }).first().click();
      // the session keeps the rule its group was proposed from, and says the group is a suggestion
      const rule = page.getByTestId('vote-voter-group-rule');
      await rule.filter({ hasText: 'chỉ là gợi ý' }).waitFor({ timeout: 30_000 });
      await page.locator('body', { hasText: expected.text!.slice(0, 40) }).waitFor();
      await page.screenshot({ path: screenshotPath('votes-setup-created.png') });
    } finally {
      await context.close();
    }
  });
});
