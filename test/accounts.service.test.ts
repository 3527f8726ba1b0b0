// AccountService against real PostgreSQL: settings and secrets (masked on
// every read, decrypted only by credentials()), the in-process credential
// cache and its NOTIFY invalidation across instances, state by time, key
// rotation, and the AppErrors each refusal maps to.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import type { Account } from '../src/accounts/account.js';
import type { CreateAccountInput } from '../src/accounts/account-settings.js';
import { AppError } from '../src/errors.js';
import { startApp, useTestApp } from './support/app.js';
import { createTestDatabase, rootPool, type TestDatabase } from './support/database.js';
import { unique } from './support/http.js';
import { waitFor } from './support/wait.js';
import { appErrorOf, shapeOf } from './support/errors.js';

const testApp = useTestApp();

const MASK = '********';

/** A plaintext secret unique to this run, easy to spot in any output. */
const secret = (label: string) => `plain-${label}-${randomUUID()}`;

/** A claude-official account with an access token, for the state tests. */
function official(app: App, settings: Partial<CreateAccountInput> = {}): Promise<Account> {
  return app.accounts.create({ kind: 'claude-official', name: unique('official'), secrets: { accessToken: secret('at') }, ...settings });
}

const ms = (iso: string | null) => {
  if (iso === null) throw new Error('expected a time, got null');
  return Date.parse(iso);
};

/** Runs statements as the superuser on one connection (a transaction when asked). */
async function asRoot(database: TestDatabase, run: (query: (sql: string, params?: unknown[]) => Promise<any[]>) => Promise<void>): Promise<void> {
  const pool = rootPool(database);
  try {
    const client = await pool.connect();
    try {
      await run(async (sql, params) => (await client.query(sql, params)).rows);
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}

describe('create', () => {
  it('creates a claude-official account with secrets and a proxy, masking both', async () => {
    const { app } = testApp;
    const accessToken = secret('access');
    const refreshToken = secret('refresh');
    const proxyPassword = secret('proxy');
    const account = await app.accounts.create({
      kind: 'claude-official',
      name: '  official-create  ',
      description: 'primary',
      priority: 10,
      subscriptionPlan: 'max',
      modelMapping: ['claude-sonnet-4-20250514'],
      tokenExpiresAt: '2030-01-02T03:04:05.000Z',
      proxy: { type: 'socks5', host: '10.0.0.1', port: 1080, username: 'proxy-user', password: proxyPassword },
      secrets: { accessToken, refreshToken },
    });
    expect(account).toMatchObject({
      kind: 'claude-official',
      platform: 'claude',
      name: 'official-create', // trimmed
      description: 'primary',
      priority: 10,
      isActive: true,
      isPaused: false,
      accountType: 'shared',
      subscriptionPlan: 'max',
      modelMapping: { 'claude-sonnet-4-20250514': 'claude-sonnet-4-20250514' }, // a list is an identity mapping
      rateLimitMinutes: 60,
      dailyQuota: '0',
      quotaResetTime: '00:00',
      options: {},
      proxy: { type: 'socks5', host: '10.0.0.1', port: 1080, username: 'proxy-user', password: MASK },
      secrets: { accessToken: MASK, refreshToken: MASK, proxyPassword: MASK },
      secretsKeyVersion: 1,
      unavailableReason: null,
      tokenExpiresAt: '2030-01-02T03:04:05.000Z',
      groupIds: [],
      version: 1,
    });
    expect(account.id).toMatch(/^[0-9a-f-]{36}$/);
    for (const plain of [accessToken, refreshToken, proxyPassword]) expect(JSON.stringify(account)).not.toContain(plain);
  });

  it('creates a claude-console account with options.apiUrl and an apiKey', async () => {
    const { app } = testApp;
    const apiKey = secret('console-key');
    const account = await app.accounts.create({
      kind: 'claude-console',
      name: unique('console'),
      options: { apiUrl: 'https://console.example.test/api', userAgent: 'relay-test' },
      rateLimitMinutes: 0,
      secrets: { apiKey },
    });
    expect(account).toMatchObject({
      kind: 'claude-console',
      platform: 'claude',
      options: { apiUrl: 'https://console.example.test/api', userAgent: 'relay-test' },
      rateLimitMinutes: 0,
      proxy: null,
      secrets: { apiKey: MASK },
    });
    expect(JSON.stringify(account)).not.toContain(apiKey);
    const credentials = await app.accounts.credentials(account.id);
    expect(credentials).toEqual({
      accountId: account.id,
      kind: 'claude-console',
      version: 1,
      secrets: { apiKey },
      proxy: null,
      options: { apiUrl: 'https://console.example.test/api', userAgent: 'relay-test' },
    });
  });

  it('creates a bedrock account whose awsCredentials secret is an object', async () => {
    const { app } = testApp;
    const awsCredentials = { accessKeyId: 'AKIATESTKEYID', secretAccessKey: secret('aws'), sessionToken: secret('aws-session') };
    const account = await app.accounts.create({ kind: 'bedrock', name: unique('bedrock'), options: { region: 'us-east-1' }, secrets: { awsCredentials } });
    expect(account).toMatchObject({ kind: 'bedrock', platform: 'claude', options: { region: 'us-east-1' }, secrets: { awsCredentials: MASK } });
    expect(JSON.stringify(account)).not.toContain(awsCredentials.secretAccessKey);
    expect((await app.accounts.credentials(account.id)).secrets).toEqual({ awsCredentials });
  });

  it('stores no secret blob for an account created without secrets', async () => {
    const { app } = testApp;
    const account = await app.accounts.create({ kind: 'gemini', name: unique('bare-gemini') });
    expect(account).toMatchObject({ platform: 'gemini', secrets: {}, secretsKeyVersion: null, proxy: null });
    expect((await app.accounts.credentials(account.id)).secrets).toEqual({});
  });

  it('refuses invalid input with invalid_input 400 naming the field, without echoing secrets', async () => {
    const { app } = testApp;
    const leaked = secret('must-not-echo');
    const cases: [CreateAccountInput, string][] = [
      [{ kind: 'claude-console', name: unique('no-url'), secrets: { apiKey: leaked } }, 'options.apiUrl'],
      [{ kind: 'claude-console', name: unique('bad-url'), options: { apiUrl: 'ftp://x' } }, 'options.apiUrl'],
      [{ kind: 'claude-official', name: unique('prio'), priority: 0 }, 'priority'],
      [{ kind: 'claude-official', name: unique('prio'), priority: 101 }, 'priority'],
      [{ kind: 'claude-official', name: '   ' }, 'name'],
      [{ kind: 'claude-official', name: unique('plan'), subscriptionPlan: 'enterprise' }, 'subscription_plan'],
      [{ kind: 'claude-official', name: unique('reset'), quotaResetTime: '24:00' }, 'quota_reset_time'],
      [{ kind: 'unknown-kind' as CreateAccountInput['kind'], name: unique('kind') }, 'kind'],
      // A secret in options would be stored in clear: refused.
      [{ kind: 'claude-console', name: unique('opt'), options: { apiUrl: 'https://x.test', apiKey: leaked } }, 'options'],
      // A secret the kind does not hold.
      [{ kind: 'bedrock', name: unique('wrong-secret'), secrets: { apiKey: leaked } }, 'secrets.apiKey'],
      [{ kind: 'claude-official', name: unique('proxy'), proxy: { type: 'ftp', host: 'h', port: 1, password: leaked } }, 'proxy'],
      [{ kind: 'claude-official', name: unique('proxy'), proxy: { type: 'http', host: 'h', port: 70_000 } }, 'proxy'],
    ];
    for (const [input, field] of cases) {
      const error = await appErrorOf(app.accounts.create(input));
      expect(shapeOf(error), JSON.stringify(input)).toEqual({ code: 'invalid_input', status: 400, field });
      expect(error.message).not.toContain(leaked);
    }
  });
});

describe('get and list', () => {
  it('gets an account; an unknown id is account_not_found 404', async () => {
    const { app } = testApp;
    const created = await official(app);
    expect(await app.accounts.get(created.id)).toEqual(created);
    const error = await appErrorOf(app.accounts.get(randomUUID()));
    expect(shapeOf(error)).toEqual({ code: 'account_not_found', status: 404, field: undefined });
    expect(error.sqlState).toBe('ACNFD');
  });

  it('filters by platform and kind and pages in (platform, priority, name) order', async () => {
    const { app } = testApp;
    // Only this test creates openai-responses and openai accounts.
    const c = await app.accounts.create({ kind: 'openai-responses', name: 'page-c', priority: 2, secrets: { apiKey: secret('c') } });
    const a = await app.accounts.create({ kind: 'openai-responses', name: 'page-a', priority: 3, secrets: { apiKey: secret('a') } });
    const b = await app.accounts.create({ kind: 'openai-responses', name: 'page-b', priority: 1, secrets: { apiKey: secret('b') } });
    const z = await app.accounts.create({ kind: 'openai-responses', name: 'page-z', priority: 2 });
    const openai = await app.accounts.create({ kind: 'openai', name: 'page-openai', priority: 2, secrets: { accessToken: secret('o') } });

    const kind = async (limit: number, offset: number) => (await app.accounts.list({ kind: 'openai-responses', limit, offset })).items;
    expect((await kind(2, 0)).map((x) => x.id)).toEqual([b.id, c.id]);
    expect((await kind(2, 2)).map((x) => x.id)).toEqual([z.id, a.id]);
    expect(await kind(2, 4)).toEqual([]);
    expect((await app.accounts.list({ kind: 'openai-responses', limit: 2, offset: 4 })).total).toBe(4);
    const openaiPlatform = await app.accounts.list({ platform: 'openai', limit: 500, offset: 0 });
    expect(openaiPlatform.items.map((x) => x.id)).toEqual([b.id, c.id, openai.id, z.id, a.id]);
    expect(openaiPlatform.total).toBe(5);
    expect((await app.accounts.list({ platform: 'openai', kind: 'openai', limit: 500, offset: 0 })).items.map((x) => x.id)).toEqual([openai.id]);

    const claude = (await app.accounts.list({ platform: 'claude', limit: 500, offset: 0 })).items;
    expect(claude.length).toBeGreaterThan(0);
    expect(claude.every((x) => x.platform === 'claude')).toBe(true);
  });

  it('filters by group membership', async () => {
    const { app } = testApp;
    const inGroup = await official(app, { priority: 7 });
    const bedrock = await app.accounts.create({ kind: 'bedrock', name: unique('grouped-bedrock'), priority: 3 });
    await official(app); // not a member
    const group = await app.accountGroups.create({ name: unique('list-group'), platform: 'claude' });
    await app.accountGroups.setMembers(group.id, [inGroup.id, bedrock.id]);
    const members = (await app.accounts.list({ groupId: group.id, limit: 500, offset: 0 })).items;
    expect(members.map((x) => x.id)).toEqual([bedrock.id, inGroup.id]);
    expect(members.every((x) => x.groupIds.includes(group.id))).toBe(true);
    expect(await app.accounts.list({ groupId: randomUUID(), limit: 10, offset: 0 })).toEqual({ items: [], total: 0 });
  });

  it('refuses a limit outside 1..500 or a negative offset', async () => {
    const { app } = testApp;
    expect(shapeOf(await appErrorOf(app.accounts.list({ limit: 0, offset: 0 })))).toEqual({ code: 'invalid_input', status: 400, field: 'limit' });
    expect(shapeOf(await appErrorOf(app.accounts.list({ limit: 501, offset: 0 })))).toEqual({ code: 'invalid_input', status: 400, field: 'limit' });
    expect(shapeOf(await appErrorOf(app.accounts.list({ limit: 1, offset: -1 })))).toEqual({ code: 'invalid_input', status: 400, field: 'offset' });
  });

  it('never shows a secret or a proxy password in get or list output', async () => {
    const { app } = testApp;
    const plains = [secret('at'), secret('rt'), secret('pw'), secret('email-pw')];
    const [accessToken, refreshToken, password, accountPassword] = plains as [string, string, string, string];
    const account = await app.accounts.create({
      kind: 'claude-official',
      name: unique('leak'),
      proxy: { type: 'http', host: 'proxy.test', port: 3128, password },
      secrets: { accessToken, refreshToken, password: accountPassword, claudeAiOauth: { accessToken, refreshToken } },
    });
    const outputs = [
      JSON.stringify(await app.accounts.get(account.id)),
      JSON.stringify(await app.accounts.list({ platform: 'claude', limit: 500, offset: 0 })),
      JSON.stringify(await app.accounts.list({ limit: 500, offset: 0 })),
    ];
    expect(outputs[0]).toContain(account.id);
    for (const output of outputs) for (const plain of plains) expect(output).not.toContain(plain);
  });
});

describe('update', () => {
  it('changes settings and secrets; null removes a secret; the mask keeps the stored secret and proxy password', async () => {
    const { app } = testApp;
    const [at1, at2, rt1, pw1, pw2] = [secret('at1'), secret('at2'), secret('rt1'), secret('pw1'), secret('pw2')];
    const proxy = { type: 'socks5', host: 'p1.test', port: 1080, username: 'u1' };
    const created = await app.accounts.create({ kind: 'claude-official', name: unique('upd'), proxy: { ...proxy, password: pw1 }, secrets: { accessToken: at1, refreshToken: rt1 } });

    const renamed = await app.accounts.update(created.id, { name: 'renamed', priority: 5, description: null, autoStopOnWarning: true, secrets: { accessToken: at2, refreshToken: null } });
    expect(renamed).toMatchObject({ name: 'renamed', priority: 5, description: '', autoStopOnWarning: true, secrets: { accessToken: MASK, proxyPassword: MASK }, version: 2 });
    expect(Object.keys(renamed.secrets as object).sort()).toEqual(['accessToken', 'proxyPassword']);
    // minVersion = the version just written: no stale held copy can answer.
    expect(await app.accounts.credentials(created.id, renamed.version)).toMatchObject({ version: 2, secrets: { accessToken: at2 }, proxy: { ...proxy, password: pw1 } });

    // What a read showed, sent back: nothing secret changes; the proxy host does.
    const echoed = await app.accounts.update(created.id, { secrets: { accessToken: MASK }, proxy: { ...proxy, host: 'p2.test', password: MASK } });
    expect(echoed.proxy).toEqual({ ...proxy, host: 'p2.test', password: MASK });
    expect((await app.accounts.credentials(created.id, echoed.version)).secrets).toEqual({ accessToken: at2 });
    expect((await app.accounts.credentials(created.id, echoed.version)).proxy).toEqual({ ...proxy, host: 'p2.test', password: pw1 });

    // A new proxy password replaces the old one.
    const newPassword = await app.accounts.update(created.id, { proxy: { ...proxy, password: pw2 } });
    expect((await app.accounts.credentials(created.id, newPassword.version)).proxy).toEqual({ ...proxy, password: pw2 });

    // A proxy without a password drops the stored one; a null proxy drops the proxy.
    const noPassword = await app.accounts.update(created.id, { proxy });
    expect(noPassword.proxy).toEqual(proxy);
    expect(noPassword.secrets).toEqual({ accessToken: MASK });
    expect((await app.accounts.credentials(created.id, noPassword.version)).proxy).toEqual(proxy);
    const noProxy = await app.accounts.update(created.id, { proxy: null });
    expect(noProxy.proxy).toBeNull();

    // Removing the last secret leaves no blob at all.
    const empty = await app.accounts.update(created.id, { secrets: { accessToken: null } });
    expect(empty).toMatchObject({ secrets: {}, secretsKeyVersion: null });
    expect((await app.accounts.credentials(created.id, empty.version)).secrets).toEqual({});
  });

  it('does not bump the version for an update that changes nothing', async () => {
    const { app } = testApp;
    const created = await official(app, { priority: 9 });
    const same = await app.accounts.update(created.id, { priority: 9, secrets: {} });
    expect(same.version).toBe(1);
  });

  it('refuses an unknown account, a bad field and a secret the kind does not hold', async () => {
    const { app } = testApp;
    const created = await app.accounts.create({ kind: 'claude-console', name: unique('upd-bad'), options: { apiUrl: 'https://c.test' } });
    expect(shapeOf(await appErrorOf(app.accounts.update(randomUUID(), { name: 'x' })))).toEqual({ code: 'account_not_found', status: 404, field: undefined });
    expect(shapeOf(await appErrorOf(app.accounts.update(created.id, { options: {} })))).toEqual({ code: 'invalid_input', status: 400, field: 'options.apiUrl' });
    expect(shapeOf(await appErrorOf(app.accounts.update(created.id, { secrets: { accessToken: 'x' } })))).toEqual({
      code: 'invalid_input',
      status: 400,
      field: 'secrets.accessToken',
    });
    expect(shapeOf(await appErrorOf(app.accounts.update(created.id, { secrets: { apiKey: { nested: 'object' } } })))).toEqual({
      code: 'invalid_input',
      status: 400,
      field: 'secrets.apiKey',
    });
    // Nothing was applied by the refused calls.
    expect((await app.accounts.get(created.id)).version).toBe(1);
  });
});

describe('delete', () => {
  it('refuses with account_in_use 409 while a key is bound, and unbinds on request', async () => {
    const { app } = testApp;
    const account = await official(app);
    const { apiKey } = await app.apiKeys.create({ name: unique('bound'), claudeAccountId: account.id });
    const error = await appErrorOf(app.accounts.delete(account.id, { unbindKeys: false }));
    expect(shapeOf(error)).toEqual({ code: 'account_in_use', status: 409, field: undefined });
    expect(error.message).toContain(apiKey.id); // the detail names the bound keys
    expect((await app.accounts.get(account.id)).id).toBe(account.id);

    expect(await app.accounts.delete(account.id, { unbindKeys: true })).toBe(1);
    expect((await app.apiKeys.get(apiKey.id)).claudeAccountId).toBeNull();
    expect(shapeOf(await appErrorOf(app.accounts.get(account.id)))).toEqual({ code: 'account_not_found', status: 404, field: undefined });
    expect(shapeOf(await appErrorOf(app.accounts.delete(account.id, { unbindKeys: true })))).toEqual({ code: 'account_not_found', status: 404, field: undefined });
  });

  it('deletes an unbound account, returning 0, and its held credentials go with it', async () => {
    const { app } = testApp;
    const account = await official(app);
    await app.accounts.credentials(account.id);
    expect(await app.accounts.delete(account.id, { unbindKeys: false })).toBe(0);
    await waitFor(async () => (await appErrorOf(app.accounts.credentials(account.id)).catch(() => null))?.code === 'account_not_found', 1_000, 'credentials of a deleted account to be dropped');
  });
});

describe('credentials', () => {
  it('returns decrypted secrets and the proxy with its password', async () => {
    const { app } = testApp;
    const [accessToken, refreshToken, password] = [secret('at'), secret('rt'), secret('pw')];
    const account = await app.accounts.create({
      kind: 'claude-official',
      name: unique('creds'),
      options: { note: 'kept' },
      proxy: { type: 'https', host: 'proxy.test', port: 8443, username: 'pu', password },
      secrets: { accessToken, refreshToken },
    });
    expect(await app.accounts.credentials(account.id)).toEqual({
      accountId: account.id,
      kind: 'claude-official',
      version: 1,
      secrets: { accessToken, refreshToken },
      proxy: { type: 'https', host: 'proxy.test', port: 8443, username: 'pu', password },
      options: { note: 'kept' },
    });
    expect(shapeOf(await appErrorOf(app.accounts.credentials(randomUUID())))).toEqual({ code: 'account_not_found', status: 404, field: undefined });
  });

  it('holds credentials in memory: a change that announces nothing is not seen until minVersion asks for it', async () => {
    const { app, database } = testApp;
    const [x1, y1] = [secret('x1'), secret('y1')];
    const x = await official(app, { secrets: { accessToken: x1 } });
    const y = await official(app, { secrets: { accessToken: y1 } });
    expect((await app.accounts.credentials(x.id)).secrets).toEqual({ accessToken: x1 });

    // Give x the secrets of y (same key version) with triggers off: no version bump, no NOTIFY.
    await asRoot(database, async (query) => {
      await query('begin');
      await query('set local session_replication_role = replica');
      await query('update relaypg.accounts x set secrets = y.secrets, version = x.version + 1 from relaypg.accounts y where x.id = $1 and y.id = $2', [x.id, y.id]);
      await query('commit');
    });
    expect((await app.accounts.get(x.id)).version).toBe(2);
    // Served from memory (the database would have answered y1).
    expect(await app.accounts.credentials(x.id)).toMatchObject({ version: 1, secrets: { accessToken: x1 } });
    expect(await app.accounts.credentials(x.id, 1)).toMatchObject({ version: 1, secrets: { accessToken: x1 } });
    // A selection that saw version 2 forces the read, which is then held.
    expect(await app.accounts.credentials(x.id, 2)).toMatchObject({ version: 2, secrets: { accessToken: y1 } });
    expect(await app.accounts.credentials(x.id)).toMatchObject({ version: 2, secrets: { accessToken: y1 } });
  });

  it('drops credentials held by another instance within a second of an update', async () => {
    const { app, database } = testApp;
    const other = await startApp(database);
    try {
      const [t1, t2, t3] = [secret('t1'), secret('t2'), secret('t3')];
      const account = await official(app, { secrets: { accessToken: t1 } });
      expect((await other.accounts.credentials(account.id)).secrets).toEqual({ accessToken: t1 });
      expect(other.accounts.heldCredentials).toBe(1);

      await app.accounts.update(account.id, { secrets: { accessToken: t2 } });
      await waitFor(async () => (await other.accounts.credentials(account.id)).secrets.accessToken === t2, 1_000, 'the other instance to see the new token');

      // The other direction, and a change that touches no secret (a pause), are announced too.
      await other.accounts.update(account.id, { secrets: { accessToken: t3 } });
      await waitFor(async () => (await app.accounts.credentials(account.id)).secrets.accessToken === t3, 1_000, 'the first instance to see the newest token');
      const paused = await app.accounts.pause(account.id);
      await waitFor(async () => (await other.accounts.credentials(account.id)).version === paused.version, 1_000, 'the pause to be announced');
    } finally {
      await other.close();
    }
  });
});

describe('state', () => {
  it('pause and resume', async () => {
    const { app } = testApp;
    const account = await official(app);
    expect(await app.accounts.pause(account.id)).toMatchObject({ isPaused: true, unavailableReason: 'paused', version: 2 });
    expect(await app.accounts.resume(account.id)).toMatchObject({ isPaused: false, unavailableReason: null, version: 3 });
    expect(shapeOf(await appErrorOf(app.accounts.pause(randomUUID())))).toEqual({ code: 'account_not_found', status: 404, field: undefined });
  });

  it('markRateLimited: one hour by default, the upstream reset time when given; off for a Console account with rateLimitMinutes 0', async () => {
    const { app } = testApp;
    const account = await official(app);
    const limited = await app.accounts.markRateLimited(account.id);
    expect(limited.unavailableReason).toBe('rate_limited');
    expect(ms(limited.rateLimitedUntil) - ms(limited.updatedAt)).toBe(3_600_000);
    expect(limited.errorMessage).toMatch(/^rate limited until /);

    const resetAt = new Date(Date.now() + 42 * 60_000);
    resetAt.setMilliseconds(0);
    const withReset = await app.accounts.markRateLimited(account.id, resetAt);
    expect(withReset.rateLimitedUntil).toBe(resetAt.toISOString());

    const cleared = await app.accounts.resetState(account.id);
    expect(cleared).toMatchObject({ unavailableReason: null, rateLimitedUntil: null, errorMessage: '' });

    const unlimited = await app.accounts.create({ kind: 'claude-console', name: unique('no-limit'), rateLimitMinutes: 0, options: { apiUrl: 'https://c.test' } });
    expect(await app.accounts.markRateLimited(unlimited.id)).toMatchObject({ unavailableReason: null, rateLimitedUntil: null, version: 1 });
    const minutes = await app.accounts.create({ kind: 'claude-console', name: unique('limit-5'), rateLimitMinutes: 5, options: { apiUrl: 'https://c.test' } });
    const limitedConsole = await app.accounts.markRateLimited(minutes.id);
    expect(ms(limitedConsole.rateLimitedUntil) - ms(limitedConsole.updatedAt)).toBe(5 * 60_000);
  });

  it('markOverloaded: ten minutes by default', async () => {
    const { app } = testApp;
    const account = await official(app);
    const overloaded = await app.accounts.markOverloaded(account.id);
    expect(overloaded.unavailableReason).toBe('overloaded');
    expect(ms(overloaded.overloadedUntil) - ms(overloaded.updatedAt)).toBe(600_000);
    expect(shapeOf(await appErrorOf(app.accounts.markOverloaded(account.id, 0)))).toEqual({ code: 'invalid_input', status: 400, field: 'minutes' });
  });

  it('recordServerError: the fourth 5xx in the window trips temp_error with the default policy', async () => {
    const { app } = testApp;
    const account = await official(app);
    for (let i = 1; i <= 3; i++) {
      // Counting is bookkeeping: still available, no version bump (nothing announced).
      expect(await app.accounts.recordServerError(account.id)).toMatchObject({ unavailableReason: null, tempErrorUntil: null, version: 1 });
    }
    const tripped = await app.accounts.recordServerError(account.id);
    expect(tripped.unavailableReason).toBe('temp_error');
    expect(ms(tripped.tempErrorUntil) - ms(tripped.updatedAt)).toBe(300_000);
    expect(tripped.errorMessage).toMatch(/^4 upstream 5xx errors since /);
    // The count starts again after tripping: the next 5xx does not extend the rest.
    const after = await app.accounts.recordServerError(account.id);
    expect(after.tempErrorUntil).toBe(tripped.tempErrorUntil);
  });

  it('markBlocked: unauthorized and blocked stay until an admin reset; a pause survives the reset', async () => {
    const { app } = testApp;
    const account = await official(app);
    expect(await app.accounts.markBlocked(account.id, 'unauthorized', 'upstream said 401')).toMatchObject({
      unavailableReason: 'unauthorized',
      blockedReason: 'unauthorized',
      errorMessage: 'upstream said 401',
    });
    const blocked = await app.accounts.markBlocked(account.id, 'blocked', 'upstream said 403');
    expect(blocked).toMatchObject({ unavailableReason: 'blocked', blockedReason: 'blocked' });
    expect(blocked.blockedAt).toBe(blocked.updatedAt);
    // A rate limit on top does not change what is reported: blocked comes first.
    expect((await app.accounts.markRateLimited(account.id)).unavailableReason).toBe('blocked');
    await app.accounts.pause(account.id);
    expect(await app.accounts.resetState(account.id)).toMatchObject({ unavailableReason: 'paused', blockedReason: null, blockedAt: null, rateLimitedUntil: null, errorMessage: '' });
    expect((await app.accounts.resume(account.id)).unavailableReason).toBeNull();
    expect(shapeOf(await appErrorOf(app.accounts.markBlocked(account.id, 'nope' as 'blocked', '')))).toEqual({ code: 'invalid_input', status: 400, field: 'reason' });
  });

  it('recordTokenRefreshFailure keeps the account out for ten minutes; recordTokenRefresh stores new tokens and clears it', async () => {
    const { app } = testApp;
    const account = await official(app, { secrets: { accessToken: secret('old-at'), refreshToken: secret('old-rt') } });
    const failed = await app.accounts.recordTokenRefreshFailure(account.id, 'refresh endpoint said 400');
    expect(failed).toMatchObject({ unavailableReason: 'refresh_failed', errorMessage: 'refresh endpoint said 400' });
    expect(failed.refreshFailedAt).toBe(failed.updatedAt);
    expect(ms(failed.refreshRetryAt) - ms(failed.updatedAt)).toBe(600_000);

    const [accessToken, refreshToken] = [secret('new-at'), secret('new-rt')];
    const expiresAt = new Date('2031-05-06T07:08:09.000Z');
    const refreshed = await app.accounts.recordTokenRefresh(account.id, { expiresAt, tokens: { accessToken, refreshToken }, subscriptionPlan: 'pro' });
    expect(refreshed).toMatchObject({
      unavailableReason: null,
      refreshFailedAt: null,
      refreshRetryAt: null,
      errorMessage: '',
      tokenExpiresAt: expiresAt.toISOString(),
      subscriptionPlan: 'pro',
      secrets: { accessToken: MASK, refreshToken: MASK },
    });
    expect(refreshed.lastRefreshAt).toBe(refreshed.updatedAt);
    expect(JSON.stringify(refreshed)).not.toContain(accessToken);
    expect((await app.accounts.credentials(account.id, refreshed.version)).secrets).toEqual({ accessToken, refreshToken });

    // Only the access token: the refresh token is kept.
    const onlyAccess = secret('only-at');
    const again = await app.accounts.recordTokenRefresh(account.id, { expiresAt, tokens: { accessToken: onlyAccess } });
    expect(again.subscriptionPlan).toBe('pro');
    expect((await app.accounts.credentials(account.id, again.version)).secrets).toEqual({ accessToken: onlyAccess, refreshToken });

    expect(shapeOf(await appErrorOf(app.accounts.recordTokenRefresh(account.id, { expiresAt, tokens: { accessToken: '' } })))).toEqual({
      code: 'invalid_input',
      status: 400,
      field: 'tokens',
    });
  });

  it('recordSessionWindow opens a 5-hour window on the hour and, with autoStopOnWarning, stops on allowed_warning until it ends', async () => {
    const { app } = testApp;
    const plain = await official(app);
    const warned = await app.accounts.recordSessionWindow(plain.id, 'allowed_warning');
    expect(warned).toMatchObject({ unavailableReason: null, sessionWindowStatus: 'allowed_warning', fiveHourStoppedUntil: null });
    const start = new Date(ms(warned.updatedAt));
    start.setUTCMinutes(0, 0, 0);
    expect(warned.sessionWindowStart).toBe(start.toISOString());
    expect(ms(warned.sessionWindowEnd) - ms(warned.sessionWindowStart)).toBe(5 * 3_600_000);

    const stopping = await official(app, { autoStopOnWarning: true });
    expect((await app.accounts.recordSessionWindow(stopping.id, 'allowed')).unavailableReason).toBeNull();
    const stopped = await app.accounts.recordSessionWindow(stopping.id, 'allowed_warning');
    expect(stopped.unavailableReason).toBe('five_hour_stopped');
    expect(stopped.fiveHourStoppedUntil).toBe(stopped.sessionWindowEnd);
    // An account with a live window is rate limited until the window ends.
    expect((await app.accounts.markRateLimited(stopping.id)).rateLimitedUntil).toBe(stopped.sessionWindowEnd);
    expect(shapeOf(await appErrorOf(app.accounts.recordSessionWindow(stopping.id, 'denied' as 'rejected')))).toEqual({ code: 'invalid_input', status: 400, field: 'status' });
  });

  it('markQuotaExceeded: out until the next quota reset time in TIME_ZONE (Asia/Shanghai, UTC+8)', async () => {
    const { app } = testApp;
    const account = await official(app, { quotaResetTime: '03:30' });
    const stopped = await app.accounts.markQuotaExceeded(account.id);
    expect(stopped.unavailableReason).toBe('quota_exceeded');
    // 03:30 in Shanghai is 19:30 UTC: the first one strictly after the update.
    const now = ms(stopped.updatedAt);
    const day = new Date(now);
    let expected = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 19, 30);
    if (expected <= now) expected += 86_400_000;
    expect(stopped.quotaStoppedUntil).toBe(new Date(expected).toISOString());
    expect((await app.accounts.resetState(account.id)).unavailableReason).toBeNull();
  });
});

// Its own database: rotation re-encrypts every blob there, which the file's
// app (key version 1 only) could no longer read.
describe('rotateSecrets', () => {
  const K1 = 'rotation-key-one-0123456789abcdef0123456789';
  const K2 = 'rotation-key-two-0123456789abcdef0123456789';

  it('re-encrypts every blob under the new key; an app with only the new key reads them afterwards', async () => {
    const database = await createTestDatabase();
    const apps: App[] = [];
    const start = async (env: Record<string, string>) => {
      const started = await startApp(database, env);
      apps.push(started);
      return started;
    };
    try {
      const v1 = await start({ ACCOUNT_SECRET_KEY: K1 });
      const tokens = [secret('r1'), secret('r2'), secret('r3')];
      const accounts = [];
      for (const token of tokens) accounts.push(await official(v1, { secrets: { accessToken: token } }));
      const proxyPassword = secret('rot-pw');
      const withProxy = await v1.accounts.create({ kind: 'claude-console', name: unique('rot-proxy'), options: { apiUrl: 'https://c.test' }, proxy: { type: 'http', host: 'p.test', port: 80, password: proxyPassword } });
      await v1.accounts.create({ kind: 'gemini', name: unique('rot-bare') }); // no secrets: no blob
      const oauth = await v1.oauthSessions.start({ platform: 'claude' });
      expect(await v1.accounts.secretVersions()).toEqual([{ keyVersion: 1, count: 5 }]);

      // Only the new key: version 1 is not in the ring.
      const k2Only = await start({ ACCOUNT_SECRET_KEY: K2, ACCOUNT_SECRET_KEY_VERSION: '2' });
      const missing = await appErrorOf(k2Only.accounts.credentials(accounts[0]!.id));
      expect(shapeOf(missing)).toEqual({ code: 'secret_key_unavailable', status: 500, field: undefined });
      for (const key of [K1, K2]) expect(missing.message).not.toContain(key);
      // The wrong key under the right version number is refused the same way.
      const wrong = await start({ ACCOUNT_SECRET_KEY: K2, ACCOUNT_SECRET_KEY_VERSION: '1' });
      const wrongKey = await appErrorOf(wrong.accounts.credentials(accounts[0]!.id));
      expect(shapeOf(wrongKey)).toEqual({ code: 'secret_key_unavailable', status: 500, field: undefined });
      expect(wrongKey.message).not.toContain(K2);
      // Writing a secret needs the old blob decrypted first: refused too, nothing changed.
      expect((await appErrorOf(k2Only.accounts.update(accounts[0]!.id, { secrets: { refreshToken: secret('x') } }))).code).toBe('secret_key_unavailable');

      const rotating = await start({ ACCOUNT_SECRET_KEY: K2, ACCOUNT_SECRET_KEY_VERSION: '2', ACCOUNT_SECRET_PREVIOUS_KEYS: `1:${K1}` });
      expect((await rotating.accounts.credentials(accounts[1]!.id)).secrets).toEqual({ accessToken: tokens[1] }); // readable mid-rotation
      const progress: number[] = [];
      expect(await rotating.accounts.rotateSecrets(2, (done) => progress.push(done))).toBe(5);
      expect(progress).toEqual([2, 4, 5]);
      expect(await rotating.accounts.secretVersions()).toEqual([{ keyVersion: 2, count: 5 }]);
      expect(await rotating.accounts.rotateSecrets()).toBe(0);
      expect((await rotating.accounts.get(accounts[2]!.id)).secretsKeyVersion).toBe(2);

      const done = await start({ ACCOUNT_SECRET_KEY: K2, ACCOUNT_SECRET_KEY_VERSION: '2' });
      for (const [i, account] of accounts.entries()) expect((await done.accounts.credentials(account.id)).secrets).toEqual({ accessToken: tokens[i] });
      expect((await done.accounts.credentials(withProxy.id)).proxy).toEqual({ type: 'http', host: 'p.test', port: 80, password: proxyPassword });
      expect((await done.oauthSessions.take(oauth.id)).codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // The old key alone can no longer read them.
      expect((await appErrorOf(v1.accounts.credentials(accounts[0]!.id, 2))).code).toBe('secret_key_unavailable');
    } finally {
      for (const started of apps) await started.close();
      await database.drop();
    }
  });

  // A row another transaction holds (an admin edit, a state change, a selection's
  // last_used_at) is skipped by its batch; the run must come back for it rather
  // than report completion with a secret still under the old key.
  it('does not finish while a secret skipped because its row was in use is still under the old key', async () => {
    const database = await createTestDatabase();
    const v1 = await startApp(database, { ACCOUNT_SECRET_KEY: K1 });
    const rotating = await startApp(database, { ACCOUNT_SECRET_KEY: K2, ACCOUNT_SECRET_KEY_VERSION: '2', ACCOUNT_SECRET_PREVIOUS_KEYS: `1:${K1}` });
    const pool = rootPool(database);
    const client = await pool.connect();
    let released: Promise<unknown> = Promise.resolve();
    try {
      const busy = await official(v1);
      await official(v1);
      await official(v1);
      await client.query('begin');
      await client.query('select 1 from relaypg.accounts where id = $1 for update', [busy.id]);
      const rotation = rotating.accounts.rotateSecrets(100);
      // The other transaction ends shortly after the rotation started.
      released = new Promise((resolve) => setTimeout(resolve, 500)).then(() => client.query('commit'));
      expect(await rotation).toBe(3);
      expect(await rotating.accounts.secretVersions()).toEqual([{ keyVersion: 2, count: 3 }]);
    } finally {
      await released;
      await client.query('rollback').catch(() => undefined);
      client.release();
      await pool.end();
      await v1.close();
      await rotating.close();
      await database.drop();
    }
  });

  it('refuses a batch size outside 1..10000', async () => {
    const { app } = testApp;
    expect(shapeOf(await appErrorOf(app.accounts.rotateSecrets(0)))).toEqual({ code: 'invalid_input', status: 400, field: 'batch_size' });
  });
});
