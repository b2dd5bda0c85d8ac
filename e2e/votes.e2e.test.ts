import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchBrowser, screenshotPath, startTestServer } from './harness';

const TRUSTEES = ['tally.tq', 'tally2.tq', 'tally3.tq'];
// full names as on the credential slips (demo users)
const VOTERS: [string, string][] = [
  ['leader.tq', 'Trần Văn Đức'],
  ['officer.tq', 'Nguyễn Thị Hương'],
  ['inspector.tq', 'Phạm Quốc Khánh'],
  ['tally.tq', 'Hoàng Thị Lan'],
  ['tally2.tq', 'Vũ Thị Mai'],
];

describe('an electronic confidence vote in the browser', () => {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  /** A signed-in page in its own context: each person has his own browser (the trustees' keys live there). */
  async function signIn(username: string): Promise<Page> {
    const context = await browser!.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server!.baseUrl}/login`);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    return page;
  }

  async function api(path: string, body?: unknown): Promise<unknown> {
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
    return res.json();
  }

  const open = async (page: Page, id: string) => {
    await page.goto(`${server!.baseUrl}/votes?id=${id}`);
    await page.getByTestId('electronic-panel').waitFor();
  };
  const click = async (page: Page, id: string, testId: string) => {
    await open(page, id);
    await page.getByTestId(testId).click();
    await page.getByTestId(testId).waitFor({ state: 'detached', timeout: 60_000 });
  };

  it('three trustees make the key, five voters vote, one finds his tracker, two trustees decrypt, the result shows', async () => {
    const orgs = (await api('/api/organizations?q=Tuyen%20Quang&limit=50')) as { items: { id: string; code: string }[] };
    const tq = orgs.items.find((o) => o.code === 'TQ')!;
    const vote = (await api('/api/votes', {
      organizationId: tq.id,
      kind: 'confidence',
      mode: 'electronic',
      track: 'party',
      title: 'Lấy phiếu tín nhiệm điện tử Thường trực Tỉnh ủy',
      voteDate: '2026-11-27',
      voterGroup: 'Ban Thường vụ Tỉnh ủy',
      summonedCount: 5,
      subjects: [
        { fullName: 'Lê Minh Quang', titleText: 'Phó Bí thư Thường trực Tỉnh ủy' },
        { fullName: 'Ngô Thị Thu Hà', titleText: 'Trưởng Ban Tổ chức Tỉnh ủy' },
      ],
      electronic: { voterUsernames: VOTERS.map((v) => v[0]), trusteeUsernames: TRUSTEES, threshold: 2 },
    })) as { id: string };
    expect(vote.id).toBeTruthy();

    // key ceremony: three steps, each trustee in his own browser
    const trustees = [];
    for (const t of TRUSTEES) trustees.push(await signIn(t));
    for (const step of ['e-step1', 'e-step2', 'e-step3']) {
      for (const page of trustees) await click(page, vote.id, step);
    }

    // the credential authority prints the slips; the server only ever sees public credentials
    const ca = await signIn('ca.tq');
    await open(ca, vote.id);
    await ca.getByTestId('e-credentials').click();
    await ca.getByTestId('e-slip-credential').first().waitFor();
    const slips = new Map<string, string>();
    for (const row of await ca.getByTestId('e-slips').locator('tr.ant-table-row').all()) {
      const cells = await row.locator('td').allTextContents();
      slips.set(cells[0]!, cells[1]!);
    }
    expect(slips.size).toBe(5);

    const officer = await signIn('officer.tq');
    await click(officer, vote.id, 'e-open');

    // five voters in the booth: [Quang, Hà] levels (0 cao, 1 tín nhiệm, 2 thấp)
    const choices = [
      [0, 2],
      [0, 1],
      [1, 2],
      [0, 2],
      [2, 0],
    ];
    const trackers: string[] = [];
    let auditedTracker = '';
    for (const [i, [username, fullName]] of VOTERS.entries()) {
      const page = i === 1 ? officer : await signIn(username);
      await open(page, vote.id);
      if (i === 2) {
        // before voting, a voter reads what the rules give him about each person (the information pack)
        const pack = page.getByTestId('vote-info-pack');
        await pack.getByText('Lê Minh Quang — Phó Bí thư Thường trực Tỉnh ủy').click({ timeout: 30_000 });
        await pack.getByText('Chưa có hồ sơ cán bộ trong hệ thống.').first().waitFor();
        expect(await page.getByTestId('vote-info-pack-docx').getAttribute('href')).toBe(`/api/votes/${vote.id}/info-pack.docx`);
        // the voter group's rule is named, and says these typed-in titles are not in it
        expect(await page.getByTestId('vote-voter-group-rule').textContent()).toContain('96-QĐ/TW');
      }
      await page.getByTestId('e-credential').fill(slips.get(fullName)!);
      for (const [k, level] of choices[i]!.entries()) await page.getByTestId(`e-choice-${k}`).locator('input').nth(level).check();
      if (i === 0) {
        // the first voter does not trust his computer: he opens one encrypted ballot to check it (it is then discarded)
        await page.getByTestId('e-submit').click();
        auditedTracker = (await page.getByTestId('e-prepared-tracker').textContent({ timeout: 60_000 }))!.trim();
        await page.getByTestId('e-audit').click();
        const checked = page.getByTestId('e-audit-choices');
        await checked.waitFor({ timeout: 60_000 });
        expect(await checked.textContent()).toMatch(/Lê Minh Quang.*: Tín nhiệm cao.*Ngô Thị Thu Hà.*: Tín nhiệm thấp/);
        await page.screenshot({ path: screenshotPath('votes-ballot-audit.png'), fullPage: true });
      }
      await page.getByTestId('e-submit').click();
      await page.getByTestId('e-cast').click({ timeout: 60_000 });
      trackers.push((await page.getByTestId('e-tracker').textContent({ timeout: 60_000 }))!.trim());
    }
    expect(trackers).not.toContain(auditedTracker);

    // a voter finds his ballot on the public board
    const leader = contexts[4]!.pages()[0]!;
    await open(leader, vote.id);
    await leader.getByTestId('e-lookup').fill(trackers[0]!);
    await leader.getByTestId('e-lookup-found').waitFor();
    await leader.getByTestId('e-lookup').fill('khong-co-ma-nay');
    await leader.getByTestId('e-lookup-missing').waitFor();
    // the ballot opened for checking never reached the board
    await leader.getByTestId('e-lookup').fill(auditedTracker);
    await leader.getByTestId('e-lookup-missing').waitFor();

    await click(officer, vote.id, 'e-close');
    // two of the three trustees decrypt, each after auditing the whole board in his browser
    await click(trustees[0]!, vote.id, 'e-decrypt-button');
    await click(trustees[2]!, vote.id, 'e-decrypt-button');

    await officer.goto(`${server!.baseUrl}/votes?id=${vote.id}`);
    const results = officer.getByTestId('vote-results');
    await results.waitFor();
    const text = await results.textContent();
    // Quang: cao 3, tín nhiệm 1, thấp 1; Hà: cao 1, tín nhiệm 1, thấp 3 → over 1/2 low: out of planning
    expect(text).toContain('Lê Minh Quang');
    expect(text).toMatch(/3 \(60,0%\)/);
    expect(await officer.getByTestId('vote-consequence').count()).toBe(1);
    await officer.screenshot({ path: screenshotPath('votes-electronic-result.png'), fullPage: true });
  }, 300_000);
});
