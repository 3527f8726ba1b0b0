// GET /health over a real listening server: ok when PostgreSQL, Redis and the
// migration all check out; degraded (still 200, still serving keys from
// PostgreSQL) without Redis; down (503) when the database is behind the
// shipped migration or unreachable.
import { readdir } from 'node:fs/promises';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from './support/app.js';
import { testEnv } from './support/env.js';
import { createKeyViaAdmin, expectError, serveApp, unique, withRootPool, type HttpResult, type ServedApp } from './support/http.js';

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/** The newest committed migration file, as the service expects it. */
/** The newest committed migration as graphile-migrate records it ("000002-accounts.sql" is recorded as "000002.sql"). */
async function latestMigrationFile(): Promise<string> {
  const files = (await readdir(new URL('../db/migrations/committed/', import.meta.url))).filter((f) => /^\d+.*\.sql$/.test(f)).sort();
  expect(files.length).toBeGreaterThan(0);
  return `${/^\d+/.exec(files.at(-1)!)![0]}.sql`;
}

/** GET `path` on `served` (no default credentials): a JSON answer, checked for leaks by the client. */
async function get(served: ServedApp, path: string, headers: Record<string, string> = {}): Promise<HttpResult> {
  const result = await served.http.send('GET', path, { token: null, headers });
  expect(result.contentType).toMatch(/^application\/json/);
  return result;
}

/** GET /health: expects `status` and exactly `report`; returns the response text. */
async function expectHealth(served: ServedApp, status: number, report: Record<string, unknown>): Promise<string> {
  const result = await get(served, '/health');
  expect(result.status).toBe(status);
  expect(result.body).toEqual(report);
  return result.text;
}

async function asRoot(served: ServedApp, sql: string, values: unknown[] = []): Promise<void> {
  await withRootPool(served.database, (pool) => pool.query(sql, values));
}

// ---------------------------------------------------------------------------

// Everything up: 200, status ok, migration at the newest committed file.
describe('healthy', () => {
  const served = serveApp();

  it('200 with status ok, postgres/redis/migrations ok, expected == applied == the newest file', async () => {
    const latest = await latestMigrationFile();
    await expectHealth(served, 200, {
      status: 'ok',
      postgres: { ok: true },
      redis: { ok: true },
      migrations: { ok: true, expected: latest, applied: latest },
    });
  });

  it('needs no credentials and ignores them', async () => {
    expect((await get(served, '/health', { authorization: 'Bearer wrong' })).status).toBe(200);
    expect((await get(served, '/health', { 'x-api-key': 'cr_wrong' })).status).toBe(200);
  });
});

// Redis on a dead port: degraded, still 200, and keys are served from PostgreSQL.
describe('Redis unreachable', () => {
  const served = serveApp({ env: { REDIS_URL: 'redis://127.0.0.1:1/0' } });

  it('200 with status degraded and redis.ok false (PostgreSQL and migrations ok)', async () => {
    const latest = await latestMigrationFile();
    const text = await expectHealth(served, 200, {
      status: 'degraded',
      postgres: { ok: true },
      redis: { ok: false, error: 'unreachable' },
      migrations: { ok: true, expected: latest, applied: latest },
    });
    expect(text).not.toContain(served.database.name);
  });

  it('still authenticates keys (from PostgreSQL), without waiting on Redis', async () => {
    const { apiKey, plainKey } = await createKeyViaAdmin(served.http, { name: unique('no-redis') });
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const { status, body } = await get(served, '/api/v1/key', { 'x-api-key': plainKey });
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(status).toBe(200);
      expect(body.key.id).toBe(apiKey.id);
    }
  });

  it('still refuses unknown keys with 401 invalid_api_key', async () => {
    expectError(await get(served, '/api/v1/key', { 'x-api-key': `cr_${'0'.repeat(64)}` }), 401, 'invalid_api_key');
  });

  it('still applies admin changes (disabling is seen without Redis)', async () => {
    const { apiKey, plainKey } = await createKeyViaAdmin(served.http, { name: unique('no-redis-disable') });
    const patched = await served.http.send('PATCH', `/admin/api-keys/${apiKey.id}`, { json: { isActive: false } });
    expect(patched.status).toBe(200);
    const { status, body } = await get(served, '/api/v1/key', { 'x-api-key': plainKey });
    expect({ status, code: body.error?.code }).toEqual({ status: 401, code: 'api_key_disabled' });
  });
});

// The database is behind the migration this build ships: 503, status down.
describe('migration behind', () => {
  const served = serveApp();
  let appliedHash: string;

  beforeAll(async () => {
    const { rows } = await withRootPool(served.database, (pool) =>
      pool.query<{ hash: string }>('select hash from graphile_migrate.migrations order by date desc limit 1'),
    );
    appliedHash = rows[0]!.hash;
  });

  it('is ok before the change (the premise)', async () => {
    expect((await get(served, '/health')).body.status).toBe('ok');
  });

  it('503 with status down and migrations.ok false when the applied hash differs', async () => {
    await asRoot(served, `update graphile_migrate.migrations set hash = 'sha1:stale' where filename = (select max(filename) from graphile_migrate.migrations)`);
    const latest = await latestMigrationFile();
    await expectHealth(served, 503, {
      status: 'down',
      postgres: { ok: true },
      redis: { ok: true },
      migrations: { ok: false, expected: latest, applied: latest },
    });
  });

  it('503 with applied null when no migration is recorded at all', async () => {
    await asRoot(served, 'delete from graphile_migrate.migrations');
    const { status, body } = await get(served, '/health');
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: 'down', migrations: { ok: false, applied: null } });
  });

  it('recovers as soon as the database is at the expected migration again (checked live)', async () => {
    const latest = await latestMigrationFile();
    await asRoot(served, `insert into graphile_migrate.migrations (filename, hash, previous_hash, date) values ($1, $2, null, now())`, [latest, appliedHash]);
    const { status, body } = await get(served, '/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
  });
});

// PostgreSQL refuses the service's connections (connection limit reached,
// existing sessions terminated): 503 everywhere, as JSON, with no details.
describe('PostgreSQL unavailable', () => {
  const served = serveApp();

  beforeAll(async () => {
    expect((await get(served, '/health')).status).toBe(200);
    await asRoot(served, `alter database ${pg.escapeIdentifier(served.database.name)} connection limit 0`);
    await asRoot(served, 'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and usename = $2', [served.database.name, testEnv.appUser]);
  });

  it('/health: 503 with status down, postgres.ok false and no applied migration', async () => {
    const latest = await latestMigrationFile();
    const text = await expectHealth(served, 503, {
      status: 'down',
      postgres: { ok: false, error: 'unreachable' },
      redis: { ok: true },
      migrations: { ok: false, expected: latest, applied: null },
    });
    expect(text).not.toContain(served.database.name);
  });

  it('a key lookup it cannot make: 503 service_unavailable, without details', async () => {
    const result = await get(served, '/api/v1/key', { 'x-api-key': `cr_${'1'.repeat(64)}` });
    expectError(result, 503, 'service_unavailable');
    expect(JSON.stringify(result.body)).not.toContain(served.database.name);
  });

  it('an admin call: 503 service_unavailable', async () => {
    expectError(await get(served, '/admin/api-keys', { authorization: `Bearer ${TEST_ADMIN_TOKEN}` }), 503, 'service_unavailable');
  });
});
