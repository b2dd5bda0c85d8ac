#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx canbo …` works straight after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');
