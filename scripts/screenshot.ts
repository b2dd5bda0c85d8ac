// Screenshots of pages as a user sees them: `node --import ./scripts/ts-loader/register.mjs scripts/screenshot.ts BASE_URL USER OUT_DIR /path …`.
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../e2e/harness';
import { DEMO_PASSWORD } from './demo';

const [baseUrl, username, outDir, ...paths] = process.argv.slice(2);
if (!baseUrl || !username || !outDir || paths.length === 0) {
  console.error('usage: node --import ./scripts/ts-loader/register.mjs scripts/screenshot.ts BASE_URL USER OUT_DIR /path …');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const browser = await launchBrowser();
const page = await (await browser.newContext({ locale: 'vi-VN', viewport: { width: 1366, height: 860 } })).newPage();
await page.goto(`${baseUrl}/login`);
await page.locator('#username').fill(username);
await page.locator('#password').fill(process.env.CANBO_PASSWORD ?? DEMO_PASSWORD);
await page.getByRole('button', { name: 'Đăng nhập' }).click();
await page.waitForURL((u) => u.pathname !== '/login');
for (const p of paths) {
  await page.goto(`${baseUrl}${p}`);
  await page.waitForLoadState('networkidle');
  const file = path.join(outDir, `${p.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
await browser.close();
