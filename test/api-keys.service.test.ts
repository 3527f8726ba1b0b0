import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.js';
import { startApp, TEST_HMAC_SECRET, useTestApp } from './support/app.js';
import { rootPool } from './support/database.js';

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
