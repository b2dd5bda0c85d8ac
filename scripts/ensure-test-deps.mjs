#!/usr/bin/env node
// Before the tests: the browser journeys need Debian's chromium and fonts, the vote tests belenios-tool. As root, install what is
// missing with apt; otherwise say exactly what to install. Never downloads a browser of its own.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const needs = [
  { pkg: 'chromium', present: () => fs.existsSync(process.env.CANBO_CHROMIUM ?? '/usr/bin/chromium') },
  { pkg: 'fonts-liberation2', present: () => fs.existsSync('/usr/share/fonts/truetype/liberation2') },
  // Belenios 2.0 reference tool: the vote interoperability tests run it both ways.
  { pkg: 'belenios-tool', present: () => fs.existsSync('/usr/bin/belenios-tool') },
  // The printable CV (Mẫu 2C): .docx → PDF with LibreOffice headless, read back with pdftotext in the tests.
  { pkg: 'libreoffice-writer-nogui', present: () => fs.existsSync('/usr/bin/soffice') },
  { pkg: 'poppler-utils', present: () => fs.existsSync('/usr/bin/pdftotext') },
];
const missing = needs.filter((n) => !n.present()).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `Thiếu gói / missing packages: ${missing.join(' ')}\nCài bằng / install with:  sudo apt-get install -y ${missing.join(' ')}`,
  );
  process.exit(1);
}
console.log(`Đang cài / installing: ${missing.join(' ')}`);
const apt = (args) =>
  execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
apt(['update', '-qq']);
apt(['install', '-y', '-qq', ...missing]);
