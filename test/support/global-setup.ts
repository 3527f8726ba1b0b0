// Builds the migrated template database once per vitest run; every test file
// clones it (test/support/database.ts).
import { loadSetupConfig } from '../../src/config.js';
import { setupDatabase } from '../../src/db-setup.js';
import { createLogger } from '../../src/logger.js';
import { databaseUrl, testEnv } from './env.js';

export default async function setup(): Promise<void> {
  // scripts/test.sh has just built it; standalone `npx vitest` builds it here.
  if (process.env.RELAYPG_TEST_TEMPLATE_READY === '1') return;
  const config = loadSetupConfig({
    ROOT_DATABASE_URL: testEnv.rootUrl,
    DATABASE_URL: databaseUrl(testEnv.owner, testEnv.ownerPassword, testEnv.templateDatabase),
    DATABASE_OWNER: testEnv.owner,
    DATABASE_OWNER_PASSWORD: testEnv.ownerPassword,
    DATABASE_APP_USER: testEnv.appUser,
    DATABASE_APP_PASSWORD: testEnv.appPassword,
  });
  await setupDatabase(config, createLogger('warn'), { reset: true });
}
