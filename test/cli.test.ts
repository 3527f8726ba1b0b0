// The command line: readable failures (no stack traces), --help everywhere.
import { describe, expect, it } from 'vitest';
import { cli, noStack } from './support/cli.js';

describe('relaypg command line', () => {
  it('has --help on every command', async () => {
    for (const args of [['--help'], ['serve', '--help'], ['db', 'setup', '--help'], ['import-crs', '--help']]) {
      const run = await cli(args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout).toMatch(/Usage: relaypg/);
    }
  }, 120_000);

  it('serve with a bad configuration: exit 2, one line per mistake', async () => {
    // Set even when empty, so that a developer's .env (which never overrides) cannot fill them in.
    const run = await cli(['serve'], { APP_DATABASE_URL: 'mysql://nope', ADMIN_TOKEN: 'short', API_KEY_HMAC_SECRET: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/APP_DATABASE_URL must be a URL starting with postgres/);
    expect(run.stderr).toMatch(/ADMIN_TOKEN must be at least 32 characters/);
    expect(run.stderr).toMatch(/API_KEY_HMAC_SECRET must be at least 32 characters/);
    expect(run.stderr).not.toContain('short');
    noStack(run.stderr);
  }, 60_000);

  it('serve with PostgreSQL unreachable: exit 1, says where it tried', async () => {
    const run = await cli(['serve'], {
      APP_DATABASE_URL: 'postgres://relaypg_app:secret-password@127.0.0.1:1/relaypg',
      ADMIN_TOKEN: 'a'.repeat(32),
      API_KEY_HMAC_SECRET: 'b'.repeat(32),
      ACCOUNT_SECRET_KEY: 'c'.repeat(32),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cannot start \(PostgreSQL, APP_DATABASE_URL at 127\.0\.0\.1:1\)/);
    expect(run.stderr).not.toContain('secret-password');
    noStack(run.stderr);
  }, 60_000);

  it('import-crs with a malformed --redis-url: exit 2, a readable message', async () => {
    const run = await cli(['import-crs', '--redis-url', 'not a url'], { APP_DATABASE_URL: 'postgres://x@127.0.0.1:1/db' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--redis-url must be a URL/);
    noStack(run.stderr);
  }, 60_000);
});
