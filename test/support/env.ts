import { loadSetupConfig, type SetupConfig } from '../../src/config.js';

// The one place tests read connection settings from. Defaults match this
// machine kind (trust auth on 127.0.0.1); override with the same variables.
// Tests use roles of their own, so that running them never touches the service's roles.
export const testEnv = {
  rootUrl: process.env.TEST_ROOT_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  owner: process.env.TEST_DATABASE_OWNER ?? 'relaypg_test_owner',
  ownerPassword: process.env.TEST_DATABASE_OWNER_PASSWORD ?? 'relaypg_owner_test_password',
  appUser: process.env.TEST_DATABASE_APP_USER ?? 'relaypg_test_app',
  appPassword: process.env.TEST_DATABASE_APP_PASSWORD ?? 'relaypg_app_test_password',
  templateDatabase: process.env.TEST_TEMPLATE_DATABASE ?? 'relaypg_test_template',
  redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0',
  /** A Redis database the importer tests may flush and fill with the CRS fixture. */
  scratchRedisDb: Number(process.env.TEST_REDIS_SCRATCH_DB ?? 15),
  crsFixtureDir: process.env.RELAYPG_CRS_FIXTURE_DIR ?? new URL('../../../shared/fixtures/crs-2025-09/', import.meta.url).pathname,
};

export function databaseUrl(user: string, password: string, database: string): string {
  const url = new URL(testEnv.rootUrl);
  url.username = user;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
}

/** Settings for `setupDatabase` (roles + database + migrations) of a test or bench database. */
export function setupConfigFor(database: string): SetupConfig {
  return loadSetupConfig({
    ROOT_DATABASE_URL: testEnv.rootUrl,
    DATABASE_URL: databaseUrl(testEnv.owner, testEnv.ownerPassword, database),
    DATABASE_OWNER: testEnv.owner,
    DATABASE_OWNER_PASSWORD: testEnv.ownerPassword,
    DATABASE_APP_USER: testEnv.appUser,
    DATABASE_APP_PASSWORD: testEnv.appPassword,
  });
}
