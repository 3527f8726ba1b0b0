// Per-file databases cloned from the migrated template, plus a superuser
// client for assertions the runtime role may not make (it cannot read tables).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { databaseUrl, testEnv } from './env.js';

export interface TestDatabase {
  name: string;
  /** The runtime role's URL (what the service uses). */
  appUrl: string;
  /** A superuser URL on this database, for setup and assertions. */
  rootUrl: string;
  drop(): Promise<void>;
}

async function withRoot<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testEnv.rootUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Clones the run's template (outside vitest, e.g. in bench/, pass the template's name). */
export async function createTestDatabase(template: string = inject('templateDatabase')): Promise<TestDatabase> {
  const name = `relaypg_test_${randomBytes(5).toString('hex')}`;
  await withRoot(async (root) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await root.query(`create database ${name} template ${pg.escapeIdentifier(template)} owner ${pg.escapeIdentifier(testEnv.owner)}`);
        break;
      } catch (error) {
        // Another file is cloning the same template at this instant.
        if ((error as { code?: string }).code !== '55006' || attempt > 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
    await root.query(`revoke all on database ${name} from public`);
    await root.query(`grant connect on database ${name} to ${pg.escapeIdentifier(testEnv.appUser)}`);
  });
  const rootUrl = new URL(testEnv.rootUrl);
  rootUrl.pathname = `/${name}`;
  return {
    name,
    appUrl: databaseUrl(testEnv.appUser, testEnv.appPassword, name),
    rootUrl: rootUrl.toString(),
    drop: () => withRoot(async (root) => void (await root.query(`drop database if exists ${name} with (force)`))),
  };
}

/** A superuser pool on a test database (closed by the caller). */
export function rootPool(database: TestDatabase): pg.Pool {
  return new pg.Pool({ connectionString: database.rootUrl, max: 2 });
}
