// The API's read path against a bare Fastify hello-world, measured in the same run with autocannon on loopback.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { loadDemoIfEmpty, DEMO_PASSWORD } from '../scripts/demo';
import { buildApp } from '../server/app';
import { connect } from '../server/db/connect';
import { migrateToLatest } from '../server/db/migrate';
import { flag, load, ratio } from './lib';

export async function run(argv: string[]): Promise<void> {
  const seconds = flag(argv, 'seconds', 5);
  const connections = flag(argv, 'connections', 10);

  const bare = Fastify();
  bare.get('/hello', async () => ({ hello: 'world' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const barePort = (bare.server.address() as { port: number }).port;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-bench-'));
  const database = connect({ dialect: 'sqlite', file: path.join(dir, 'canbo.db') });
  await migrateToLatest(database.db);
  await loadDemoIfEmpty(database.db);
  const app = await buildApp({ database, serveWeb: false, loginRatePerMinute: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer.tq', password: DEMO_PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

  const baseline = await load(`http://127.0.0.1:${barePort}/hello`, { seconds, connections });
  const health = await load(`${base}/api/health`, { seconds, connections });
  const orgs = await load(`${base}/api/organizations?limit=50`, { seconds, connections, headers: { cookie } });

  const row = (name: string, r: typeof baseline) =>
    `${name.padEnd(44)} ${r.requestsPerSecond.toFixed(0).padStart(8)} req/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  errors ${r.errors}  ${ratio(r.requestsPerSecond, baseline.requestsPerSecond)} of baseline`;
  console.log(`autocannon, ${connections} connections, ${seconds} s each, loopback, one process`);
  console.log(row('baseline: bare Fastify GET /hello', baseline));
  console.log(row('GET /api/health (SELECT 1)', health));
  console.log(row('GET /api/organizations (session, scope, 12 rows)', orgs));

  await app.close();
  await database.close();
  await bare.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
