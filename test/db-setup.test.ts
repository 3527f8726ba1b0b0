// `relaypg db setup` (setupDatabase): roles, database and migrations; running
// it again changes nothing, and --reset starts from an empty database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { setupDatabase } from '../src/db-setup.js';
import { createLogger } from '../src/logger.js';
import { setupConfigFor, testEnv } from './support/env.js';

const name = `relaypg_test_setup_${randomBytes(4).toString('hex')}`;
const config = setupConfigFor(name);
const log = createLogger('silent');

async function inDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(testEnv.rootUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  const root = new pg.Client({ connectionString: testEnv.rootUrl });
  await root.connect();
  await root.query('select cron.unschedule(jobid) from cron.job where jobname = $1', [`relaypg-maintenance@${name}`]);
  await root.query(`drop database if exists ${name} with (force)`);
  await root.end();
});

describe('setupDatabase', () => {
  it('creates the database owned by the owner role and applies every committed migration', async () => {
    await setupDatabase(config, log);
    const state = await inDatabase(async (client) => (await client.query(
      `select pg_get_userbyid(d.datdba) as owner,
              (select count(*)::int from graphile_migrate.migrations) as migrations,
              has_database_privilege($1, current_database(), 'connect') as app_can_connect,
              has_schema_privilege($1, 'relaypg', 'usage') as app_sees_private
         from pg_database d where d.datname = current_database()`, [testEnv.appUser])).rows[0]);
    expect(state).toMatchObject({ owner: testEnv.owner, app_can_connect: true, app_sees_private: false });
    // The service's bind parameters (key ring, credentials) never reach the server log.
    const settings = await inDatabase(async (client) => (await client.query(
      `select unnest(s.setconfig) as setting from pg_db_role_setting s join pg_roles r on r.oid = s.setrole
        where r.rolname = $1 and s.setdatabase = 0 order by 1`, [testEnv.appUser])).rows.map((r) => r.setting));
    expect(settings).toEqual(expect.arrayContaining(['log_parameter_max_length=0', 'log_parameter_max_length_on_error=0']));
    expect(state.migrations).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('running it again changes nothing', async () => {
    await inDatabase((client) => client.query("insert into relaypg.users (id, username) values ('u-keep', 'kept')"));
    const before = await inDatabase(async (client) => (await client.query('select * from graphile_migrate.migrations order by filename')).rows);
    await setupDatabase(config, log);
    const after = await inDatabase(async (client) => ({
      migrations: (await client.query('select * from graphile_migrate.migrations order by filename')).rows,
      users: (await client.query('select id from relaypg.users')).rows,
    }));
    expect(after.migrations).toEqual(before);
    expect(after.users).toEqual([{ id: 'u-keep' }]);
  }, 60_000);

  it('schedules maintenance in pg_cron for the database and records it there (the service then runs no timer)', async () => {
    const root = new pg.Client({ connectionString: testEnv.rootUrl });
    await root.connect();
    try {
      const { rows } = await root.query('select schedule, command, database, username from cron.job where jobname = $1', [`relaypg-maintenance@${name}`]);
      expect(rows).toEqual([{ schedule: '* * * * *', command: 'select api.run_maintenance()', database: name, username: testEnv.owner }]);
    } finally {
      await root.end();
    }
    const jobs = await inDatabase(async (client) => (await client.query('select * from api.list_scheduled_jobs() name')).rows);
    expect(jobs).toEqual([{ name: 'relaypg-maintenance' }]);
  }, 60_000);

  it('with schedule off, nothing new is scheduled; --reset removes the job of the dropped database', async () => {
    await setupDatabase(config, log, { reset: true, schedule: false });
    const root = new pg.Client({ connectionString: testEnv.rootUrl });
    await root.connect();
    try {
      const { rowCount } = await root.query('select 1 from cron.job where jobname = $1', [`relaypg-maintenance@${name}`]);
      expect(rowCount).toBe(0);
    } finally {
      await root.end();
    }
    const jobs = await inDatabase(async (client) => (await client.query('select * from api.list_scheduled_jobs() name')).rows);
    expect(jobs).toEqual([]);
  }, 60_000);

  it('--reset starts from an empty, freshly migrated database', async () => {
    await setupDatabase(config, log, { reset: true });
    const users = await inDatabase(async (client) => (await client.query('select count(*)::int as n from relaypg.users')).rows[0].n);
    expect(users).toBe(0);
  }, 60_000);
});
