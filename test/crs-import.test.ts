// The CRS importer against the real CRS fixture (shared/fixtures/crs-2025-09),
// loaded into a scratch Redis database. Every test here shares that one
// Redis database, so they all live in this file and run in order.
import { execFile } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { formatReport, importFromCrs, type ImportReport } from '../src/crs-import/crs-import.js';
import { createPool } from '../src/db.js';
import { AppError } from '../src/errors.js';
import { FIXTURE_CRS_SECRET, startApp, TEST_ACCOUNT_SECRET_KEY } from './support/app.js';
import {
  fixturePresent,
  flushScratch,
  loadFixtureIntoRedis,
  openScratchRedis,
  readExpected,
  readFixtureRecords,
  scratchRedisUrl,
  type CrsValidation,
  type Expected,
  type LoadCounts,
} from './support/crs-fixture.js';
import { createTestDatabase, rootPool, type TestDatabase } from './support/database.js';
import { testEnv } from './support/env.js';

/** The importer's account settings: the fixture's CRS key, and the test key ring the test apps use. */
const fixtureAccountImport = {
  crsEncryptionKey: FIXTURE_CRS_SECRET,
  keyring: { current: 1, keys: { '1': TEST_ACCOUNT_SECRET_KEY } },
  timeZone: 'Asia/Shanghai',
};

const present = fixturePresent();
if (!present) {
  console.warn(
    `[crs-import.test] SKIPPED: the CRS fixture was not found at ${testEnv.crsFixtureDir} ` +
      '(needs crs-redis.jsonl and expected.json; set RELAYPG_CRS_FIXTURE_DIR to its directory).',
  );
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const K19_ID = '62918d91-2958-4cfa-8c53-5cb6041f4ccd';
const CLAUDE_CODE_UA = 'claude-cli/1.0.105 (external, cli)';
const authContext = { platform: null, model: null, userAgent: CLAUDE_CODE_UA } as const;

/** CRS's validateApiKeyForStats errors and the refusal relaypg must give instead. */
const CRS_ERROR_TO_SQLSTATE: Record<string, string> = {
  'API key not found': 'AUUNK',
  'API key is disabled': 'AUDIS',
  'API key has expired': 'AUEXP',
  'API key has been deleted': 'AUDEL',
};

// ---------------------------------------------------------------------------
// Fixture views computed once (only when the fixture is there).
// ---------------------------------------------------------------------------

/** apikey:{id} hashes of the dump, by key id (apikey:hash_map excluded). */
function fixtureKeyHashes(): Map<string, Record<string, string>> {
  const hashes = new Map<string, Record<string, string>>();
  for (const record of readFixtureRecords()) {
    if (record.type === 'hash' && record.key.startsWith('apikey:') && record.key !== 'apikey:hash_map') {
      hashes.set(record.key.slice('apikey:'.length), record.value);
    }
  }
  return hashes;
}

interface AuthCase {
  label: string;
  id: string;
  name: string;
  plainKey: string;
  crs: string;
  /** 'accept' or the SQLSTATE relaypg must refuse with. */
  expected: string;
}

/**
 * One case per plain key of expected.json, decided from CRS's own verdict
 * (validateApiKeyForStats at the snapshot). A key CRS accepted at the snapshot
 * whose fixed expiry has passed since (by the wall clock) is expected to be
 * refused as expired: CRS itself would say 'API key has expired' today.
 */
function authCases(expected: Expected, hashes: Map<string, Record<string, string>>): AuthCase[] {
  return Object.entries(expected.apiKeys).map(([id, key]) => {
    const verdict = expected.crsReports.perKey[id]?.validateApiKeyForStats;
    if (verdict === undefined) return { label: key.label, id, name: key.name, plainKey: key.plainKey, crs: 'no CRS verdict', expected: 'MISSING' };
    let expectedOutcome: string;
    if (verdict.valid) {
      const expiresAt = hashes.get(id)?.expiresAt ?? '';
      expectedOutcome = expiresAt !== '' && Date.parse(expiresAt) <= Date.now() ? 'AUEXP' : 'accept';
    } else {
      expectedOutcome = CRS_ERROR_TO_SQLSTATE[verdict.error ?? ''] ?? `UNMAPPED CRS error ${JSON.stringify(verdict.error)}`;
    }
    return { label: key.label, id, name: key.name, plainKey: key.plainKey, crs: verdict.valid ? 'valid' : String(verdict.error), expected: expectedOutcome };
  });
}

const fixtureHashes = present ? fixtureKeyHashes() : new Map<string, Record<string, string>>();
const cases = present ? authCases(readExpected(), fixtureHashes) : [];

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function crsDigestHex(plainKey: string, secret: string): string {
  return createHash('sha256').update(plainKey + secret, 'utf8').digest('hex');
}

async function refusalOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accept';
  } catch (error) {
    if (error instanceof AppError) return error.sqlState ?? `AppError ${error.code}`;
    throw error;
  }
}

async function snapshot(pool: pg.Pool): Promise<{ apiKeys: string[]; users: string[] }> {
  const apiKeys = await pool.query<{ j: string }>('select to_jsonb(k)::text as j from relaypg.api_keys k order by id');
  const users = await pool.query<{ j: string }>('select to_jsonb(u)::text as j from relaypg.users u order by id');
  return { apiKeys: apiKeys.rows.map((r) => r.j), users: users.rows.map((r) => r.j) };
}

type KeyRow = Record<string, unknown> & { crs_extra: Record<string, unknown> };

/** relaypg.api_keys rows by id, timestamps as ISO strings, money and bigints as numbers. */
async function keyRows(pool: pg.Pool): Promise<Map<string, KeyRow>> {
  const { rows } = await pool.query<Record<string, unknown>>("select k.*, encode(k.digest, 'hex') as digest_hex from relaypg.api_keys k");
  const numeric = new Set(['token_limit', 'rate_limit_cost', 'daily_cost_limit', 'weekly_opus_cost_limit', 'auth_version']);
  return new Map(
    rows.map((row) => {
      const normal: Record<string, unknown> = {};
      for (const [column, value] of Object.entries(row)) {
        if (value instanceof Date) normal[column] = value.toISOString();
        else if (numeric.has(column) && value !== null) normal[column] = Number(value);
        else normal[column] = value;
      }
      return [String(row.id), normal as KeyRow];
    }),
  );
}

// CRS string conventions ('' = unset), as relaypg must read them.
const iso = (v: string | undefined): string | null => (v === undefined || v === '' ? null : new Date(v).toISOString());
const text = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v);
const count = (v: string | undefined): number => (v === undefined || v === '' ? 0 : Number(v));
const list = (v: string | undefined): unknown[] => (v === undefined || v === '' ? [] : (JSON.parse(v) as unknown[]));
const flag = (v: string | undefined, fallback: boolean): boolean => (v === undefined || v === '' ? fallback : v === 'true');
const isActivation = (h: Record<string, string>) => h.expirationMode === 'activation';
const deleted = (h: Record<string, string>) => h.isDeleted === 'true';

/**
 * Where each CRS apikey field must land and with which value. A target
 * `crs_extra.x` means "kept verbatim in crs_extra under x".
 */
const FIELD_HOMES: Record<string, (h: Record<string, string>) => Record<string, unknown>> = {
  id: (h) => ({ id: h.id }),
  name: (h) => ({ name: h.name }),
  description: (h) => ({ description: h.description ?? '' }),
  apiKey: (h) => ({ digest_hex: h.apiKey!.toLowerCase(), digest_scheme: 'crs-sha256' }),
  tokenLimit: (h) => ({ token_limit: count(h.tokenLimit) }),
  concurrencyLimit: (h) => ({ concurrency_limit: count(h.concurrencyLimit) }),
  rateLimitWindow: (h) => ({ rate_limit_window: count(h.rateLimitWindow) }),
  rateLimitRequests: (h) => ({ rate_limit_requests: count(h.rateLimitRequests) }),
  rateLimitCost: (h) => ({ rate_limit_cost: count(h.rateLimitCost) }),
  dailyCostLimit: (h) => ({ daily_cost_limit: count(h.dailyCostLimit) }),
  weeklyOpusCostLimit: (h) => ({ weekly_opus_cost_limit: count(h.weeklyOpusCostLimit) }),
  isActive: (h) => ({ is_active: h.isActive === 'true' }),
  claudeAccountId: (h) => ({ claude_account_id: text(h.claudeAccountId) }),
  claudeConsoleAccountId: (h) => ({ claude_console_account_id: text(h.claudeConsoleAccountId) }),
  geminiAccountId: (h) => ({ gemini_account_id: text(h.geminiAccountId) }),
  openaiAccountId: (h) => ({ openai_account_id: text(h.openaiAccountId) }),
  azureOpenaiAccountId: (h) => ({ azure_openai_account_id: text(h.azureOpenaiAccountId) }),
  bedrockAccountId: (h) => ({ bedrock_account_id: text(h.bedrockAccountId) }),
  permissions: (h) => ({ permissions: text(h.permissions) ?? 'all' }),
  enableModelRestriction: (h) => ({ enable_model_restriction: flag(h.enableModelRestriction, false) }),
  restrictedModels: (h) => ({ restricted_models: list(h.restrictedModels) }),
  enableClientRestriction: (h) => ({ enable_client_restriction: flag(h.enableClientRestriction, false) }),
  allowedClients: (h) => ({ allowed_clients: list(h.allowedClients) }),
  tags: (h) => ({ tags: list(h.tags) }),
  expirationMode: (h) => ({ expiration_mode: text(h.expirationMode) ?? 'fixed' }),
  activationDays: (h) => ({ activation_days: isActivation(h) && count(h.activationDays) === 0 ? 30 : count(h.activationDays) }),
  isActivated: (h) => ({ is_activated: isActivation(h) ? flag(h.isActivated, false) : true }),
  activatedAt: (h) => ({ activated_at: isActivation(h) && !flag(h.isActivated, false) ? null : iso(h.activatedAt) }),
  createdAt: (h) => ({ created_at: iso(h.createdAt) }),
  updatedAt: (h) => ({ updated_at: iso(h.updatedAt) ?? iso(h.createdAt) }),
  lastUsedAt: (h) => ({ last_used_at: iso(h.lastUsedAt) }),
  expiresAt: (h) => ({ expires_at: iso(h.expiresAt) }),
  createdBy: (h) => ({ created_by: text(h.createdBy) ?? 'admin' }),
  userId: (h) => ({ owner_user_id: text(h.userId) }),
  icon: (h) => ({ icon: h.icon ?? '' }),
  isDeleted: (h) => (deleted(h) ? { deleted_at: iso(h.deletedAt) ?? iso(h.updatedAt) ?? iso(h.createdAt) } : { 'crs_extra.isDeleted': h.isDeleted }),
  deletedAt: (h) => (deleted(h) ? { deleted_at: iso(h.deletedAt) } : { 'crs_extra.deletedAt': h.deletedAt }),
  deletedBy: (h) => (deleted(h) ? { deleted_by: text(h.deletedBy) } : { 'crs_extra.deletedBy': h.deletedBy }),
  deletedByType: (h) => (deleted(h) ? { deleted_by_type: text(h.deletedByType) } : { 'crs_extra.deletedByType': h.deletedByType }),
  restoredAt: (h) => ({ restored_at: iso(h.restoredAt) }),
  restoredBy: (h) => ({ restored_by: text(h.restoredBy) }),
  restoredByType: (h) => ({ restored_by_type: text(h.restoredByType) }),
};

function valueAt(row: KeyRow, target: string): unknown {
  return target.startsWith('crs_extra.') ? row.crs_extra[target.slice('crs_extra.'.length)] : row[target];
}

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'src/cli.ts', ...args],
      { cwd: repoRoot, env: { ...process.env, LOG_LEVEL: 'silent', ...env }, timeout: 90_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

const STACK_FRAME = /^\s+at\s+\S/m;

// ---------------------------------------------------------------------------

describe.skipIf(!present)('CRS import from the crs-2025-09 fixture', () => {
  let expected: Expected;
  let redis: Redis;
  let database: TestDatabase;
  let app: App;
  let root: pg.Pool;
  let loaded: LoadCounts;
  let report: ImportReport;
  const extraDatabases: TestDatabase[] = [];
  const extraApps: App[] = [];
  const extraPools: pg.Pool[] = [];
  const label = (id: string) => expected.apiKeys[id]?.label ?? id;
  const idOf = (lbl: string) => {
    const entry = Object.entries(expected.apiKeys).find(([, key]) => key.label === lbl);
    if (entry === undefined) throw new Error(`no key labelled ${lbl} in expected.json`);
    return entry[0];
  };
  const hashOf = (lbl: string) => {
    const hash = fixtureHashes.get(idOf(lbl));
    if (hash === undefined) throw new Error(`no apikey hash for ${lbl} in the dump`);
    return hash;
  };
  const userIdOf = (username: string) => {
    const entry = Object.entries(expected.users).find(([, user]) => user.username === username);
    if (entry === undefined) throw new Error(`no user ${username} in expected.json`);
    return entry[0];
  };
  let rows: Map<string, KeyRow>;
  const rowOf = (lbl: string) => {
    const row = rows.get(idOf(lbl));
    if (row === undefined) throw new Error(`${lbl} was not imported`);
    return row;
  };

  beforeAll(async () => {
    expected = readExpected();
    redis = openScratchRedis();
    loaded = await loadFixtureIntoRedis(redis);
    database = await createTestDatabase();
    app = await startApp(database);
    root = rootPool(database);
    report = await importFromCrs({ redis, pool: app.pool, accounts: fixtureAccountImport });
    rows = await keyRows(root);
  }, 180_000);

  afterAll(async () => {
    if (redis !== undefined) {
      await flushScratch(redis).catch((error: unknown) => console.warn(`could not flush the scratch Redis db: ${String(error)}`));
      redis.disconnect();
    }
    await root?.end();
    for (const pool of extraPools) await pool.end();
    for (const extra of extraApps) await extra.close();
    await app?.close();
    for (const extra of extraDatabases) await extra.drop();
    await database?.drop();
  }, 120_000);

  it('loads every key of the dump into the scratch Redis database, with its type and TTL', async () => {
    expect(loaded).toMatchObject({ total: 21_758, hash: 20_559, string: 1_191, set: 8 });
    expect(await redis.dbsize()).toBe(21_758);
    expect(await redis.type(`apikey:${K19_ID}`)).toBe('hash');
    expect(await redis.hlen('apikey:hash_map')).toBe(30);
    expect(await redis.ttl(`apikey:${K19_ID}`)).toBeGreaterThan(31_000_000);
    expect(await redis.ttl('apikey:hash_map')).toBe(-1);
    // One key of each type reads back as the dump has it.
    const records = readFixtureRecords();
    const hash = records.find((r) => r.key === `apikey:${K19_ID}`)!;
    const str = records.find((r) => r.type === 'string' && r.key.startsWith('user:'))!;
    const set = records.find((r) => r.type === 'set')!;
    expect(await redis.hgetall(hash.key)).toEqual(hash.value);
    expect(await redis.get(str.key)).toBe(str.value);
    expect((await redis.smembers(set.key)).sort()).toEqual(set.value);
    expect(await redis.type(set.key)).toBe('set');
    // Each key with a TTL in the dump got one, the others none.
    const sample = records.filter((_, i) => i % 97 === 0);
    const ttls = (await sample.reduce((pipe, r) => pipe.ttl(r.key), redis.pipeline()).exec())!.map(([, ttl]) => Number(ttl));
    sample.forEach((r, i) => {
      if (r.ttl > 0) expect(ttls[i], r.key).toBeGreaterThan(Math.max(0, r.ttl - 600));
      else expect(ttls[i], r.key).toBe(-1);
    });
  });

  it('imports the 3 users and the 29 API keys, refusing none', () => {
    const userKeys = readFixtureRecords().filter((r) => /^user:[^:]+$/.test(r.key));
    expect(userKeys).toHaveLength(3);
    expect(report.dryRun).toBe(false);
    expect(report.users).toEqual({ read: 3, inserted: 3, updated: 0, unchanged: 0, skipped: 0, refused: [] });
    expect(fixtureHashes.size).toBe(29);
    expect(report.apiKeys).toEqual({ read: 29, inserted: 29, updated: 0, unchanged: 0, skipped: 0, refused: [] });
    expect([...rows.keys()].sort()).toEqual([...fixtureHashes.keys()].sort());
  });

  it("classifies apikey:hash_map: 29 current, K19's pre-regenerate digest stale, no orphans, none unindexed", () => {
    const k19 = expected.apiKeys[K19_ID]!;
    expect(k19.label).toBe('K19');
    expect(k19.previousPlainKey).toMatch(/^cr_[0-9a-f]{64}$/);
    expect(report.hashMap.current).toBe(29);
    expect(report.hashMap.stale).toEqual([{ keyId: K19_ID, digestPrefix: crsDigestHex(k19.previousPlainKey!, expected.encryptionKey).slice(0, 12) }]);
    expect(report.hashMap.orphan).toEqual([]);
    expect(report.hashMap.unindexed).toEqual([]);
  });

  it('reports the legacy apikey_hash:* key and the leaked minute metrics as ignored, and nothing else', () => {
    const legacy = readFixtureRecords()
      .filter((r) => r.key.startsWith('apikey_hash:'))
      .map((r) => r.key);
    expect(legacy).toHaveLength(1);
    const minuteMetrics = readFixtureRecords().filter((r) => r.key.startsWith('system:metrics:minute:')).length;
    const [metrics, ...others] = [...report.ignored].sort((a, b) => (a.redisKey.startsWith('system:') ? -1 : b.redisKey.startsWith('system:') ? 1 : 0));
    expect(metrics?.redisKey).toBe(`system:metrics:minute:* (${minuteMetrics} keys)`);
    expect(others).toHaveLength(legacy.length);
    // Compared on the first 12 hex digits so that a report which shortens the
    // digest in the key name (see the CLI test on digests) still passes.
    others.forEach((entry, i) => {
      expect(entry.redisKey.slice(0, 'apikey_hash:'.length + 12)).toBe(legacy[i]!.slice(0, 'apikey_hash:'.length + 12));
      expect(entry.reason).not.toBe('');
    });
  });

  it('maps the users (ids kept, u.wang disabled, the rest in crs_extra)', async () => {
    const { rows: users } = await root.query<{ id: string; username: string; is_active: boolean; email: string; crs_extra: Record<string, unknown> }>(
      'select id, username, is_active, email, crs_extra from relaypg.users order by username',
    );
    expect(users.map((u) => [u.username, u.id])).toEqual(
      ['u.li', 'u.wang', 'u.zhang'].map((username) => [username, userIdOf(username)]),
    );
    expect(Object.fromEntries(users.map((u) => [u.username, u.is_active]))).toEqual({ 'u.li': true, 'u.wang': false, 'u.zhang': true });
    expect(users.find((u) => u.username === 'u.zhang')?.email).toBe('zhang@fixture.example');
    for (const user of users) expect(Object.keys(user.crs_extra)).toEqual(expect.arrayContaining(['apiKeyCount', 'totalUsage']));
  });

  describe('field mapping', () => {
    it('K01: concurrency limit and tags', () => {
      expect(hashOf('K01')).toMatchObject({ concurrencyLimit: '5', tags: '["team-a","dev"]' });
      expect(rowOf('K01')).toMatchObject({ concurrency_limit: 5, tags: ['team-a', 'dev'] });
    });

    it('K02: permissions and request window', () => {
      expect(rowOf('K02')).toMatchObject({ permissions: 'claude', rate_limit_window: 60, rate_limit_requests: 30 });
    });

    it('K03: the updated daily cost limit (10, not the 8 it was created with)', () => {
      expect(expected.apiKeys[idOf('K03')]!.options.dailyCostLimit).toBe(8);
      expect(hashOf('K03')).toMatchObject({ dailyCostLimit: '10' });
      expect(hashOf('K03').updatedAt).toBeTruthy();
      expect(rowOf('K03')).toMatchObject({ daily_cost_limit: 10, updated_at: iso(hashOf('K03').updatedAt) });
    });

    it('K11: model restriction; K12: client restriction', () => {
      expect(rowOf('K11')).toMatchObject({
        enable_model_restriction: true,
        restricted_models: ['claude-opus-4-1-20250805', 'claude-opus-4-20250514'],
      });
      expect(rowOf('K12')).toMatchObject({ enable_client_restriction: true, allowed_clients: ['claude_code'] });
    });

    it('K06: a group binding is kept verbatim', () => {
      expect(rowOf('K06').claude_account_id).toBe('group:dd63ab55-cf68-47e4-ae85-1749e0ddc5f7');
    });

    it('K09: activation mode, activated as in the fixture', () => {
      const hash = hashOf('K09');
      expect(hash).toMatchObject({ expirationMode: 'activation', isActivated: 'true', activationDays: '30' });
      expect(hash.activatedAt).not.toBe('');
      expect(rowOf('K09')).toMatchObject({
        expiration_mode: 'activation',
        is_activated: true,
        activation_days: 30,
        activated_at: iso(hash.activatedAt),
        expires_at: iso(hash.expiresAt),
      });
    });

    it('K18: restored (restoredAt/restoredBy kept, not deleted)', () => {
      const hash = hashOf('K18');
      expect(hash.restoredAt).toBeTruthy();
      expect(hash.restoredBy).toBeTruthy();
      expect(hash.isDeleted).toBeUndefined();
      expect(rowOf('K18')).toMatchObject({
        restored_at: iso(hash.restoredAt),
        restored_by: hash.restoredBy,
        restored_by_type: hash.restoredByType,
        deleted_at: null,
      });
    });

    it("K20: owned by u.zhang; K21: owned by u.wang", () => {
      expect(rowOf('K20').owner_user_id).toBe(userIdOf('u.zhang'));
      expect(rowOf('K20').created_by).toBe('user');
      expect(rowOf('K21').owner_user_id).toBe(userIdOf('u.wang'));
    });

    it('K30: the icon, and no last use', () => {
      const hash = hashOf('K30');
      expect(hash.icon).toMatch(/^data:image\//);
      expect(rowOf('K30').icon).toBe(hash.icon);
      expect(hash.lastUsedAt).toBe('');
      expect(rowOf('K30').last_used_at).toBeNull();
    });

    it("every key: CRS's digest under scheme crs-sha256, and createdAt/lastUsedAt as in the fixture", () => {
      expect(rows.size).toBe(29);
      for (const [id, hash] of fixtureHashes) {
        const row = rows.get(id)!;
        expect({ key: label(id), scheme: row.digest_scheme, digest: row.digest_hex }).toEqual({ key: label(id), scheme: 'crs-sha256', digest: hash.apiKey });
        expect({ key: label(id), created: row.created_at, lastUsed: row.last_used_at }).toEqual({
          key: label(id),
          created: hash.createdAt,
          lastUsed: hash.lastUsedAt === '' ? null : hash.lastUsedAt,
        });
      }
    });

    it("every key's digest is CRS's sha256(plainKey + ENCRYPTION_KEY)", () => {
      for (const [id, hash] of fixtureHashes) {
        expect({ key: label(id), digest: crsDigestHex(expected.apiKeys[id]!.plainKey, expected.encryptionKey) }).toEqual({ key: label(id), digest: hash.apiKey });
      }
    });

    it('every field of every apikey hash has a home: a mapped column with the right value, or crs_extra', async () => {
      const { rows: source } = await root.query<{ src: string }>(
        "select p.prosrc as src from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'api' and p.proname = 'import_crs_api_key'",
      );
      expect(source).toHaveLength(1);
      const knownList = /v_known\s+constant\s+text\[\]\s*:=\s*array\[([\s\S]*?)\];/.exec(source[0]!.src)?.[1];
      expect(knownList, 'the v_known list of api.import_crs_api_key').toBeDefined();
      const known = new Set([...knownList!.matchAll(/'([^']+)'/g)].map((m) => m[1]!));
      expect(known.size).toBeGreaterThan(30);

      const problems: string[] = [];
      const unknownSeen = new Set<string>();
      for (const [id, hash] of fixtureHashes) {
        const row = rows.get(id)!;
        for (const [field, value] of Object.entries(hash)) {
          if (known.has(field)) {
            const home = FIELD_HOMES[field];
            if (home === undefined) {
              problems.push(`${label(id)}.${field}: listed as mapped by api.import_crs_api_key but this test does not know its column`);
              continue;
            }
            for (const [target, want] of Object.entries(home(hash))) {
              const got = valueAt(row, target);
              if (JSON.stringify(got) !== JSON.stringify(want)) {
                problems.push(`${label(id)}.${field} -> ${target}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
              }
            }
          } else {
            unknownSeen.add(field);
            if (row.crs_extra[field] !== value) {
              problems.push(`${label(id)}.${field}: not mapped and not kept in crs_extra (crs_extra has ${JSON.stringify(row.crs_extra[field])})`);
            }
          }
        }
        for (const extra of Object.keys(row.crs_extra)) {
          if (!(extra in hash)) problems.push(`${label(id)}: crs_extra.${extra} is not a field of the hash`);
        }
      }
      expect(unknownSeen).toContain('userUsername');
      expect(rowOf('K20').crs_extra.userUsername).toBe('u.zhang');
      expect(problems).toEqual([]);
    });
  });

  it('is idempotent: a second import changes nothing, byte for byte (auth_version included)', async () => {
    const before = await snapshot(root);
    expect(before.apiKeys).toHaveLength(29);
    expect(before.users).toHaveLength(3);
    const again = await importFromCrs({ redis, pool: app.pool, accounts: fixtureAccountImport });
    expect(again.users).toEqual({ read: 3, inserted: 0, updated: 0, unchanged: 3, skipped: 0, refused: [] });
    expect(again.apiKeys).toEqual({ read: 29, inserted: 0, updated: 0, unchanged: 29, skipped: 0, refused: [] });
    expect(again.hashMap).toEqual(report.hashMap);
    const after = await snapshot(root);
    expect(after.apiKeys).toEqual(before.apiKeys);
    expect(after.users).toEqual(before.users);
    expect(before.apiKeys.every((j) => (JSON.parse(j) as { auth_version: number }).auth_version === 1)).toBe(true);
  });

  describe('authentication of the imported keys (decided from CRS\'s own verdicts)', () => {
    it('the table covers every key, with at least one refusal (K17 among them) and CRS refusals mapped', () => {
      expect(cases).toHaveLength(Object.keys(expected.apiKeys).length);
      expect(cases.length).toBe(30);
      const refused = new Map(cases.filter((c) => c.expected !== 'accept').map((c) => [c.label, c.expected]));
      expect(refused.size).toBeGreaterThan(0);
      expect([...refused.keys()]).toContain('K17');
      // The refusals the brief names, as derived from expected.json:
      expect(Object.fromEntries(['K10', 'K17', 'K21', 'K22'].map((l) => [l, refused.get(l)]))).toEqual({
        K10: 'AUDIS',
        K17: 'AUUNK',
        K21: 'AUDIS',
        K22: 'AUDIS',
      });
      expect(cases.filter((c) => c.expected === 'accept').length).toBeGreaterThanOrEqual(20);
      for (const c of cases) expect(c.expected, `${c.label}: ${c.crs}`).toMatch(/^(accept|AU[A-Z]{3})$/);
    });

    it.each(cases)('$label (CRS at the snapshot: $crs) -> $expected', async (c) => {
      if (c.expected === 'accept') {
        const key = await app.apiKeys.authenticate(c.plainKey, authContext);
        expect({ id: key.id, name: key.name }).toEqual({ id: c.id, name: c.name });
      } else {
        expect(await refusalOf(app.apiKeys.authenticate(c.plainKey, authContext))).toBe(c.expected);
      }
    });

    it("K19's pre-regenerate key: CRS still accepts it, relaypg refuses it as unknown", async () => {
      const previous = expected.apiKeys[K19_ID]!.previousPlainKey!;
      const crs: CrsValidation | null | undefined = expected.crsReports.perKey[K19_ID]?.validatePreviousPlainKey;
      expect(crs).toEqual({ valid: true, error: null });
      expect(await refusalOf(app.apiKeys.authenticate(previous, authContext))).toBe('AUUNK');
      // ... while the current key of K19 is accepted.
      const current = await app.apiKeys.authenticate(expected.apiKeys[K19_ID]!.plainKey, authContext);
      expect(current.id).toBe(K19_ID);
    });
  });

  it('dry run: reports what it would insert and writes nothing', async () => {
    const dryDatabase = await createTestDatabase();
    extraDatabases.push(dryDatabase);
    const dryApp = await startApp(dryDatabase);
    extraApps.push(dryApp);
    const dry = await importFromCrs({ redis, pool: dryApp.pool, dryRun: true, accounts: fixtureAccountImport });
    expect(dry.dryRun).toBe(true);
    expect(dry.users).toMatchObject({ read: 3, inserted: 3, refused: [] });
    expect(dry.apiKeys).toMatchObject({ read: 29, inserted: 29, updated: 0, unchanged: 0, skipped: 0, refused: [] });
    expect(dry.hashMap.current).toBe(29);
    expect(dry.hashMap.stale.map((e) => e.keyId)).toEqual([K19_ID]);
    const dryRoot = rootPool(dryDatabase);
    extraPools.push(dryRoot);
    const { rows: counts } = await dryRoot.query<{ keys: number; users: number }>(
      'select (select count(*) from relaypg.api_keys)::int as keys, (select count(*) from relaypg.users)::int as users',
    );
    expect(counts[0]).toEqual({ keys: 0, users: 0 });
    expect(await refusalOf(dryApp.apiKeys.authenticate(expected.apiKeys[idOf('K01')]!.plainKey, authContext))).toBe('AUUNK');
  }, 60_000);

  it('refuses a broken key hash and a non-JSON user, names them, and imports the rest', async () => {
    const brokenId = randomUUID();
    const brokenKey = `apikey:${brokenId}`;
    const brokenUser = `user:${randomBytes(16).toString('hex')}`;
    await redis.hset(brokenKey, { id: brokenId, name: 'broken-digest', createdAt: '2025-09-01T00:00:00.000Z', apiKey: 'nothex' });
    // A NUL byte (binary-safe in Redis, not storable in PostgreSQL text) refuses that record only.
    const nulId = randomUUID();
    const nulKey = `apikey:${nulId}`;
    await redis.hset(nulKey, { ...hashOf('K02'), id: nulId, name: 'nul\u0000name', apiKey: 'ab'.repeat(32) });
    await redis.set(brokenUser, 'this is not JSON {');
    try {
      const target = await createTestDatabase();
      extraDatabases.push(target);
      const pool = createPool(target.appUrl, 2, 'relaypg-test-import');
      extraPools.push(pool);
      const result = await importFromCrs({ redis, pool, accounts: fixtureAccountImport });
      expect(result.apiKeys).toMatchObject({ read: 31, inserted: 29, updated: 0, unchanged: 0 });
      expect(result.apiKeys.refused).toEqual(
        expect.arrayContaining([
          { redisKey: brokenKey, field: 'apiKey', reason: expect.stringMatching(/\S/) },
          { redisKey: nulKey, field: null, reason: expect.stringMatching(/\S/) },
        ]),
      );
      expect(result.apiKeys.refused).toHaveLength(2);
      expect(result.users).toMatchObject({ read: 4, inserted: 3, updated: 0, unchanged: 0 });
      expect(result.users.refused).toHaveLength(1);
      expect(result.users.refused[0]).toMatchObject({ redisKey: brokenUser, reason: expect.stringMatching(/JSON/) });
      expect(result.hashMap).toEqual(report.hashMap);
      expect(JSON.stringify(result)).not.toContain('ab'.repeat(32));
      const targetRoot = rootPool(target);
      extraPools.push(targetRoot);
      const { rows: found } = await targetRoot.query<{ keys: number; broken: number; users: number }>(
        'select (select count(*) from relaypg.api_keys)::int as keys, (select count(*) from relaypg.api_keys where id = $1)::int as broken, (select count(*) from relaypg.users)::int as users',
        [brokenId],
      );
      expect(found[0]).toEqual({ keys: 29, broken: 0, users: 3 });
    } finally {
      await redis.del(brokenKey, nulKey, brokenUser);
    }
    expect(await redis.dbsize()).toBe(21_758);
  }, 60_000);

  it('imports a key missing from apikey:hash_map (CRS refused it) disabled, and reports it', async () => {
    const id = randomUUID();
    const redisKey = `apikey:${id}`;
    await redis.hset(redisKey, { ...hashOf('K02'), id, name: 'unindexed', apiKey: 'cd'.repeat(32) });
    try {
      const target = await createTestDatabase();
      extraDatabases.push(target);
      const pool = createPool(target.appUrl, 2, 'relaypg-test-import');
      extraPools.push(pool);
      const result = await importFromCrs({ redis, pool, accounts: fixtureAccountImport });
      expect(result.apiKeys).toMatchObject({ read: 30, inserted: 30, refused: [] });
      expect(result.hashMap.unindexed).toEqual([{ digestPrefix: 'cd'.repeat(6), keyId: id }]);
      expect(result.notes).toEqual([{ keyId: id, note: expect.stringMatching(/imported disabled: its digest was not in apikey:hash_map/) }]);
      expect(formatReport(result).join('\n')).toContain(`note apikey:${id}: imported disabled`);
      const targetRoot = rootPool(target);
      extraPools.push(targetRoot);
      const { rows: found } = await targetRoot.query<{ is_active: boolean }>('select is_active from relaypg.api_keys where id = $1', [id]);
      expect(found).toEqual([{ is_active: false }]);
    } finally {
      await redis.del(redisKey);
    }
  }, 60_000);

  it('a re-import never reverts a key regenerated in relaypg: CRS changes to it are refused (IMCNF)', async () => {
    const k01 = idOf('K01');
    const oldPlain = expected.apiKeys[k01]!.plainKey;
    await app.apiKeys.regenerate(k01);
    const originalName = hashOf('K01').name!;
    expect(await refusalOf(app.apiKeys.authenticate(oldPlain, authContext))).toBe('AUUNK');
    const unchanged = await importFromCrs({ redis, pool: app.pool, accounts: fixtureAccountImport });
    expect(unchanged.apiKeys).toMatchObject({ inserted: 0, updated: 0, unchanged: 29, refused: [] });
    await redis.hset(`apikey:${k01}`, 'name', 'renamed-in-crs');
    try {
      const conflicted = await importFromCrs({ redis, pool: app.pool, accounts: fixtureAccountImport });
      expect(conflicted.apiKeys).toMatchObject({ inserted: 0, updated: 0, unchanged: 28 });
      expect(conflicted.apiKeys.refused).toEqual([{ redisKey: `apikey:${k01}`, field: 'id', reason: expect.stringMatching(/changed in relaypg/) }]);
    } finally {
      await redis.hset(`apikey:${k01}`, 'name', originalName);
    }
    // The old CRS key stays dead, the key keeps its relaypg digest.
    expect(await refusalOf(app.apiKeys.authenticate(oldPlain, authContext))).toBe('AUUNK');
    expect((await app.apiKeys.get(k01)).digestScheme).toBe('hmac-sha256:v1');
  }, 60_000);

  describe('the import-crs command', () => {
    let cliDatabase: TestDatabase;
    let env: Record<string, string>;
    const scratchUrl = scratchRedisUrl;
    const secrets = () =>
      Object.values(expected.apiKeys).flatMap((k) => [k.plainKey, k.plainKey.slice(expected.apiKeyPrefix.length), ...(k.previousPlainKey ? [k.previousPlainKey] : [])]);
    const outputs: { run: string; output: string }[] = [];
    const expectNoSecrets = (run: string, result: CliResult) => {
      const output = result.stdout + result.stderr;
      outputs.push({ run, output });
      const leaked = secrets().filter((secret) => output.includes(secret));
      expect(leaked.length, `${run}: plain keys in the output`).toBe(0);
    };

    beforeAll(async () => {
      cliDatabase = await createTestDatabase();
      extraDatabases.push(cliDatabase);
      env = { APP_DATABASE_URL: cliDatabase.appUrl, CRS_ENCRYPTION_KEY: FIXTURE_CRS_SECRET, ACCOUNT_SECRET_KEY: TEST_ACCOUNT_SECRET_KEY };
    });

    it('imports with a text report: counts, the stale K19 digest, no secrets', async () => {
      const result = await runCli(['import-crs', '--redis-url', scratchUrl()], env);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('users: read 3, inserted 3');
      expect(result.stdout).toContain('api keys: read 29, inserted 29');
      expect(result.stdout).toMatch(new RegExp(`refused digest [0-9a-f]{12}… -> apikey:${K19_ID}: stale`));
      expect(result.stdout).toContain('29 current, 1 stale');
      expectNoSecrets('text report', result);
      const pool = rootPool(cliDatabase);
      try {
        const { rows: counted } = await pool.query<{ n: number }>('select count(*)::int as n from relaypg.api_keys');
        expect(counted[0]!.n).toBe(29);
      } finally {
        await pool.end();
      }
    }, 120_000);

    it('--format json prints the report as parseable JSON (a re-run: all unchanged)', async () => {
      const result = await runCli(['import-crs', '--redis-url', scratchUrl(), '--format', 'json'], env);
      expect(result.code, result.stderr).toBe(0);
      const parsed = JSON.parse(result.stdout) as ImportReport;
      expect(parsed.apiKeys).toMatchObject({ read: 29, inserted: 0, updated: 0, unchanged: 29, skipped: 0, refused: [] });
      expect(parsed.users).toMatchObject({ read: 3, unchanged: 3 });
      expect(parsed.hashMap.stale.map((e) => e.keyId)).toEqual([K19_ID]);
      expectNoSecrets('json report', result);
    }, 120_000);

    it('neither report prints a full 64-hex digest (stdout and stderr)', () => {
      expect(outputs.map((o) => o.run)).toEqual(['text report', 'json report']);
      const digests = outputs.flatMap(({ run, output }) => [...output.matchAll(/[0-9a-f]{64}/gi)].map((m) => `${run}: ${m[0].slice(0, 12)}… (64 hex digits)`));
      expect(digests).toEqual([]);
    });

    it('--help exits 0 and describes the command', async () => {
      const result = await runCli(['import-crs', '--help'], env);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('--redis-url');
      expect(result.stdout).toContain('--dry-run');
    }, 120_000);

    it('without --redis-url: non-zero exit, a readable message, no stack trace', async () => {
      const result = await runCli(['import-crs'], env);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/--redis-url/);
      expect(result.stderr).not.toMatch(STACK_FRAME);
    }, 120_000);

    it('with a dead Redis: non-zero exit, a readable message, no stack trace', async () => {
      const result = await runCli(['import-crs', '--redis-url', 'redis://127.0.0.1:1/0'], env);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/relaypg: .*127\.0\.0\.1:1/);
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(result.stdout).toBe('');
    }, 120_000);
  });
});
