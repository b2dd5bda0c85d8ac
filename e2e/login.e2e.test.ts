import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS, launchBrowser, screenshotPath, startTestServer } from './harness';

describe('signing in and out in the browser', () => {
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

  /** A fresh browser context per test: no cookies, no stored language, Vietnamese by default. */
  async function withPage(run: (page: Page, baseUrl: string) => Promise<void>): Promise<void> {
    if (!browser || !server) throw new Error('the server and browser did not start');
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 800 } });
    try {
      await run(await context.newPage(), server.baseUrl);
    } finally {
      await context.close();
    }
  }

  async function fillLogin(page: Page, username: string, password: string): Promise<void> {
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  }

  it('an officer lands on the login page, signs in, sees the counts of her scope and signs out', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/`);
      await page.waitForURL((url) => url.pathname === '/login');

      await fillLogin(page, DEMO_USERS.officer, DEMO_PASSWORD);
      const organizations = page.getByTestId('count-organizations');
      await organizations.waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      expect(Number(await organizations.textContent())).toBeGreaterThan(0);

      // Her work queue leads to the declarations waiting for her approval.
      const declarations = page.getByTestId('queue-declarations-pending');
      await declarations.waitFor();
      await declarations.getByRole('link', { name: 'Kê khai bổ sung hồ sơ chờ duyệt' }).click();
      await page.waitForURL((url) => url.pathname === '/persons/declarations');
      await page.goto(`${baseUrl}/`);
      await organizations.waitFor();

      await page.screenshot({ path: screenshotPath('home.png'), fullPage: true });

      await page.getByTestId('user-menu').click();
      await page.getByTestId('logout').click();
      await page.waitForURL((url) => url.pathname === '/login');
      await page.locator('#username').waitFor();

      // The session is gone on the server too: the home page sends us back to the login page.
      await page.goto(`${baseUrl}/`);
      await page.waitForURL((url) => url.pathname === '/login');
      expect(await page.getByTestId('count-organizations').count()).toBe(0);
    });
  });

  it('a wrong password keeps the user on the login page with the Vietnamese invalid-credentials message', async () => {
    await withPage(async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      const wrongPassword = `${DEMO_PASSWORD}-sai`;

      // What the server says for these credentials; the page must show exactly that, in Vietnamese.
      const expected = await page.evaluate(
        async ({ username, password }) => {
          const response = await fetch('/api/auth/login', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username, password }),
          });
          return {
            status: response.status,
            body: (await response.json()) as { error: { code: string; message: string; messageEn: string } },
          };
        },
        { username: DEMO_USERS.officer, password: wrongPassword },
      );
      expect(expected.status).toBe(401);
      expect(expected.body.error.code).toBe('INVALID_CREDENTIALS');

      await fillLogin(page, DEMO_USERS.officer, wrongPassword);
      const alert = page.getByTestId('login-error');
      await alert.waitFor();
      const shown = (await alert.textContent()) ?? '';
      expect(shown).toContain(expected.body.error.message);
      expect(shown).not.toContain(expected.body.error.messageEn);
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.getByTestId('user-menu').count()).toBe(0);
    });
  });
});
