// The account-domain commands of the CLI, run as child processes on a test
// database: `relaypg maintenance` and `relaypg rotate-account-secrets`.
// Failures are readable (no stack traces) and no output carries a key,
// a secret or a database password.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { startApp, TEST_ACCOUNT_SECRET_KEY } from './support/app.js';
import { projectRoot } from '../src/paths.js';
import { cli, noStack, type CliRun as Run } from './support/cli.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { withRootPool } from './support/http.js';
import { testEnv } from './support/env.js';

/** Neither stream carries any of `secrets`. */
function expectNoneOf(run: Run, secrets: string[]): void {
  for (const secret of secrets) {
    expect(run.stdout.includes(secret), 'stdout carries a secret').toBe(false);
    expect(run.stderr.includes(secret), 'stderr carries a secret').toBe(false);
  }
}

const UNREACHABLE_URL = 'postgres://relaypg_app:secret-password@127.0.0.1:1/relaypg';

describe('relaypg maintenance', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('purges expired sticky sessions and OAuth authorisations, keeps live ones: exit 0 and one line', async () => {
    await withRootPool(database, async (pool) => {
      const { rows } = await pool.query<{ id: string }>(
        `insert into relaypg.accounts (kind, platform, name) values ('claude-official', 'claude', 'maintenance') returning id`,
      );
      const accountId = rows[0]!.id;
      await pool.query(
        `insert into relaypg.sticky_sessions (platform, session_hash, account_id, expires_at) values
           ('claude', 'expired-1', $1, now() - interval '1 minute'),
           ('claude', 'expired-2', $1, now() - interval '1 hour'),
           ('claude', 'live', $1, now() + interval '1 hour')`,
        [accountId],
      );
      await pool.query(
        `insert into relaypg.oauth_sessions (state, secrets, secrets_key_version, expires_at) values
           ('expired', '\\x00', 1, now() - interval '1 second'),
           ('live', '\\x00', 1, now() + interval '10 minutes')`,
      );
    });

    const run = await cli(['maintenance'], { APP_DATABASE_URL: database.appUrl });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      'maintenance: purged 2 expired sticky session(s), 1 expired OAuth authorisation(s) and 0 expired lease(s); usage partitions: 0 created, 0 dropped; 0 event(s) rolled up\n',
    );
    expectNoneOf(run, [testEnv.appPassword]);

    const left = await withRootPool(database, async (pool) => ({
      sticky: (await pool.query<{ session_hash: string }>('select session_hash from relaypg.sticky_sessions order by 1')).rows.map((r) => r.session_hash),
      oauth: (await pool.query<{ state: string }>('select state from relaypg.oauth_sessions order by 1')).rows.map((r) => r.state),
    }));
    expect(left).toEqual({ sticky: ['live'], oauth: ['live'] });

    // Nothing left to purge: the same line with zeros.
    const again = await cli(['maintenance'], { APP_DATABASE_URL: database.appUrl });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      'maintenance: purged 0 expired sticky session(s), 0 expired OAuth authorisation(s) and 0 expired lease(s); usage partitions: 0 created, 0 dropped; 0 event(s) rolled up\n',
    );
  }, 120_000);

  it('while another run holds the lock: exit 0, says nothing was done', async () => {
    await withRootPool(database, async (pool) => {
      const holder = await pool.connect();
      try {
        await holder.query('begin');
        await holder.query(`select pg_advisory_xact_lock(hashtext('relaypg.run_maintenance'))`);
        const run = await cli(['maintenance'], { APP_DATABASE_URL: database.appUrl });
        expect(run.code, run.stderr).toBe(0);
        expect(run.stdout).toBe('maintenance: another run is in progress; nothing done\n');
      } finally {
        await holder.query('rollback');
        holder.release();
      }
    });
  }, 60_000);

  it('--help describes the command', async () => {
    const run = await cli(['maintenance', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: relaypg maintenance/);
    expect(run.stdout).toMatch(/purge expired sticky sessions/);
  }, 60_000);

  // A .env in the project root would fill APP_DATABASE_URL in (it never overrides a set variable).
  it.skipIf(existsSync(path.join(projectRoot, '.env')))('without APP_DATABASE_URL: exit 2, a readable message, no stack trace', async () => {
    const run = await cli(['maintenance']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/relaypg: invalid configuration:\n\s+- APP_DATABASE_URL is required/);
    expect(run.stdout).toBe('');
    noStack(run.stderr);
  }, 60_000);

  it('with an empty or non-PostgreSQL APP_DATABASE_URL: exit 2, says what it must be', async () => {
    for (const url of ['', 'mysql://user:secret-password@127.0.0.1/db']) {
      const run = await cli(['maintenance'], { APP_DATABASE_URL: url });
      expect(run.code, url).toBe(2);
      expect(run.stderr).toMatch(/APP_DATABASE_URL must be a URL starting with postgres:\/\/ or postgresql:\/\//);
      expectNoneOf(run, ['secret-password']);
      noStack(run.stderr);
    }
  }, 60_000);

  it('with PostgreSQL unreachable: exit 1, says where it tried, no password', async () => {
    const run = await cli(['maintenance'], { APP_DATABASE_URL: UNREACHABLE_URL });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^relaypg: cannot reach PostgreSQL \(APP_DATABASE_URL at 127\.0\.0\.1:1\)/);
    expect(run.stdout).toBe('');
    expectNoneOf(run, ['secret-password']);
    noStack(run.stderr);
  }, 60_000);
});

describe('relaypg rotate-account-secrets', () => {
  const K1 = TEST_ACCOUNT_SECRET_KEY; // version 1: the test apps' key
  const K2 = 'rotated-account-secret-key-v2-0123456789abcdef';
  const WRONG_K1 = 'not-the-version-1-key-at-all-0123456789abcdef';
  const SECRETS = {
    officialAccess: `sk-ant-oat01-${randomUUID()}`,
    officialRefresh: `sk-ant-ort01-${randomUUID()}`,
    consoleKey: `sk-ant-api03-${randomUUID()}`,
    proxyPassword: `proxy-pw-${randomUUID()}`,
    geminiAccess: `ya29-${randomUUID()}`,
  };
  const NEVER_PRINTED = [K1, K2, WRONG_K1, ...Object.values(SECRETS), testEnv.appPassword];
  const rotateEnv = { ACCOUNT_SECRET_KEY: K2, ACCOUNT_SECRET_KEY_VERSION: '2', ACCOUNT_SECRET_PREVIOUS_KEYS: `1:${K1}` };

  let database: TestDatabase;
  let app: App;
  const ids: Record<string, string> = {};
  let oauthSessionId: string;

  /** secrets_key_version of every secret blob, by where it lives. */
  const storedVersions = () =>
    withRootPool(database, async (pool) => ({
      accounts: (await pool.query<{ v: number | null }>('select secrets_key_version as v from relaypg.accounts order by name')).rows.map((r) => r.v),
      oauth: (await pool.query<{ v: number }>('select secrets_key_version as v from relaypg.oauth_sessions')).rows.map((r) => r.v),
    }));

  beforeAll(async () => {
    database = await createTestDatabase();
    // The service as deployed before the rotation: ACCOUNT_SECRET_KEY (version 1) only.
    app = await startApp(database);
    ids.a = (await app.accounts.create({ kind: 'claude-official', name: 'a-official', secrets: { accessToken: SECRETS.officialAccess, refreshToken: SECRETS.officialRefresh } })).id;
    ids.b = (
      await app.accounts.create({
        kind: 'claude-console',
        name: 'b-console',
        options: { apiUrl: 'https://console.example.test' },
        proxy: { type: 'socks5', host: 'proxy.example.test', port: 1080, password: SECRETS.proxyPassword },
        secrets: { apiKey: SECRETS.consoleKey },
      })
    ).id;
    ids.c = (await app.accounts.create({ kind: 'gemini', name: 'c-gemini', secrets: { accessToken: SECRETS.geminiAccess } })).id;
    ids.d = (await app.accounts.create({ kind: 'openai', name: 'd-no-secrets' })).id;
    oauthSessionId = (await app.oauthSessions.start({ platform: 'claude' })).id;
    expect(await storedVersions()).toEqual({ accounts: [1, 1, 1, null], oauth: [1] });
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('--help describes the command and --batch-size', async () => {
    const run = await cli(['rotate-account-secrets', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: relaypg rotate-account-secrets/);
    expect(run.stdout).toMatch(/--batch-size <n>/);
  }, 60_000);

  it('refuses a bad --batch-size and a missing ACCOUNT_SECRET_KEY with exit 2, changing nothing', async () => {
    for (const size of ['0', '1.5', '10001']) {
      const run = await cli(['rotate-account-secrets', '--batch-size', size], { APP_DATABASE_URL: database.appUrl, ...rotateEnv });
      expect(run.code, size).toBe(2);
      expect(run.stderr).toMatch(/--batch-size must be an integer from 1 to 10000/);
      expectNoneOf(run, NEVER_PRINTED);
      noStack(run.stderr);
    }
    const missing = await cli(['rotate-account-secrets'], {
      APP_DATABASE_URL: database.appUrl,
      ACCOUNT_SECRET_KEY_VERSION: '2',
      ACCOUNT_SECRET_PREVIOUS_KEYS: `1:${K1}`,
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/ACCOUNT_SECRET_KEY is required/);
    expectNoneOf(missing, NEVER_PRINTED);
    noStack(missing.stderr);

    const short = await cli(['rotate-account-secrets'], { APP_DATABASE_URL: database.appUrl, ACCOUNT_SECRET_KEY: 'short-key' });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/ACCOUNT_SECRET_KEY must be at least 32 characters/);
    expectNoneOf(short, ['short-key']);

    const clash = await cli(['rotate-account-secrets'], { APP_DATABASE_URL: database.appUrl, ...rotateEnv, ACCOUNT_SECRET_PREVIOUS_KEYS: `2:${K1}` });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/ACCOUNT_SECRET_PREVIOUS_KEYS: each version must be unique/);
    expectNoneOf(clash, NEVER_PRINTED);

    expect(await storedVersions()).toEqual({ accounts: [1, 1, 1, null], oauth: [1] });
  }, 120_000);

  it('with the wrong previous key: exit 1, a readable message without keys, nothing re-encrypted', async () => {
    const run = await cli(['rotate-account-secrets'], { APP_DATABASE_URL: database.appUrl, ...rotateEnv, ACCOUNT_SECRET_PREVIOUS_KEYS: `1:${WRONG_K1}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^relaypg: secrets cannot be decrypted with key version 1/);
    expectNoneOf(run, NEVER_PRINTED);
    noStack(run.stderr);
    expect(await storedVersions()).toEqual({ accounts: [1, 1, 1, null], oauth: [1] });
  }, 60_000);

  it('with PostgreSQL unreachable: exit 1, readable, no password or key', async () => {
    const run = await cli(['rotate-account-secrets'], { APP_DATABASE_URL: UNREACHABLE_URL, ...rotateEnv });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^relaypg: cannot reach PostgreSQL \(APP_DATABASE_URL at 127\.0\.0\.1:1\)/);
    expectNoneOf(run, [...NEVER_PRINTED, 'secret-password']);
    noStack(run.stderr);
  }, 60_000);

  it('re-encrypts every secret under v2 in batches; a second run re-encrypts 0; v2 alone then reads them', async () => {
    // 3 accounts with secrets + 1 pending OAuth authorisation = 4 blobs, in batches of 3.
    const run = await cli(['rotate-account-secrets', '--batch-size', '3'], { APP_DATABASE_URL: database.appUrl, ...rotateEnv });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('rotate-account-secrets: 4 secret blob(s) re-encrypted; now 4 under v2\n');
    expect(run.stderr).toBe('rotate-account-secrets: 3 re-encrypted\nrotate-account-secrets: 4 re-encrypted\n');
    expectNoneOf(run, NEVER_PRINTED);
    expect(await storedVersions()).toEqual({ accounts: [2, 2, 2, null], oauth: [2] });

    const again = await cli(['rotate-account-secrets'], { APP_DATABASE_URL: database.appUrl, ...rotateEnv });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe('rotate-account-secrets: 0 secret blob(s) re-encrypted; now 4 under v2\n');
    expect(again.stderr).toBe('');
    expectNoneOf(again, NEVER_PRINTED);

    // The service restarted with v2 only (v1 dropped) reads every secret unchanged.
    const rotated = await startApp(database, { ACCOUNT_SECRET_KEY: K2, ACCOUNT_SECRET_KEY_VERSION: '2' });
    try {
      expect((await rotated.accounts.credentials(ids.a!)).secrets).toEqual({ accessToken: SECRETS.officialAccess, refreshToken: SECRETS.officialRefresh });
      const console = await rotated.accounts.credentials(ids.b!);
      expect(console.secrets).toEqual({ apiKey: SECRETS.consoleKey });
      expect(console.proxy).toEqual({ type: 'socks5', host: 'proxy.example.test', port: 1080, password: SECRETS.proxyPassword });
      expect((await rotated.accounts.credentials(ids.c!)).secrets).toEqual({ accessToken: SECRETS.geminiAccess });
      expect((await rotated.accounts.credentials(ids.d!)).secrets).toEqual({});
      expect((await rotated.oauthSessions.take(oauthSessionId)).codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect((await rotated.accounts.get(ids.a!)).secretsKeyVersion).toBe(2);
    } finally {
      await rotated.close();
    }
  }, 180_000);
});

describe('relaypg db setup', () => {
  it('--help mentions --no-cron', async () => {
    const run = await cli(['db', 'setup', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: relaypg db setup/);
    expect(run.stdout).toMatch(/--no-cron\s+do not schedule maintenance in pg_cron/);
  }, 60_000);
});
