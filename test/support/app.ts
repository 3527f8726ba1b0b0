// Builds real service instances (real PostgreSQL, real Redis) for tests.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { testEnv } from './env.js';
import { createTestDatabase, rootPool, type TestDatabase } from './database.js';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef0123456789';
export const TEST_HMAC_SECRET = 'test-hmac-secret-0123456789abcdef0123456789';
export const TEST_ACCOUNT_SECRET_KEY = 'test-account-secret-key-0123456789abcdef0123';
/** The CRS fixture's ENCRYPTION_KEY (shared/fixtures/crs-2025-09/expected.json). */
export const FIXTURE_CRS_SECRET = 'fixture-encryption-key-0123456789';

/** A Redis key prefix unique to one test file, so files never share cache entries. */
export function uniqueRedisPrefix(): string {
  return `relaypg-test-${randomBytes(4).toString('hex')}:`;
}

export function testConfig(database: TestDatabase, overrides: Record<string, string> = {}): Config {
  return loadConfig({
    APP_DATABASE_URL: database.appUrl,
    REDIS_URL: testEnv.redisUrl,
    REDIS_KEY_PREFIX: uniqueRedisPrefix(),
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    API_KEY_HMAC_SECRET: TEST_HMAC_SECRET,
    ACCOUNT_SECRET_KEY: TEST_ACCOUNT_SECRET_KEY,
    CRS_ENCRYPTION_KEY: FIXTURE_CRS_SECRET,
    LOG_LEVEL: 'silent',
    LAST_USED_FLUSH_INTERVAL_MS: '3600000',
    PG_POOL_SIZE: '4',
    PORT: '0',
    ...overrides,
  });
}

export async function startApp(database: TestDatabase, overrides: Record<string, string> = {}): Promise<App> {
  const config = testConfig(database, overrides);
  return createApp(config, createLogger(config.LOG_LEVEL));
}

export interface TestApp {
  readonly database: TestDatabase;
  readonly app: App;
}

/**
 * A database cloned for this file and an App on it, built in beforeAll and
 * torn down in afterAll; `users` are inserted first (id, username).
 */
export function useTestApp(options: { env?: Record<string, string>; users?: [id: string, username: string][] } = {}): TestApp {
  let database: TestDatabase | undefined;
  let app: App | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    if (options.users?.length) {
      const root = rootPool(database);
      for (const [id, username] of options.users) await root.query('insert into relaypg.users (id, username) values ($1, $2)', [id, username]);
      await root.end();
    }
    app = await startApp(database, options.env);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: use it inside a test or hook`);
    return value;
  };
  return {
    get database() {
      return ready(database, 'the test database');
    },
    get app() {
      return ready(app, 'the app');
    },
  };
}
