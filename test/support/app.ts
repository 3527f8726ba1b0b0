// Builds real service instances (real PostgreSQL, real Redis) for tests.
import { randomBytes } from 'node:crypto';
import { createApp, type App } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { testEnv } from './env.js';
import type { TestDatabase } from './database.js';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef0123456789';
export const TEST_HMAC_SECRET = 'test-hmac-secret-0123456789abcdef0123456789';
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
