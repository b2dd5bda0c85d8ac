import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  CANBO_DATA_DIR: z.string().default('./data'),
  CANBO_DATABASE_URL: z.string().optional(),
  CANBO_DEMO: z.enum(['0', '1']).optional(),
  NODE_ENV: z.string().default('development'),
  CANBO_SECURE_COOKIES: z.enum(['0', '1']).optional(),
  CANBO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CANBO_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  CANBO_POLICY_DIR: z.string().optional(),
  CANBO_SESSION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  CANBO_SQLITE_CACHE_MB: z.coerce.number().int().min(2).max(65_536).optional(),
});

export type DatabaseTarget =
  | {
      dialect: 'sqlite';
      file: string;
      /** SQLite's page cache per connection, MiB (SQLite's own default is 2). */
      cacheMb?: number;
    }
  | { dialect: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseTarget;
  demo: boolean;
  production: boolean;
  secureCookies: boolean;
  logLevel: z.infer<typeof envSchema>['CANBO_LOG_LEVEL'];
  loginRatePerMinute: number;
  /** How long a resolved session may be reused before the database is asked again (0 = never cached). */
  sessionCacheMs: number;
  /** The policy/ folder with the rule packs (the repository's own by default). */
  policyDir: string | undefined;
}

/** CANBO_DATABASE_URL is a SQLite file path, `sqlite:path`, or `postgres://…`. */
export function parseDatabaseTarget(url: string | undefined, dataDir: string, cacheMb?: number): DatabaseTarget {
  const cache = cacheMb === undefined ? {} : { cacheMb };
  if (!url) return { dialect: 'sqlite', file: path.join(dataDir, 'canbo.db'), ...cache };
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  return { dialect: 'sqlite', file: url.replace(/^sqlite:/, ''), ...cache };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.CANBO_DATA_DIR,
    database: parseDatabaseTarget(e.CANBO_DATABASE_URL, e.CANBO_DATA_DIR, e.CANBO_SQLITE_CACHE_MB),
    // Demo data only when asked for and never in production: no default passwords outside the demo.
    demo: e.CANBO_DEMO === '1' && !production,
    production,
    secureCookies: e.CANBO_SECURE_COOKIES ? e.CANBO_SECURE_COOKIES === '1' : production,
    logLevel: e.CANBO_LOG_LEVEL,
    loginRatePerMinute: e.CANBO_LOGIN_RATE_PER_MINUTE,
    sessionCacheMs: e.CANBO_SESSION_CACHE_MS,
    policyDir: e.CANBO_POLICY_DIR,
  };
}
