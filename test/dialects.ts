import type { Dialect } from '../server/db/database';

/** Dialects under test: both by default; `DIALECTS=sqlite` for a quick local run (CI runs both). */
export function testDialects(): Dialect[] {
  const raw = (process.env.DIALECTS ?? 'sqlite,postgres').split(',').map((s) => s.trim());
  const unknown = raw.filter((d) => d !== 'sqlite' && d !== 'postgres');
  if (unknown.length) throw new Error(`DIALECTS: unknown dialect(s) ${unknown.join(', ')}`);
  return raw as Dialect[];
}
