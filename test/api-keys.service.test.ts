import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.js';
import { useTestApp } from './support/app.js';
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
      expect(rows[0].digest_scheme).toBe('hmac-sha256');
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
