// Configuration is validated at startup, with one readable line per mistake.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadSetupConfig } from '../src/config.js';

const valid = {
  APP_DATABASE_URL: 'postgres://relaypg_app:pw@127.0.0.1:5432/relaypg',
  ADMIN_TOKEN: 'a'.repeat(32),
  API_KEY_HMAC_SECRET: 'b'.repeat(32),
  ACCOUNT_SECRET_KEY: 'c'.repeat(32),
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
}

describe('loadConfig', () => {
  it('applies documented defaults', () => {
    const config = loadConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.API_KEY_PREFIX).toBe('cr_');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379/0');
    expect(config.CRS_ENCRYPTION_KEY).toBeUndefined();
    expect(config.AUTH_CACHE_L1_TTL_MS).toBe(15_000);
  });

  it('reports every mistake at once, naming the variable', () => {
    const found = problems({ APP_DATABASE_URL: 'mysql://x', ADMIN_TOKEN: 'short', PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(found.join('\n')).toMatch(/APP_DATABASE_URL must be a URL starting with postgres:\/\//);
    expect(found.join('\n')).toMatch(/ADMIN_TOKEN must be at least 32 characters/);
    expect(found.join('\n')).toMatch(/API_KEY_HMAC_SECRET is required/);
    expect(found.some((p) => p.startsWith('PORT'))).toBe(true);
    expect(found.some((p) => p.startsWith('LOG_LEVEL'))).toBe(true);
  });

  it('never echoes a secret in its messages', () => {
    const found = problems({ ...valid, ADMIN_TOKEN: 'hunter2-secret' });
    expect(found.join('\n')).not.toContain('hunter2-secret');
  });

  it('reads previous HMAC secrets for a rotation, and refuses malformed or clashing ones', () => {
    const config = loadConfig({ ...valid, API_KEY_HMAC_SECRET_VERSION: '2', API_KEY_HMAC_PREVIOUS_SECRETS: `1:${'c'.repeat(32)}` });
    expect(config.API_KEY_HMAC_PREVIOUS_SECRETS).toEqual([{ version: 1, secret: 'c'.repeat(32) }]);
    expect(loadConfig(valid).API_KEY_HMAC_PREVIOUS_SECRETS).toEqual([]);
    expect(problems({ ...valid, API_KEY_HMAC_PREVIOUS_SECRETS: 'short' })[0]).toMatch(/version:secret/);
    expect(problems({ ...valid, API_KEY_HMAC_PREVIOUS_SECRETS: `1:${'c'.repeat(32)}` })[0]).toMatch(/differ from API_KEY_HMAC_SECRET_VERSION/);
    expect(problems({ ...valid, API_KEY_HMAC_PREVIOUS_SECRETS: 'x'.repeat(40) }).join()).not.toContain('x'.repeat(40));
  });

  it('treats an empty CRS_ENCRYPTION_KEY as unset and rejects a bad key prefix', () => {
    expect(loadConfig({ ...valid, CRS_ENCRYPTION_KEY: '' }).CRS_ENCRYPTION_KEY).toBeUndefined();
    expect(problems({ ...valid, API_KEY_PREFIX: 'bad prefix!' })[0]).toMatch(/API_KEY_PREFIX/);
  });
});

describe('loadSetupConfig', () => {
  const setup = {
    ROOT_DATABASE_URL: 'postgres://postgres@127.0.0.1/postgres',
    DATABASE_URL: 'postgres://relaypg_owner:pw@127.0.0.1/relaypg',
    DATABASE_OWNER_PASSWORD: 'pw',
    DATABASE_APP_PASSWORD: 'pw2',
  };

  it('derives the database name and checks DATABASE_URL connects as the owner', () => {
    expect(loadSetupConfig(setup).databaseName).toBe('relaypg');
    expect(() => loadSetupConfig({ ...setup, DATABASE_URL: 'postgres://someone@127.0.0.1/relaypg' })).toThrow(/must connect as DATABASE_OWNER/);
    expect(() => loadSetupConfig({ ...setup, DATABASE_OWNER: 'Bad-Name' })).toThrow(/DATABASE_OWNER must be a lowercase SQL identifier/);
  });
});
