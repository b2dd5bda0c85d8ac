#!/usr/bin/env node
// Runs the TypeScript CLI through the project's loader, so `npx canbo …` works straight after `npm install`.
import '../scripts/ts-loader/register.mjs';

await import('../server/cli.ts');
