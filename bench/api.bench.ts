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

async function startApp(database: ReturnType<typeof connect>, sessionCacheMs: number) {
  const app = await buildApp({ database, serveWeb: false, loginRatePerMinute: 1000, sessionCacheMs });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
}

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
  // The same app twice: sessions resolved from the database on every request, and with the session cache.
  const uncached = await startApp(database, 0);
  const cached = await startApp(database, 5000);
  const officerOf = async (base: string) => {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'officer.tq', password: DEMO_PASSWORD }),
    });
    return login.headers.get('set-cookie')!.split(';')[0]!;
  };
  const uncachedCookie = await officerOf(uncached.base);
  const cachedCookie = await officerOf(cached.base);
  const inScope = (await (
    await fetch(`${cached.base}/api/organizations?limit=1`, { headers: { cookie: cachedCookie } })
  ).json()) as {
    total: number;
  };

  const baseline = await load(`http://127.0.0.1:${barePort}/hello`, { seconds, connections });
  const health = await load(`${cached.base}/api/health`, { seconds, connections });
  const me = await load(`${uncached.base}/api/auth/me`, { seconds, connections, headers: { cookie: uncachedCookie } });
  const meCached = await load(`${cached.base}/api/auth/me`, { seconds, connections, headers: { cookie: cachedCookie } });
  const orgsUncached = await load(`${uncached.base}/api/organizations?limit=50`, {
    seconds,
    connections,
    headers: { cookie: uncachedCookie },
  });
  const orgs = await load(`${cached.base}/api/organizations?limit=50`, {
    seconds,
    connections,
    headers: { cookie: cachedCookie },
  });

  const row = (name: string, r: typeof baseline) =>
    `${name.padEnd(44)} ${r.requestsPerSecond.toFixed(0).padStart(8)} req/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  errors ${r.errors}  ${ratio(r.requestsPerSecond, baseline.requestsPerSecond)} of baseline`;
  console.log(`autocannon, ${connections} connections, ${seconds} s each, loopback, one process`);
  console.log(row('baseline: bare Fastify GET /hello', baseline));
  console.log(row('GET /api/health (SELECT 1)', health));
  console.log(row('GET /api/auth/me, session from the database', me));
  console.log(row('GET /api/auth/me, session cache', meCached));
  console.log(row(`GET /api/organizations 50 of ${inScope.total}, no cache`, orgsUncached));
  console.log(row(`GET /api/organizations 50 of ${inScope.total}, cache`, orgs));

  await uncached.app.close();
  await cached.app.close();
  await database.close();
  await bare.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
