// The CRS importer's account domain (src/crs-import/crs-accounts.ts, through
// importFromCrs) against the real CRS fixture (shared/fixtures/crs-2025-09):
// accounts of every kind with their secrets, groups, live sticky mappings and
// the pending OAuth authorisation. The fixture is loaded into a Redis database
// of this file's own (not the scratch db crs-import.test.ts uses: vitest runs
// files in parallel). Every test shares that one import, so they run in order.
import { execFile } from 'node:child_process';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../src/accounts/account.js';
import type { App } from '../src/app.js';
import { formatReport, importFromCrs, ImportSetupError, type ImportReport } from '../src/crs-import/crs-import.js';
import { AppError } from '../src/errors.js';
import { FIXTURE_CRS_SECRET, startApp, TEST_ACCOUNT_SECRET_KEY } from './support/app.js';
import { fixturePresent, flushScratch, loadFixtureIntoRedis, openScratchRedis, readExpected, readFixtureRecords, type Expected, type FixtureRecord } from './support/crs-fixture.js';
import { createTestDatabase, rootPool, type TestDatabase } from './support/database.js';
import { testEnv } from './support/env.js';

const fixtureAccountImport = {
  crsEncryptionKey: FIXTURE_CRS_SECRET,
  keyring: { current: 1, keys: { '1': TEST_ACCOUNT_SECRET_KEY } },
  timeZone: 'Asia/Shanghai',
};

/** This file's Redis database: never the service's, never testEnv.scratchRedisDb (crs-import.test.ts). */
const ACCOUNTS_REDIS_DB = Number(process.env.TEST_REDIS_ACCOUNTS_SCRATCH_DB ?? 14);

const present = fixturePresent();
if (!present) {
  console.warn(
    `[crs-import-accounts.test] SKIPPED: the CRS fixture was not found at ${testEnv.crsFixtureDir} ` +
      '(needs crs-redis.jsonl and expected.json; set RELAYPG_CRS_FIXTURE_DIR to its directory).',
  );
}

// ---------------------------------------------------------------------------
// The parts of expected.json this file reads (beyond support's Expected).
// ---------------------------------------------------------------------------

interface ExpectedProxy {
  type: string;
  host: string;
  port: number;
  username?: string;
  password?: string;
}

interface ExpectedAccount {
  label: string;
  type: string;
  redisKey: string;
  name?: string;
  email?: string;
  plan?: string;
  proxy?: ExpectedProxy | null;
  password?: string;
  plainApiKey?: string;
  plainOauth?: Record<string, string | number>;
  plainAwsCredentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  dailyQuota?: number;
}

interface ExpectedClaudeTokens {
  accountId: string;
  currentAccessToken: string;
  currentRefreshToken: string;
  history: { n: number; issuedAt: string; accessToken: string; refreshToken: string }[];
}

interface AccountsExpected extends Expected {
  accounts: Record<string, ExpectedAccount>;
  groups: Record<string, { name: string; members: string[] }>;
  claudeTokens: Record<string, ExpectedClaudeTokens>;
  stickySession: { ttlHours: number; renewalThresholdMinutes: number };
  admin: { username: string; password: string; loginSessionToken: string; secondLoginSessionToken: string };
}

// ---------------------------------------------------------------------------
// Fixture views
// ---------------------------------------------------------------------------

const KIND_OF_TYPE: Record<string, string> = {
  'claude-official': 'claude-official',
  'claude-console': 'claude-console',
  gemini: 'gemini',
  openai: 'openai',
  bedrock: 'bedrock',
  'azure-openai': 'azure-openai',
  ccr: 'ccr',
  'openai-responses': 'openai-responses',
};

const BINDING_FIELDS = ['claudeAccountId', 'claudeConsoleAccountId', 'geminiAccountId', 'openaiAccountId', 'azureOpenaiAccountId', 'bedrockAccountId'];

/** An account's fields as CRS stores them (bedrock: its JSON document, values stringified). */
function accountFields(record: FixtureRecord): Record<string, string> {
  if (record.type === 'hash') return record.value;
  if (record.type === 'string') {
    const document = JSON.parse(record.value) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(document).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  }
  throw new Error(`${record.key} is a ${record.type}, not an account`);
}

function fixtureRecord(key: string): FixtureRecord {
  const record = readFixtureRecords().find((r) => r.key === key);
  if (record === undefined) throw new Error(`${key} is not in the dump`);
  return record;
}

const stickyRecords = (): { key: string; platform: string; hash: string; accountId: string; ttl: number }[] =>
  readFixtureRecords()
    .filter((r) => /^unified_(claude|gemini|openai)_session_mapping:/.test(r.key))
    .map((r) => {
      const platform = /^unified_(\w+?)_session_mapping:/.exec(r.key)![1]!;
      return {
        key: r.key,
        platform,
        hash: r.key.slice(r.key.indexOf(':') + 1),
        accountId: (JSON.parse(r.value as string) as { accountId: string }).accountId,
        ttl: r.ttl,
      };
    });

async function refusalOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof AppError) return error.sqlState ?? `AppError ${error.code}`;
    throw error;
  }
}

function pgDump(url: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('pg_dump', ['--no-owner', '--no-privileges', '--dbname', url], { maxBuffer: 256 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

const iso = (v: string | undefined): string | null => (v === undefined || v === '' ? null : new Date(v).toISOString());
const plusMinutes = (v: string, minutes: number): string => new Date(Date.parse(v) + minutes * 60_000).toISOString();

// ---------------------------------------------------------------------------

describe.skipIf(!present)('CRS import of the account domain from the crs-2025-09 fixture', () => {
  let expected: AccountsExpected;
  let redis: Redis;
  let database: TestDatabase;
  let app: App;
  let root: pg.Pool;
  let report: ImportReport;
  let importStarted: number;
  let importEnded: number;

  const idOf = (label: string): string => {
    const entry = Object.entries(expected.accounts).find(([, a]) => a.label === label);
    if (entry === undefined) throw new Error(`no account labelled ${label} in expected.json`);
    return entry[0];
  };
  const keyIdOf = (label: string): string => {
    const entry = Object.entries(expected.apiKeys).find(([, k]) => k.label === label);
    if (entry === undefined) throw new Error(`no key labelled ${label} in expected.json`);
    return entry[0];
  };
  const fieldsOf = (label: string) => accountFields(fixtureRecord(expected.accounts[idOf(label)]!.redisKey));
  const accountOf = (label: string): Promise<Account> => app.accounts.get(idOf(label));
  const credentialsOf = (label: string) => app.accounts.credentials(idOf(label));

  /** Every plaintext secret of expected.json (empty values left out). */
  const plaintextSecrets = (): { what: string; value: string }[] => {
    const out: { what: string; value: string }[] = [];
    const add = (what: string, value: unknown) => {
      if (typeof value === 'string' && value !== '') out.push({ what, value });
    };
    for (const account of Object.values(expected.accounts)) {
      add(`${account.label}.email`, account.email);
      add(`${account.label}.password`, account.password);
      add(`${account.label}.proxy.password`, account.proxy?.password);
      add(`${account.label}.plainApiKey`, account.plainApiKey);
      for (const [name, value] of Object.entries(account.plainOauth ?? {})) {
        if (/token/i.test(name)) add(`${account.label}.plainOauth.${name}`, value);
      }
      add(`${account.label}.aws.secretAccessKey`, account.plainAwsCredentials?.secretAccessKey);
      add(`${account.label}.aws.accessKeyId`, account.plainAwsCredentials?.accessKeyId);
      add(`${account.label}.aws.sessionToken`, account.plainAwsCredentials?.sessionToken);
    }
    for (const [label, tokens] of Object.entries(expected.claudeTokens)) {
      add(`${label}.currentAccessToken`, tokens.currentAccessToken);
      add(`${label}.currentRefreshToken`, tokens.currentRefreshToken);
      for (const h of tokens.history) {
        add(`${label}.history[${h.n}].accessToken`, h.accessToken);
        add(`${label}.history[${h.n}].refreshToken`, h.refreshToken);
      }
    }
    const oauth = fixtureRecord(oauthKey()).value as Record<string, string>;
    add('oauth.codeVerifier', oauth.codeVerifier);
    // Not account secrets, but secrets of the same dump: none may reach PostgreSQL in clear either.
    for (const key of Object.values(expected.apiKeys)) {
      add(`${key.label}.plainKey`, key.plainKey);
      add(`${key.label}.previousPlainKey`, key.previousPlainKey);
    }
    add('admin.password', expected.admin.password);
    add('admin.loginSessionToken', expected.admin.loginSessionToken);
    add('admin.secondLoginSessionToken', expected.admin.secondLoginSessionToken);
    for (const user of Object.values(expected.users)) add(`${user.username}.sessionToken`, user.sessionToken);
    return out;
  };
  const oauthKey = (): string => {
    const keys = readFixtureRecords()
      .filter((r) => r.key.startsWith('oauth:'))
      .map((r) => r.key);
    if (keys.length !== 1) throw new Error(`expected one oauth:* key in the dump, found ${keys.length}`);
    return keys[0]!;
  };

  beforeAll(async () => {
    expected = readExpected() as AccountsExpected;
    redis = openScratchRedis(ACCOUNTS_REDIS_DB);
    await loadFixtureIntoRedis(redis);
    database = await createTestDatabase();
    app = await startApp(database);
    root = rootPool(database);
    importStarted = Date.now();
    report = await importFromCrs({ redis, pool: app.pool, accounts: fixtureAccountImport });
    importEnded = Date.now();
  }, 180_000);

  afterAll(async () => {
    if (redis !== undefined) {
      await flushScratch(redis).catch((error: unknown) => console.warn(`could not flush Redis db ${ACCOUNTS_REDIS_DB}: ${String(error)}`));
      redis.disconnect();
    }
    await root?.end();
    await app?.close();
    await database?.drop();
  }, 120_000);

  it('with a wrong CRS_ENCRYPTION_KEY nothing is imported: the import stops, saying the key is wrong', async () => {
    const other = await createTestDatabase();
    const otherApp = await startApp(other);
    try {
      const failure = await importFromCrs({
        redis,
        pool: otherApp.pool,
        accounts: { ...fixtureAccountImport, crsEncryptionKey: 'not-the-fixture-key-0123456789abcdef' },
      }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ImportSetupError);
      expect((failure as Error).message).toMatch(/CRS_ENCRYPTION_KEY is not the key this CRS used/);
      const { rows } = await otherApp.pool.query('select count(*)::int as n from api.list_accounts(null, null, null, 500, 0)');
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await otherApp.close();
      await other.drop();
    }
  }, 120_000);

  it('imports all 15 accounts (8 claude-official, one of each other kind), the group, 16 live mappings and the authorisation, refusing none', async () => {
    expect(report.accounts).toEqual({ read: 15, inserted: 15, updated: 0, unchanged: 0, skipped: 0, refused: [] });
    expect(report.groups).toEqual({ read: 1, inserted: 1, updated: 0, unchanged: 0, skipped: 0, refused: [] });
    expect(report.stickySessions).toEqual({ read: 16, inserted: 16, updated: 0, unchanged: 0, skipped: 0, refused: [] });
    expect(report.oauthSessions).toEqual({ read: 1, inserted: 1, updated: 0, unchanged: 0, skipped: 0, refused: [] });
    const { items: accounts, total } = await app.accounts.list({ limit: 100, offset: 0 });
    expect(total).toBe(15);
    expect(accounts.map((a) => a.id).sort()).toEqual(Object.keys(expected.accounts).sort());
    const kinds: Record<string, number> = {};
    for (const a of accounts) kinds[a.kind] = (kinds[a.kind] ?? 0) + 1;
    expect(kinds).toEqual({ 'claude-official': 8, 'claude-console': 1, ccr: 1, bedrock: 1, gemini: 1, openai: 1, 'openai-responses': 1, 'azure-openai': 1 });
  });

  it("keeps CRS's names, kinds, platforms, priorities and account types (A5 and B1 dedicated, A6 group)", async () => {
    const platformOf: Record<string, string> = { gemini: 'gemini', openai: 'openai', 'openai-responses': 'openai', 'azure-openai': 'azure-openai' };
    for (const [id, account] of Object.entries(expected.accounts)) {
      const fields = fieldsOf(account.label);
      const kind = KIND_OF_TYPE[account.type]!;
      const got = await app.accounts.get(id);
      expect({ label: account.label, kind: got.kind, platform: got.platform, name: got.name, description: got.description, priority: got.priority, accountType: got.accountType }).toEqual({
        label: account.label,
        kind,
        platform: platformOf[kind] ?? 'claude',
        name: fields.name,
        description: fields.description ?? '',
        priority: Number(fields.priority),
        accountType: fields.accountType ?? 'shared',
      });
    }
    expect((await accountOf('A7')).priority).toBe(55);
    const types = Object.fromEntries(await Promise.all(['A1', 'A5', 'A6', 'B1', 'C1'].map(async (l) => [l, (await accountOf(l)).accountType])));
    expect(types).toEqual({ A1: 'shared', A5: 'dedicated', A6: 'group', B1: 'dedicated', C1: 'shared' });
  });

  describe('secrets: decrypted with the CRS key, re-encrypted with the key ring, read back equal', () => {
    it.each(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'])('%s (claude-official): email, live tokens, the stale claudeAiOauth blob', async (label) => {
      const account = expected.accounts[idOf(label)]!;
      const tokens = expected.claudeTokens[label]!;
      expect(tokens.accountId).toBe(idOf(label));
      const { secrets, kind } = await credentialsOf(label);
      expect(kind).toBe('claude-official');
      // CRS stores an unset secret as "": such a secret is not imported at all.
      const want: Record<string, unknown> = { email: account.email };
      if (account.password) want.password = account.password;
      if (tokens.currentAccessToken) want.accessToken = tokens.currentAccessToken;
      if (tokens.currentRefreshToken) want.refreshToken = tokens.currentRefreshToken;
      const { claudeAiOauth, subscriptionInfo, ...rest } = secrets;
      expect(rest).toEqual(want);
      // The profile holds the email in clear: it is kept, encrypted, as a secret.
      expect(subscriptionInfo).toBe(fieldsOf(label).subscriptionInfo || undefined);
      if (label === 'A8') {
        // The legacy create path has no OAuth blob.
        expect(claudeAiOauth).toBeUndefined();
      } else {
        // claudeAiOauth keeps the creation-time tokens forever (redis-model 7.15).
        const first = tokens.history[0]!;
        expect(claudeAiOauth).toMatchObject({ accessToken: first.accessToken, ...(first.refreshToken ? { refreshToken: first.refreshToken } : {}) });
      }
    });

    it('A8: the legacy account keeps its password; A4 (setup token) has no refresh token', async () => {
      expect(expected.accounts[idOf('A8')]!.password).toBe('legacy-password-8');
      expect((await credentialsOf('A8')).secrets.password).toBe('legacy-password-8');
      expect((await credentialsOf('A4')).secrets).not.toHaveProperty('refreshToken');
      const profile = fieldsOf('A4').subscriptionInfo ? ['subscriptionInfo'] : [];
      expect(Object.keys((await accountOf('A4')).secrets as Record<string, unknown>).sort()).toEqual(['accessToken', 'claudeAiOauth', 'email', ...profile]);
    });

    it.each(['C1', 'R1', 'P1', 'Z1'])('%s: the upstream API key', async (label) => {
      const { secrets } = await credentialsOf(label);
      expect(secrets).toEqual({ apiKey: expected.accounts[idOf(label)]!.plainApiKey });
    });

    it('G1 (gemini): the OAuth blob and its tokens', async () => {
      const plain = expected.accounts[idOf('G1')]!.plainOauth!;
      const { secrets } = await credentialsOf('G1');
      expect(secrets).toEqual({ geminiOauth: plain, accessToken: plain.access_token, refreshToken: plain.refresh_token });
    });

    it('O1 (openai): id, access and refresh tokens, the OAuth blob, the email', async () => {
      const account = expected.accounts[idOf('O1')]!;
      const plain = account.plainOauth!;
      const { secrets } = await credentialsOf('O1');
      const { openaiOauth, ...rest } = secrets;
      expect(rest).toEqual({ idToken: plain.idToken, accessToken: plain.accessToken, refreshToken: plain.refreshToken, email: account.email });
      expect(openaiOauth).toMatchObject({ idToken: plain.idToken, accessToken: plain.accessToken, refreshToken: plain.refreshToken });
    });

    it('B1 (bedrock): the AWS credentials', async () => {
      const { secrets } = await credentialsOf('B1');
      expect(secrets).toEqual({ awsCredentials: expected.accounts[idOf('B1')]!.plainAwsCredentials });
    });

    it('proxies come back with their passwords (A1 px-pass, C1 p); reads mask them; empty credentials are dropped', async () => {
      expect((await credentialsOf('A1')).proxy).toEqual({ type: 'socks5', host: '127.0.0.1', port: 1080, username: 'px-user', password: 'px-pass' });
      expect((await credentialsOf('C1')).proxy).toEqual({ type: 'http', host: '10.9.9.9', port: 8080, username: 'u', password: 'p' });
      expect((await accountOf('A1')).proxy).toEqual({ type: 'socks5', host: '127.0.0.1', port: 1080, username: 'px-user', password: '********' });
      expect((await accountOf('C1')).proxy).toEqual({ type: 'http', host: '10.9.9.9', port: 8080, username: 'u', password: '********' });
      // A3's proxy has username "" and password "": no credentials.
      expect((await credentialsOf('A3')).proxy).toEqual({ type: 'http', host: '10.1.2.3', port: 3128 });
      expect((await credentialsOf('A6')).proxy).toEqual({ type: 'socks5', host: '127.0.0.1', port: 1081 });
      expect((await credentialsOf('G1')).proxy).toEqual({ type: 'socks5', host: '127.0.0.1', port: 1082 });
      for (const label of ['A2', 'A4', 'A5', 'A7', 'A8', 'O1', 'B1', 'Z1', 'R1', 'P1']) {
        expect({ label, proxy: (await credentialsOf(label)).proxy }).toEqual({ label, proxy: null });
      }
      // The proxy password is a secret: it is not among the plain secrets either.
      expect((await credentialsOf('A1')).secrets).not.toHaveProperty('proxyPassword');
      expect((await accountOf('A1')).secrets).toHaveProperty('proxyPassword', '********');
    });

    it('the admin read masks every secret', async () => {
      for (const id of Object.keys(expected.accounts)) {
        const account = await app.accounts.get(id);
        expect(Object.values(account.secrets as Record<string, unknown>).every((v) => v === '********')).toBe(true);
        expect(Object.keys(account.secrets as Record<string, unknown>).length).toBeGreaterThan(0);
      }
    });
  });

  describe('settings', () => {
    it('subscription plans from subscriptionInfo (A3 pro, A1 max; none for the setup and legacy accounts)', async () => {
      const plans = Object.fromEntries(
        await Promise.all(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'].map(async (l) => [l, (await accountOf(l)).subscriptionPlan])),
      );
      expect(plans).toEqual({ A1: 'max', A2: 'max', A3: 'pro', A4: null, A5: 'max', A6: 'max', A7: 'max', A8: null });
    });

    it('model mappings: C1 from its supportedModels object, Z1 from its list, the others every model', async () => {
      expect(JSON.parse(fieldsOf('C1').supportedModels!)).toEqual({
        'claude-sonnet-4-20250514': 'claude-sonnet-4-20250514',
        'claude-3-5-haiku-20241022': 'claude-3-5-haiku-20241022',
      });
      expect((await accountOf('C1')).modelMapping).toEqual(JSON.parse(fieldsOf('C1').supportedModels!));
      expect((await accountOf('Z1')).modelMapping).toEqual({ 'gpt-4o': 'gpt-4o' });
      for (const label of ['A1', 'A3', 'G1', 'O1', 'B1', 'R1', 'P1']) {
        expect({ label, mapping: (await accountOf(label)).modelMapping }).toEqual({ label, mapping: {} });
      }
    });

    it('C1: daily quota, rate-limit duration; A2: autoStopOnWarning', async () => {
      const c1 = await accountOf('C1');
      expect({ dailyQuota: Number(c1.dailyQuota), rateLimitMinutes: c1.rateLimitMinutes, quotaResetTime: c1.quotaResetTime }).toEqual({
        dailyQuota: expected.accounts[idOf('C1')]!.dailyQuota,
        rateLimitMinutes: 60,
        quotaResetTime: '00:00',
      });
      expect((await accountOf('A2')).autoStopOnWarning).toBe(true);
      expect((await accountOf('A1')).autoStopOnWarning).toBe(false);
    });

    it('token expiry: Claude epoch milliseconds, Gemini and OpenAI ISO; none for the legacy account', async () => {
      for (const label of ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7']) {
        const expiresAt = fieldsOf(label).expiresAt!;
        expect(expiresAt).toMatch(/^\d{13}$/);
        expect({ label, at: (await accountOf(label)).tokenExpiresAt }).toEqual({ label, at: new Date(Number(expiresAt)).toISOString() });
      }
      // A fractional second survives: 1758016327913 ms.
      expect((await accountOf('A1')).tokenExpiresAt).toBe('2025-09-16T09:52:07.913Z');
      expect((await accountOf('A8')).tokenExpiresAt).toBeNull();
      expect((await accountOf('G1')).tokenExpiresAt).toBe(iso(fieldsOf('G1').expiresAt));
      expect((await accountOf('O1')).tokenExpiresAt).toBe(iso(fieldsOf('O1').expiresAt));
    });
  });

  describe('state at import, read by time against now (every timed state of the 2025 snapshot is past)', () => {
    it('why each account is unavailable now: A7 unauthorized, A8 inactive, every other one available', async () => {
      const reasons: Record<string, string | null> = {};
      for (const account of Object.values(expected.accounts)) reasons[account.label] = (await accountOf(account.label)).unavailableReason;
      expect(reasons).toEqual({
        A1: null,
        A2: null,
        A3: null,
        A4: null,
        A5: null,
        A6: null,
        A7: 'unauthorized',
        A8: 'inactive',
        C1: null,
        G1: null,
        O1: null,
        B1: null,
        Z1: null,
        R1: null,
        P1: null,
      });
    });

    it('C1 (rate limited at 03:30Z for 60 min): limited until 04:30Z, active, not paused, available now', async () => {
      const fields = fieldsOf('C1');
      expect(fields).toMatchObject({ rateLimitStatus: 'limited', rateLimitDuration: '60', isActive: 'false', schedulable: 'false', status: 'rate_limited' });
      const c1 = await accountOf('C1');
      expect({ until: c1.rateLimitedUntil, active: c1.isActive, paused: c1.isPaused, reason: c1.unavailableReason }).toEqual({
        until: plusMinutes(fields.rateLimitedAt!, 60),
        active: true,
        paused: false,
        reason: null,
      });
      expect(c1.rateLimitedUntil).toBe('2025-09-16T04:30:00.000Z');
    });

    it('A3 (rate limited until 06:00Z): limited until its rateLimitEndAt, not paused, available now', async () => {
      const fields = fieldsOf('A3');
      expect(fields).toMatchObject({ rateLimitStatus: 'limited', schedulable: 'false' });
      const a3 = await accountOf('A3');
      expect({ until: a3.rateLimitedUntil, paused: a3.isPaused, reason: a3.unavailableReason }).toEqual({
        until: iso(fields.rateLimitEndAt),
        paused: false,
        reason: null,
      });
      expect(a3.rateLimitedUntil).toBe('2025-09-16T06:00:00.000Z');
    });

    it('A4 (paused by hand on day 33, then un-paused by CRS itself): imported schedulable, as CRS had it', async () => {
      // Not paused: CRS's rate-limit cleanup set schedulable='true' again
      // (a stale rateLimitAutoStopped flag, redis-model 7.1) and A4 served
      // requests after the pause. The import follows CRS's final state.
      const fields = fieldsOf('A4');
      expect(fields).toMatchObject({ schedulable: 'true', rateLimitAutoStopped: 'true', updatedAt: '2025-09-09T13:00:00.000Z' });
      expect(Date.parse(fields.lastUsedAt!)).toBeGreaterThan(Date.parse(fields.updatedAt!));
      const a4 = await accountOf('A4');
      expect({ paused: a4.isPaused, reason: a4.unavailableReason }).toEqual({ paused: false, reason: null });
    });

    it('A7 (401 on day 31): blocked as unauthorized (not paused), with when and why', async () => {
      const fields = fieldsOf('A7');
      const a7 = await accountOf('A7');
      expect({ blocked: a7.blockedReason, at: a7.blockedAt, paused: a7.isPaused, message: a7.errorMessage }).toEqual({
        blocked: 'unauthorized',
        at: iso(fields.unauthorizedAt),
        paused: false,
        message: fields.errorMessage,
      });
    });

    it('A8 (created disabled): inactive', async () => {
      expect(fieldsOf('A8').isActive).toBe('false');
      const a8 = await accountOf('A8');
      expect({ active: a8.isActive, paused: a8.isPaused }).toEqual({ active: false, paused: false });
    });

    it('A2 (stale fiveHourAutoStopped flag, schedulable): not paused, available', async () => {
      expect(fieldsOf('A2')).toMatchObject({ fiveHourAutoStopped: 'true', schedulable: 'true' });
      const a2 = await accountOf('A2');
      expect({ paused: a2.isPaused, active: a2.isActive, reason: a2.unavailableReason }).toEqual({ paused: false, active: true, reason: null });
    });

    it("A2's stale 5-hour stop ends with the window it began in, not with the current session window", async () => {
      // CRS stopped A2 at fiveHourStoppedAt (09-10) and served it again later
      // (lastUsedAt 09-16 03:58Z, schedulable='true'). A stop lasts until a new
      // 5-hour window starts: at the latest the stop's hour + 5 h. Taking the
      // account's *current* window end (09-16 06:00Z) would have kept it out
      // at the snapshot, while CRS was serving it.
      const fields = fieldsOf('A2');
      const stoppedAt = Date.parse(fields.fiveHourStoppedAt!);
      const latestEnd = new Date(Math.floor(stoppedAt / 3_600_000) * 3_600_000 + 5 * 3_600_000).toISOString();
      const until = (await accountOf('A2')).fiveHourStoppedUntil;
      expect(until === null || until <= latestEnd, `fiveHourStoppedUntil ${until}, stop at ${fields.fiveHourStoppedAt}`).toBe(true);
      expect(until === null || until <= iso(fields.lastUsedAt)!).toBe(true);
    });
  });

  it("the group 'team-b-pool' with members A6 and A7", async () => {
    const groups = await app.accountGroups.list();
    const [groupId, group] = Object.entries(expected.groups)[0]!;
    expect(groups.map((g) => ({ id: g.id, name: g.name, platform: g.platform, description: g.description, members: [...g.memberIds].sort() }))).toEqual([
      { id: groupId, name: 'team-b-pool', platform: 'claude', description: 'group for team b', members: [idOf('A6'), idOf('A7')].sort() },
    ]);
    expect([...group.members].sort()).toEqual([idOf('A6'), idOf('A7')].sort());
    expect((await accountOf('A6')).groupIds).toEqual([groupId]);
    expect((await accountOf('A7')).groupIds).toEqual([groupId]);
    expect((await accountOf('A1')).groupIds).toEqual([]);
  });

  it('imports every live sticky mapping with its account and its remaining Redis TTL', async () => {
    const mappings = stickyRecords();
    expect(mappings.filter((m) => m.platform === 'claude')).toHaveLength(14);
    expect(mappings).toHaveLength(16);
    const { rows } = await root.query<{ platform: string; session_hash: string; account_id: string; expires_at: Date }>(
      'select platform, session_hash, account_id, expires_at from relaypg.sticky_sessions',
    );
    expect(rows).toHaveLength(mappings.length);
    const byKey = new Map(rows.map((r) => [`${r.platform}:${r.session_hash}`, r]));
    // now() of the import transaction and the TTL read differ by at most the
    // import's duration; Redis rounds TTL to whole seconds.
    const tolerance = importEnded - importStarted + 1_000;
    for (const m of mappings) {
      const row = byKey.get(`${m.platform}:${m.hash}`);
      expect(row, m.key).toBeDefined();
      expect({ key: m.key, account: row!.account_id }).toEqual({ key: m.key, account: m.accountId });
      const redisExpiry = Date.now() + (await redis.pttl(m.key));
      const drift = Math.abs(row!.expires_at.getTime() - redisExpiry);
      expect(drift, `${m.key}: relaypg expires ${row!.expires_at.toISOString()}, Redis ${new Date(redisExpiry).toISOString()}`).toBeLessThanOrEqual(tolerance);
    }
  });

  it('report: no account notes, no dangling binding (the K05, K06, K07, K08, K25, K28 bindings all resolve)', async () => {
    const bindings: { key: string; field: string; binding: string }[] = [];
    for (const record of readFixtureRecords()) {
      if (record.type !== 'hash' || !record.key.startsWith('apikey:') || record.key === 'apikey:hash_map') continue;
      for (const field of BINDING_FIELDS) {
        const binding = record.value[field];
        if (binding) bindings.push({ key: expected.apiKeys[record.value.id!]!.label, field, binding });
      }
    }
    const groupIds = Object.keys(expected.groups);
    const resolves = (binding: string) =>
      binding.startsWith('group:') ? groupIds.includes(binding.slice('group:'.length)) : binding.replace(/^responses:/, '') in expected.accounts;
    expect(bindings.map((b) => b.key).sort()).toEqual(['K05', 'K06', 'K07', 'K08', 'K25', 'K28']);
    expect(bindings.filter((b) => !resolves(b.binding))).toEqual([]);
    expect(bindings.find((b) => b.key === 'K05')?.binding).toBe(idOf('A5'));
    expect(bindings.find((b) => b.key === 'K07')).toMatchObject({ field: 'claudeConsoleAccountId', binding: idOf('C1') });
    expect(bindings.find((b) => b.key === 'K08')).toMatchObject({ field: 'bedrockAccountId', binding: idOf('B1') });
    expect(report.danglingBindings).toEqual([]);
    expect(report.accountNotes).toEqual([]);
    expect(report.ignored.filter((i) => !i.redisKey.startsWith('apikey_hash:') && !i.redisKey.startsWith('system:metrics:minute:'))).toEqual([]);
  });

  it('formatReport and the report object carry no plaintext secret', () => {
    const text = formatReport(report).join('\n');
    expect(text).toContain('accounts: read 15, inserted 15, updated 0, unchanged 0, refused 0');
    expect(text).toContain('sticky sessions: read 16, inserted 16');
    expect(text).toContain('OAuth authorisations: read 1, inserted 1');
    const json = JSON.stringify(report);
    const secrets = plaintextSecrets();
    expect(secrets.length).toBeGreaterThan(300);
    expect(secrets.filter((s) => text.includes(s.value)).map((s) => s.what)).toEqual([]);
    expect(secrets.filter((s) => json.includes(s.value)).map((s) => s.what)).toEqual([]);
    expect(text).not.toContain('px-pass');
  });

  it('a second import is all unchanged and changes no row (accounts: version and updated_at included)', async () => {
    const snapshot = async () => ({
      accounts: (await root.query<{ id: string; version: string; updated_at: Date; j: string }>('select id, version, updated_at, to_jsonb(a)::text as j from relaypg.accounts a order by id')).rows,
      groups: (await root.query<{ j: string }>('select to_jsonb(g)::text as j from relaypg.account_groups g order by id')).rows,
      members: (await root.query<{ j: string }>('select to_jsonb(m)::text as j from relaypg.account_group_members m order by group_id, account_id')).rows,
      sticky: (await root.query<{ j: string }>('select to_jsonb(s)::text as j from relaypg.sticky_sessions s order by platform, session_hash')).rows,
      oauth: (await root.query<{ j: string }>('select to_jsonb(o)::text as j from relaypg.oauth_sessions o order by id')).rows,
    });
    const before = await snapshot();
    expect(before.accounts).toHaveLength(15);
    expect(before.accounts.every((a) => a.version === '1')).toBe(true);
    const again = await importFromCrs({ redis, pool: app.pool, accounts: fixtureAccountImport });
    expect(again.accounts).toEqual({ read: 15, inserted: 0, updated: 0, unchanged: 15, skipped: 0, refused: [] });
    expect(again.groups).toEqual({ read: 1, inserted: 0, updated: 0, unchanged: 1, skipped: 0, refused: [] });
    expect(again.stickySessions).toEqual({ read: 16, inserted: 0, updated: 0, unchanged: 16, skipped: 0, refused: [] });
    expect(again.oauthSessions).toEqual({ read: 1, inserted: 0, updated: 0, unchanged: 1, skipped: 0, refused: [] });
    expect(again.accountNotes).toEqual([]);
    const after = await snapshot();
    expect(after.accounts.map((a) => ({ id: a.id, version: a.version, updatedAt: a.updated_at.toISOString() }))).toEqual(
      before.accounts.map((a) => ({ id: a.id, version: a.version, updatedAt: a.updated_at.toISOString() })),
    );
    expect(after).toEqual(before);
  }, 60_000);

  it('pg_dump of the imported database holds no plaintext secret of expected.json', async () => {
    const dump = await pgDump(database.rootUrl);
    expect(dump.code, dump.stderr).toBe(0);
    const text = dump.stdout;
    expect(text).toMatch(/^COPY relaypg\.accounts \(/m);
    expect(text).toMatch(/^COPY relaypg\.oauth_sessions \(/m);
    // The dump is of this data: names, the group and the OAuth state are in clear.
    expect(text).toContain('claude-max-01');
    expect(text).toContain('team-b-pool');
    expect(text).toContain('console-relay-01');
    expect(text).toContain((fixtureRecord(oauthKey()).value as Record<string, string>).codeChallenge);
    expect(await root.query('select count(*)::int as n from relaypg.oauth_sessions')).toMatchObject({ rows: [{ n: 1 }] });

    // Emails are encrypted in CRS, but CRS also keeps six of them in clear in
    // subscriptionInfo (the profile JSON): relaypg keeps that profile encrypted
    // with the secrets, so no email is left in clear.
    const profileEmails = Object.values(expected.accounts).filter((account) => account.email && fieldsOf(account.label).subscriptionInfo?.includes(account.email));
    expect(profileEmails.map((account) => account.label).sort()).toEqual(['A1', 'A2', 'A3', 'A5', 'A6', 'A7']);
    expect(await root.query("select count(*)::int as n from relaypg.accounts where options ? 'subscriptionInfo'")).toMatchObject({ rows: [{ n: 0 }] });

    const leaked = plaintextSecrets()
      .filter((s) => text.includes(s.value))
      .map((s) => s.what);
    expect(leaked).toEqual([]);
    // The one-letter password of C1's proxy cannot be searched for: no stored proxy has a password.
    expect(text).not.toMatch(/"password"\s*:\s*"[^"*]/);
    expect(text).not.toContain('px-pass');
    // No email of any account is in the dump.
    for (const account of Object.values(expected.accounts)) if (account.email) expect(text).not.toContain(account.email);
  }, 120_000);

  describe('selection with the imported sticky mappings', () => {
    it("a pool key (K01, no binding) with a session CRS had on A1 gets A1, sticky", async () => {
      const k01 = keyIdOf('K01');
      const hash = fixtureRecord(`apikey:${k01}`).value as Record<string, string>;
      expect(BINDING_FIELDS.map((f) => hash[f] ?? '')).toEqual(BINDING_FIELDS.map(() => ''));
      const mapping = stickyRecords().find((m) => m.platform === 'claude' && m.accountId === idOf('A1'))!;
      expect(mapping).toBeDefined();
      // Without the mapping the pool would choose another account (A1 is not the least recently used).
      const pool = await app.scheduler.select({ apiKeyId: k01, platform: 'claude', model: 'claude-sonnet-4-20250514', sessionHash: null });
      expect(pool.accountId).not.toBe(idOf('A1'));
      const selection = await app.scheduler.select({ apiKeyId: k01, platform: 'claude', model: 'claude-sonnet-4-20250514', sessionHash: mapping.hash });
      expect(selection).toEqual({
        accountId: idOf('A1'),
        accountKind: 'claude-official',
        upstreamModel: 'claude-sonnet-4-20250514',
        sticky: true,
        accountVersion: 1,
        sessionHash: mapping.hash,
      });
    });

    it('a group key (K06) with a session CRS had on A6 gets A6, sticky', async () => {
      const mapping = stickyRecords().find((m) => m.platform === 'claude' && m.accountId === idOf('A6'))!;
      expect(mapping).toBeDefined();
      const selection = await app.scheduler.select({ apiKeyId: keyIdOf('K06'), platform: 'claude', model: 'claude-sonnet-4-20250514', sessionHash: mapping.hash });
      expect({ accountId: selection.accountId, sticky: selection.sticky }).toEqual({ accountId: idOf('A6'), sticky: true });
    });
  });

  it("the pending OAuth authorisation: taken once, with the fixture's verifier, state and proxy", async () => {
    const key = oauthKey();
    const fields = fixtureRecord(key).value as Record<string, string>;
    const id = key.slice('oauth:'.length);
    const redisExpiry = Date.now() + (await redis.pttl(key));
    const session = await app.oauthSessions.take(id);
    expect({ ...session, expiresAt: undefined }).toEqual({
      id,
      platform: 'claude',
      flow: 'oauth',
      state: fields.state,
      codeChallenge: fields.codeChallenge,
      codeVerifier: fields.codeVerifier,
      proxy: JSON.parse(fields.proxy!),
      details: {},
      expiresAt: undefined,
    });
    expect(session.codeVerifier).toBe('TbVqen-m0mbpSb_2VdZNd5VO-dKCsSM5u_u8oE1iAVQ');
    expect(Math.abs(Date.parse(session.expiresAt) - redisExpiry)).toBeLessThanOrEqual(importEnded - importStarted + 1_000);
    expect(await refusalOf(app.oauthSessions.take(id))).toBe('OANFD');
  });
});
