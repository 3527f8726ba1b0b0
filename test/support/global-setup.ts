// Builds the migrated template database once per vitest run; every test file
// clones it (test/support/database.ts). scripts/test.sh builds it itself and
// sets RELAYPG_TEST_TEMPLATE_READY=1; a standalone `npx vitest` builds a
// template of its own (unique name, dropped at the end) so that two runs on
// one machine never drop each other's template.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { setupDatabase } from '../../src/db-setup.js';
import { createLogger } from '../../src/logger.js';
import { setupConfigFor, testEnv } from './env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (process.env.RELAYPG_TEST_TEMPLATE_READY === '1') {
    project.provide('templateDatabase', testEnv.templateDatabase);
    return;
  }
  const name = `${testEnv.templateDatabase}_${randomBytes(4).toString('hex')}`;
  await setupDatabase(setupConfigFor(name), createLogger('warn'), { reset: true, schedule: false });
  project.provide('templateDatabase', name);
  return async () => {
    const root = new pg.Client({ connectionString: testEnv.rootUrl });
    await root.connect();
    await root.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
    await root.end();
  };
}
