// The authentication cache in front of api.authenticate_api_key: two real
// service instances share PostgreSQL and Redis; invalidation travels by NOTIFY.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { decodeStoredDecision } from '../src/api-keys/auth-decision.js';
import { startApp } from './support/app.js';
import { createTestDatabase, rootPool, type TestDatabase } from './support/database.js';
import { testEnv } from './support/env.js';
import { outcomeOf, waitFor } from './support/wait.js';

const claude = { platform: 'claude' as const, model: 'claude-sonnet-4-20250514', userAgent: 'claude-cli/1.0.105 (external, cli)' };

let database: TestDatabase;
let root: pg.Pool;
let redis: Redis;
let a: App;
let b: App;

beforeAll(async () => {
  database = await createTestDatabase();
  root = rootPool(database);
  redis = new Redis(testEnv.redisUrl);
  a = await startApp(database);
  // Same Redis namespace as A: two instances of one deployment.
  b = await startApp(database, { REDIS_KEY_PREFIX: a.config.REDIS_KEY_PREFIX });
});

afterAll(async () => {
  const keys = await redis.keys(`${a.config.REDIS_KEY_PREFIX}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  await a?.close();
  await b?.close();
  await root?.end();
  await database?.drop();
});

async function redisEntries(app: App): Promise<string[]> {
  return redis.keys(`${app.config.REDIS_KEY_PREFIX}auth:d:*`);
}

describe('invalidation across instances', () => {
  it('a key disabled through instance A is refused by instance B within a second', async () => {
    const { apiKey, plainKey } = await a.apiKeys.create({ name: 'cross-disable' });
    expect(await outcomeOf(b.apiKeys.authenticate(plainKey, claude))).toBe('accepted'); // warms B's caches
    expect(await outcomeOf(b.apiKeys.authenticate(plainKey, claude))).toBe('accepted');
    await a.apiKeys.update(apiKey.id, { isActive: false });
    const elapsed = await waitFor(async () => (await outcomeOf(b.apiKeys.authenticate(plainKey, claude))) === 'AUDIS', 1_000, 'B to refuse');
    expect(elapsed).toBeLessThan(1_000);
  });

  it('a regenerated key stops working on the other instance at once; the new one works', async () => {
    const { apiKey, plainKey } = await a.apiKeys.create({ name: 'cross-regenerate' });
    await b.apiKeys.authenticate(plainKey, claude);
    const { plainKey: fresh } = await a.apiKeys.regenerate(apiKey.id);
    await waitFor(async () => (await outcomeOf(b.apiKeys.authenticate(plainKey, claude))) === 'AUUNK', 1_000, 'old key refused on B');
    expect(await outcomeOf(b.apiKeys.authenticate(fresh, claude))).toBe('accepted');
  });

  it("disabling a key's owner refuses the key on every instance", async () => {
    await root.query("insert into relaypg.users (id, username) values ('u-cache-1', 'cache-owner')");
    const { plainKey } = await a.apiKeys.create({ name: 'owned', userId: 'u-cache-1' });
    await b.apiKeys.authenticate(plainKey, claude);
    await a.users.setActive('u-cache-1', false);
    await waitFor(async () => (await outcomeOf(b.apiKeys.authenticate(plainKey, claude))) === 'AUOWN', 1_000, 'owner refusal on B');
    await a.users.setActive('u-cache-1', true);
    await waitFor(async () => (await outcomeOf(b.apiKeys.authenticate(plainKey, claude))) === 'accepted', 1_000, 'B to accept again');
  });

  it('a write made directly in SQL (not through the service) also invalidates', async () => {
    const { apiKey, plainKey } = await a.apiKeys.create({ name: 'sql-write', permissions: 'all' });
    await b.apiKeys.authenticate(plainKey, claude);
    await root.query("update relaypg.api_keys set permissions = 'gemini' where id = $1", [apiKey.id]);
    await waitFor(async () => (await outcomeOf(b.apiKeys.authenticate(plainKey, claude))) === 'AUNPL', 1_000, 'platform refusal');
  });

  it('a decision read before a change cannot be cached after the change was announced', async () => {
    const { apiKey, plainKey } = await a.apiKeys.create({ name: 'stale-fill' });
    const before = await a.apiKeys.authenticate(plainKey, claude);
    const entry = 'stale-probe';
    await a.cache.invalidate(apiKey.id, 99);
    a.cache.store(entry, { refusal: null, keyId: before.id, authVersion: 1, validUntil: null, key: before });
    expect(a.cache.getLocal(entry)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await redis.exists(`${a.config.REDIS_KEY_PREFIX}auth:d:${entry}`)).toBe(0);
  });
});

describe('what is cached', () => {
  it('decisions depend on the request context (model restriction)', async () => {
    const { plainKey } = await a.apiKeys.create({ name: 'models', enableModelRestriction: true, restrictedModels: ['claude-opus-4-20250514'] });
    for (let i = 0; i < 2; i++) {
      expect(await outcomeOf(a.apiKeys.authenticate(plainKey, claude))).toBe('accepted');
      expect(await outcomeOf(a.apiKeys.authenticate(plainKey, { ...claude, model: 'claude-opus-4-20250514' }))).toBe('AUMOD');
      expect(await outcomeOf(a.apiKeys.authenticate(plainKey, { ...claude, model: 'ccr,claude-opus-4-20250514' }))).toBe('AUMOD');
    }
  });

  it('an entry never outlives the key: an expiring key is refused once it expires', async () => {
    const expiresAt = new Date(Date.now() + 1_500).toISOString();
    const { plainKey } = await a.apiKeys.create({ name: 'expiring', expiresAt });
    expect(await outcomeOf(a.apiKeys.authenticate(plainKey, claude))).toBe('accepted');
    expect(await outcomeOf(b.apiKeys.authenticate(plainKey, claude))).toBe('accepted');
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect(await outcomeOf(a.apiKeys.authenticate(plainKey, claude))).toBe('AUEXP');
    expect(await outcomeOf(b.apiKeys.authenticate(plainKey, claude))).toBe('AUEXP');
  });

  it('the call that activates an activation-mode key is not cached', async () => {
    const { apiKey, plainKey } = await a.apiKeys.create({ name: 'activation', expirationMode: 'activation', activationDays: 7 });
    const before = (await redisEntries(a)).length;
    const first = await a.apiKeys.authenticate(plainKey, claude);
    expect(first.activatedAt).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await redisEntries(a)).length).toBe(before);
    const second = await a.apiKeys.authenticate(plainKey, claude);
    expect(second.activatedAt).toBe(first.activatedAt);
    await waitFor(async () => (await redisEntries(a)).length === before + 1, 1_000, 'the second decision to reach Redis');
    const stored = await a.apiKeys.get(apiKey.id);
    expect(Date.parse(stored.expiresAt!) - Date.parse(stored.activatedAt!)).toBe(7 * 86_400_000);
  });

  it('unknown keys are cached briefly (negative cache) and nothing secret reaches Redis', async () => {
    const unknown = `cr_${'ab'.repeat(32)}`;
    expect(await outcomeOf(a.apiKeys.authenticate(unknown, claude))).toBe('AUUNK');
    const { plainKey } = await a.apiKeys.create({ name: 'secret-check' });
    await a.apiKeys.authenticate(plainKey, claude);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const keys = await redis.keys(`${a.config.REDIS_KEY_PREFIX}*`);
    const entries = keys.filter((k) => k.includes(':auth:d:'));
    const negative = [];
    for (const key of entries) if (decodeStoredDecision((await redis.get(key)) ?? '""')?.decision.refusal === 'AUUNK') negative.push(key);
    expect(negative.length).toBeGreaterThanOrEqual(1); // this one, and the regenerated key's old digest
    for (const key of negative) expect(await redis.pttl(key)).toBeLessThanOrEqual(a.config.AUTH_CACHE_NEGATIVE_TTL_SECONDS * 1000);
    for (const key of keys) {
      const type = await redis.type(key);
      const value = type === 'string' ? await redis.get(key) : (await redis.smembers(key)).join(',');
      for (const secret of [plainKey, plainKey.slice(3), unknown, unknown.slice(3), a.config.API_KEY_HMAC_SECRET, a.config.ADMIN_TOKEN]) {
        expect(key).not.toContain(secret);
        expect(value ?? '').not.toContain(secret);
      }
    }
    const ttls = await Promise.all(keys.filter((k) => k.includes(':auth:d:')).map((k) => redis.pttl(k)));
    expect(ttls.every((t) => t > 0 && t <= a.config.AUTH_CACHE_REDIS_TTL_SECONDS * 1000)).toBe(true);
  });
});

describe('a lost invalidation listener', () => {
  it('changes made while it was away do not survive in Redis or in process', async () => {
    const c = await startApp(database, { AUTH_CACHE_L1_TTL_MS: '0' }); // its own Redis prefix; Redis path on every call
    try {
      const { apiKey, plainKey } = await c.apiKeys.create({ name: 'listener-gap' });
      await c.apiKeys.authenticate(plainKey, claude);
      await waitFor(async () => (await redisEntries(c)).length > 0, 1_000, 'the entry in Redis');
      const listener = c.listener as unknown as { client: { processID: number } };
      const before = listener.client.processID;
      // Cut the listener's connection, and change the key before it is back.
      await root.query('select pg_terminate_backend($1)', [before]);
      await root.query('update relaypg.api_keys set is_active = false where id = $1', [apiKey.id]);
      await waitFor(() => listener.client.processID !== before, 5_000, 'the listener to reconnect');
      await waitFor(async () => (await outcomeOf(c.apiKeys.authenticate(plainKey, claude))) === 'AUDIS', 1_000, 'the change to be seen');
    } finally {
      await c.close();
    }
  });
});

describe('in-process lifetime', () => {
  it('an entry read from Redis lives in process no longer than AUTH_CACHE_L1_TTL_MS', async () => {
    const c = await startApp(database, { REDIS_KEY_PREFIX: a.config.REDIS_KEY_PREFIX, AUTH_CACHE_L1_TTL_MS: '300' });
    try {
      const { plainKey } = await a.apiKeys.create({ name: 'l1-lifetime' });
      await a.apiKeys.authenticate(plainKey, claude); // fills Redis
      await waitFor(async () => (await redisEntries(a)).length > 0, 1_000, 'the entry in Redis');
      let queries = 0;
      const query = c.pool.query.bind(c.pool);
      c.pool.query = ((...args: Parameters<typeof query>) => {
        queries += 1;
        return query(...args);
      }) as typeof c.pool.query;
      await c.apiKeys.authenticate(plainKey, claude); // a Redis hit, kept in process
      await c.apiKeys.authenticate(plainKey, claude);
      expect(queries).toBe(0);
      const entries = await redisEntries(a);
      await redis.del(...entries); // as if the Redis entry had expired
      await new Promise((resolve) => setTimeout(resolve, 400));
      await c.apiKeys.authenticate(plainKey, claude);
      expect(queries).toBe(1); // the in-process copy expired with the L1 TTL, not Redis's
    } finally {
      await c.close();
    }
  });
});

describe('last used', () => {
  it('authentication does not write per request; a flush records the latest use once', async () => {
    const { apiKey, plainKey } = await a.apiKeys.create({ name: 'last-used' });
    const xmin = async () => (await root.query('select xmin::text as x, last_used_at from relaypg.api_keys where id = $1', [apiKey.id])).rows[0];
    const before = await xmin();
    for (let i = 0; i < 50; i++) await a.apiKeys.authenticate(plainKey, claude);
    const during = await xmin();
    expect(during.x).toBe(before.x);
    expect(during.last_used_at).toBeNull();
    await a.lastUsed.flush();
    const after = await xmin();
    expect(after.x).not.toBe(before.x);
    expect(after.last_used_at).not.toBeNull();
    await a.lastUsed.flush(); // nothing pending: no write
    expect((await xmin()).x).toBe(after.x);
  });
});

describe('activation under concurrency', () => {
  it('a first use that waits on a concurrent disable sees the disable, and does not activate', async () => {
    const { apiKey, plainKey } = await a.apiKeys.create({ name: 'race-disable', expirationMode: 'activation', activationDays: 3 });
    const digest = (a.apiKeys as unknown as { deps: { keys: { hmacDigest(k: string): Buffer } } }).deps.keys.hmacDigest(plainKey);
    const writer = new pg.Client({ connectionString: database.appUrl });
    const reader = new pg.Client({ connectionString: database.appUrl });
    await Promise.all([writer.connect(), reader.connect()]);
    try {
      await writer.query('begin');
      await writer.query('select api.update_api_key($1, $2)', [apiKey.id, { is_active: false }]);
      const pending = reader.query("select refusal, activated_now from api.authenticate_api_key($1, null, 'claude', null, null)", [digest]);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the reader now waits for the writer's row lock
      await writer.query('commit');
      const decision = (await pending).rows[0];
      expect(decision).toEqual({ refusal: 'AUDIS', activated_now: false });
      const stored = await root.query('select is_activated, activated_at from relaypg.api_keys where id = $1', [apiKey.id]);
      expect(stored.rows[0]).toEqual({ is_activated: false, activated_at: null });
    } finally {
      await Promise.all([writer.end(), reader.end()]);
    }
  });

  it('two concurrent first uses give one activation time', async () => {
    const { plainKey } = await a.apiKeys.create({ name: 'race', expirationMode: 'activation', activationDays: 3 });
    const digest = (a.apiKeys as unknown as { deps: { keys: { hmacDigest(k: string): Buffer } } }).deps.keys.hmacDigest(plainKey);
    const first = new pg.Client({ connectionString: database.appUrl });
    const second = new pg.Client({ connectionString: database.appUrl });
    await Promise.all([first.connect(), second.connect()]);
    try {
      const sql = "select activated_now, key ->> 'activatedAt' as activated_at from api.authenticate_api_key($1, null, 'claude', null, null)";
      await first.query('begin');
      const one = (await first.query(sql, [digest])).rows[0];
      const pending = second.query(sql, [digest]); // blocks on the row lock
      await new Promise((resolve) => setTimeout(resolve, 200));
      await first.query('commit');
      const two = (await pending).rows[0];
      expect(one.activated_now).toBe(true);
      expect(two.activated_now).toBe(false);
      expect(one.activated_at).not.toBeNull();
      expect(two.activated_at).toBe(one.activated_at);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

function startRedisServer(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  return waitFor(async () => {
    const probe = new Redis({ port, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      return (await probe.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      probe.disconnect();
    }
  }, 5_000, 'redis-server to start').then(() => child);
}

describe('Redis down or slow', () => {
  it('a change made while Redis does not answer still reaches Redis: no stale decision comes back', async () => {
    const port = await freePort();
    const server = await startRedisServer(port);
    const env = { REDIS_URL: `redis://127.0.0.1:${port}/0`, AUTH_CACHE_L1_TTL_MS: '0', REDIS_COMMAND_TIMEOUT_MS: '50' };
    const first = await startApp(database, env);
    const second = await startApp(database, { ...env, REDIS_KEY_PREFIX: first.config.REDIS_KEY_PREFIX });
    const direct = new Redis({ port });
    try {
      await waitFor(() => first.redis?.status === 'ready' && second.redis?.status === 'ready', 5_000, 'both apps on Redis');
      const { apiKey, plainKey } = await first.apiKeys.create({ name: 'hiccup' });
      await second.apiKeys.authenticate(plainKey, claude); // the decision is now in Redis
      await waitFor(async () => (await direct.keys('*auth:d:*')).length > 0, 2_000, 'the entry in Redis');

      await direct.call('CLIENT', 'PAUSE', '1500', 'ALL'); // Redis stops answering for 1.5 s
      // Both instances time out on Redis and bypass it for a second...
      for (const app of [first, second]) expect(await outcomeOf(app.apiKeys.authenticate(plainKey, claude))).toBe('accepted');
      // ...and the key is disabled then: neither can tell Redis at that moment.
      await first.apiKeys.update(apiKey.id, { isActive: false });
      expect(await outcomeOf(second.apiKeys.authenticate(plainKey, claude))).toBe('AUDIS');
      await new Promise((resolve) => setTimeout(resolve, 2_700)); // the pause and the 1 s bypass are over

      for (const app of [second, first]) expect(await outcomeOf(app.apiKeys.authenticate(plainKey, claude))).toBe('AUDIS');
      await waitFor(async () => {
        const values = await Promise.all((await direct.keys('*auth:d:*')).map((k) => direct.get(k)));
        return values.every((v) => !v?.includes('"refusal":null'));
      }, 2_000, 'the stale accepted decision to leave Redis');
    } finally {
      direct.disconnect();
      await first.close();
      await second.close();
      server.kill('SIGKILL');
    }
  });

  it('serves from PostgreSQL when Redis is unreachable from the start', async () => {
    const app = await startApp(database, { REDIS_URL: 'redis://127.0.0.1:1/0', AUTH_CACHE_L1_TTL_MS: '0' });
    try {
      const { plainKey } = await app.apiKeys.create({ name: 'no-redis' });
      for (let i = 0; i < 5; i++) expect(await outcomeOf(app.apiKeys.authenticate(plainKey, claude))).toBe('accepted');
      expect(await outcomeOf(app.apiKeys.authenticate(`cr_${'cd'.repeat(32)}`, claude))).toBe('AUUNK');
    } finally {
      await app.close();
    }
  });

  it('keeps authenticating when Redis stops mid-test, and uses Redis again when it returns', async () => {
    const port = await freePort();
    let server = await startRedisServer(port);
    const app = await startApp(database, { REDIS_URL: `redis://127.0.0.1:${port}/0`, AUTH_CACHE_L1_TTL_MS: '0' });
    const direct = new Redis({ port, lazyConnect: true, retryStrategy: () => 100 });
    direct.on('error', () => undefined);
    try {
      await waitFor(() => app.redis?.status === 'ready', 5_000, 'the app to connect to Redis');
      const { plainKey } = await app.apiKeys.create({ name: 'redis-flap' });
      await app.apiKeys.authenticate(plainKey, claude);
      await direct.connect();
      await waitFor(async () => (await direct.keys('*auth:d:*')).length > 0, 2_000, 'an entry in Redis');

      server.kill('SIGKILL');
      await new Promise((resolve) => server.once('exit', resolve));
      const started = Date.now();
      for (let i = 0; i < 20; i++) expect(await outcomeOf(app.apiKeys.authenticate(plainKey, claude))).toBe('accepted');
      expect(Date.now() - started).toBeLessThan(5_000);

      server = await startRedisServer(port);
      await waitFor(() => app.redis?.status === 'ready', 10_000, 'the app to reconnect');
      await waitFor(async () => {
        await app.apiKeys.authenticate(plainKey, claude);
        return (await direct.keys('*auth:d:*')).length > 0;
      }, 5_000, 'entries to reach the restarted Redis');
    } finally {
      direct.disconnect();
      await app.close();
      server.kill('SIGKILL');
    }
  });
});
