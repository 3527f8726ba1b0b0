import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.js';
import { startApp, TEST_HMAC_SECRET, useTestApp } from './support/app.js';
import { rootPool } from './support/database.js';
import { countingQueries } from './support/wait.js';

const testApp = useTestApp();

const claude = { platform: 'claude' as const, model: 'claude-sonnet-4-20250514', userAgent: 'claude-cli/1.0.105 (external, cli)' };

async function refusalOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.sqlState ?? error.code;
    throw error;
  }
}

describe('ApiKeyService', () => {
  it('creates a key, returns the plain key once, and authenticates it', async () => {
    const { app } = testApp;
    const { apiKey, plainKey } = await app.apiKeys.create({ name: 'svc-create', tags: ['t1'] });
    expect(plainKey).toMatch(/^cr_[0-9a-f]{64}$/);
    expect(JSON.stringify(apiKey)).not.toContain(plainKey);
    const key = await app.apiKeys.authenticate(plainKey, claude);
    expect(key.id).toBe(apiKey.id);
    expect(key.tags).toEqual(['t1']);
  });

  it('stores only an HMAC digest, never the plain key', async () => {
    const { app, database } = testApp;
    const { apiKey, plainKey } = await app.apiKeys.create({ name: 'svc-digest' });
    const pool = rootPool(database);
    try {
      const { rows } = await pool.query('select encode(digest, $2) as digest, digest_scheme, to_jsonb(k)::text as row from relaypg.api_keys k where id = $1', [apiKey.id, 'hex']);
      expect(rows[0].digest_scheme).toBe('hmac-sha256:v1');
      expect(rows[0].row).not.toContain(plainKey.slice(3));
    } finally {
      await pool.end();
    }
  });

  it('refuses a disabled key with AUDIS and a malformed key without a lookup', async () => {
    const { app } = testApp;
    const { apiKey, plainKey } = await app.apiKeys.create({ name: 'svc-disable' });
    await app.apiKeys.update(apiKey.id, { isActive: false });
    expect(await refusalOf(app.apiKeys.authenticate(plainKey, claude))).toBe('AUDIS');
    expect(await refusalOf(app.apiKeys.authenticate('not-a-key', claude))).toBe('invalid_api_key');
    expect(await refusalOf(app.apiKeys.authenticate(undefined, claude))).toBe('missing_api_key');
  });
});

describe('rotating API_KEY_HMAC_SECRET', () => {
  it('keys made under the previous secret keep working and move to the new one on first use', async () => {
    const { app, database } = testApp;
    const { apiKey, plainKey } = await app.apiKeys.create({ name: 'before-rotation' });
    const claude = { platform: 'claude' as const, model: null, userAgent: null };
    // The same deployment restarted with a new secret (version 2), the old one kept as previous.
    const rotated = await startApp(database, {
      API_KEY_HMAC_SECRET: 'rotated-hmac-secret-0123456789abcdef012345',
      API_KEY_HMAC_SECRET_VERSION: '2',
      API_KEY_HMAC_PREVIOUS_SECRETS: `1:${TEST_HMAC_SECRET}`,
    });
    try {
      expect((await rotated.apiKeys.authenticate(plainKey, claude)).id).toBe(apiKey.id);
      expect((await rotated.apiKeys.get(apiKey.id)).digestScheme).toBe('hmac-sha256:v2');
      const { plainKey: fresh } = await rotated.apiKeys.create({ name: 'after-rotation' });
      expect((await rotated.apiKeys.get((await rotated.apiKeys.authenticate(fresh, claude)).id)).digestScheme).toBe('hmac-sha256:v2');
    } finally {
      await rotated.close();
    }
    // Once every key has moved, the previous secret can go.
    const done = await startApp(database, { API_KEY_HMAC_SECRET: 'rotated-hmac-secret-0123456789abcdef012345', API_KEY_HMAC_SECRET_VERSION: '2' });
    try {
      expect((await done.apiKeys.authenticate(plainKey, claude)).id).toBe(apiKey.id);
    } finally {
      await done.close();
    }
  });
});

describe('lookups that miss the caches, in batches', () => {
  const uncached = { AUTH_CACHE_L1_MAX_ENTRIES: '0', AUTH_CACHE_L1_TTL_MS: '0', AUTH_CACHE_REDIS_TTL_SECONDS: '0', PG_POOL_SIZE: '2' };
  it('concurrent lookups share database calls (at most one per connection), each with its own decision', async () => {
    const app = await startApp(testApp.database, uncached);
    try {
      const made = await Promise.all(Array.from({ length: 6 }, (_, i) => app.apiKeys.create({ name: `batch-${i}` })));
      await app.apiKeys.update(made[2]!.apiKey.id, { isActive: false });
      const presented = [...made.map((m) => m.plainKey), `cr_${'cd'.repeat(32)}`];
      const { result, queries } = await countingQueries(app.pool, () => Promise.all(presented.map((key) => refusalOf(app.apiKeys.authenticate(key, claude)))));
      expect(result).toEqual([undefined, undefined, 'AUDIS', undefined, undefined, undefined, 'AUUNK']);
      expect(queries).toBe(2); // seven lookups over the two connections of the pool
      const ids = await Promise.all([0, 5].map(async (i) => (await app.apiKeys.authenticate(made[i]!.plainKey, claude)).id));
      expect(ids).toEqual([made[0]!.apiKey.id, made[5]!.apiKey.id]);
    } finally {
      await app.close();
    }
  });

  it('a request the database refuses as invalid fails alone; the others of its batch are decided', async () => {
    const app = await startApp(testApp.database, uncached);
    try {
      const { apiKey, plainKey } = await app.apiKeys.create({ name: 'batch-neighbour' });
      const bogus = { ...claude, platform: 'bogus' as unknown as 'claude' };
      const [good, bad, alsoGood] = await Promise.allSettled([
        app.apiKeys.authenticate(plainKey, claude),
        app.apiKeys.authenticate(plainKey, bogus),
        app.apiKeys.authenticate(plainKey, { ...claude, model: null }),
      ]);
      expect(good.status === 'fulfilled' && good.value.id).toBe(apiKey.id);
      expect(alsoGood.status === 'fulfilled' && alsoGood.value.id).toBe(apiKey.id);
      expect(bad.status).toBe('rejected');
      expect((bad as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
      expect(((bad as PromiseRejectedResult).reason as AppError).sqlState).toBe('RVINV');
    } finally {
      await app.close();
    }
  });

  it('while the HMAC secret is rotated, each request of a batch is found under its own previous digest', async () => {
    const before = await startApp(testApp.database, uncached);
    const made = await Promise.all([0, 1, 2].map((i) => before.apiKeys.create({ name: `batch-rotation-${i}` })));
    await before.close();
    const rotated = await startApp(testApp.database, {
      ...uncached,
      API_KEY_HMAC_SECRET: 'batch-rotated-secret-0123456789abcdef0123',
      API_KEY_HMAC_SECRET_VERSION: '3',
      API_KEY_HMAC_PREVIOUS_SECRETS: `1:${TEST_HMAC_SECRET},2:batch-unused-secret-0123456789abcdef01234`,
    });
    try {
      const { result, queries } = await countingQueries(rotated.pool, () => Promise.all(made.map((m) => rotated.apiKeys.authenticate(m.plainKey, claude))));
      expect(result.map((key) => key.id)).toEqual(made.map((m) => m.apiKey.id));
      expect(queries).toBe(2);
      for (const m of made) expect((await rotated.apiKeys.get(m.apiKey.id)).digestScheme).toBe('hmac-sha256:v3');
    } finally {
      await rotated.close();
    }
  });

  it('two instances activating the same keys in opposite orders, in batches, do not deadlock and agree on each activation', async () => {
    const a = await startApp(testApp.database, uncached);
    const b = await startApp(testApp.database, uncached);
    try {
      for (let round = 0; round < 3; round++) {
        const made = await Promise.all(Array.from({ length: 8 }, (_, i) => a.apiKeys.create({ name: `batch-activate-${round}-${i}`, expirationMode: 'activation', activationDays: 2 })));
        const keys = made.map((m) => m.plainKey);
        const [{ result: fromA, queries: queriesA }, { result: fromB, queries: queriesB }] = await Promise.all([
          countingQueries(a.pool, () => Promise.all(keys.map((key) => a.apiKeys.authenticate(key, claude)))),
          countingQueries(b.pool, () => Promise.all([...keys].reverse().map((key) => b.apiKeys.authenticate(key, claude)))),
        ]);
        fromB.reverse();
        // Two batches of four each: a deadlock would have made a batch fail and its requests be sent again one by one.
        expect([queriesA, queriesB]).toEqual([2, 2]);
        for (let i = 0; i < keys.length; i++) {
          expect(fromA[i]!.id).toBe(made[i]!.apiKey.id);
          expect(fromA[i]!.activatedAt).not.toBeNull();
          expect(fromB[i]!.activatedAt).toBe(fromA[i]!.activatedAt);
        }
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('with Redis on, concurrent Redis hits share one MGET and need no query', async () => {
    const app = await startApp(testApp.database, { AUTH_CACHE_L1_MAX_ENTRIES: '0', AUTH_CACHE_L1_TTL_MS: '0' });
    try {
      const made = await Promise.all(Array.from({ length: 5 }, (_, i) => app.apiKeys.create({ name: `batch-redis-${i}` })));
      for (const m of made) await app.apiKeys.authenticate(m.plainKey, claude); // misses: the fills reach Redis in the background
      const redis = app.redis!;
      const prefix = `${app.config.REDIS_KEY_PREFIX}auth:d:*`;
      for (let i = 0; (await redis.keys(prefix)).length < made.length; i++) {
        if (i > 200) throw new Error('the entries never reached Redis');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const reads: number[] = [];
      const mget = redis.mget.bind(redis);
      (redis as unknown as { mget: (...args: unknown[]) => unknown }).mget = (...args: unknown[]) => {
        reads.push((args[0] as string[]).length);
        return (mget as (...a: unknown[]) => unknown)(...args);
      };
      try {
        const { result, queries } = await countingQueries(app.pool, () => Promise.all(made.map((m) => app.apiKeys.authenticate(m.plainKey, claude))));
        expect(result.map((key) => key.id)).toEqual(made.map((m) => m.apiKey.id));
        expect(queries).toBe(0);
        expect(reads).toEqual([5]);
      } finally {
        delete (redis as unknown as { mget?: unknown }).mget;
      }
    } finally {
      await app.close();
    }
  });
});
