// GET /api/v1/key: a key holder's view of their own key, over a real listening
// server. Every refusal is asserted as status + { error: { code, message } };
// no response may carry a stack, a digest or the plain key.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_ADMIN_TOKEN } from './support/app.js';
import { createKeyViaAdmin, expectError, serveApp, unique, withRootPool, type Body, type HttpResult } from './support/http.js';

const served = serveApp();
/** Every response is checked for leaks (stack, digest field, issued plain keys and their digests). */
const { send, rawRequest, guard } = served.http;

/** The holder view has no digest data at all: neither digest nor digestScheme. */
function expectHolderView(text: string): void {
  guard.check(text);
  expect(text).not.toMatch(/"digest/);
}

/** GET /api/v1/key with the given headers. */
async function whoAmI(headers: Record<string, string> = {}): Promise<HttpResult> {
  const result = await send('GET', '/api/v1/key', { token: null, headers });
  expectHolderView(result.text);
  return result;
}

/** GET /api/v1/key through node:http: exact headers, nothing added (no default User-Agent). */
async function rawGet(headers: Record<string, string>): Promise<HttpResult> {
  const result = await rawRequest({ method: 'GET', path: '/api/v1/key', headers });
  expectHolderView(result.text);
  return result;
}

/** Creates a key through the admin API (the plain key is remembered by the guard). */
const createKey = (settings: Record<string, unknown>) => createKeyViaAdmin(served.http, settings);

async function adminGet(id: string): Promise<Body> {
  const result = await send('GET', `/admin/api-keys/${id}`);
  expect(result.status).toBe(200);
  return result.body.apiKey;
}

/**
 * Changes made around ApiKeyService (a user's activity, a direct SQL update)
 * reach this instance's auth cache through NOTIFY, asynchronously: wait
 * briefly, far below the 15 s L1 TTL. (Admin API changes are seen at once:
 * test/http-admin-api-keys.test.ts, 'read-your-writes'.)
 */
async function promptly(check: () => Promise<void>): Promise<void> {
  await vi.waitFor(check, { timeout: 2_000, interval: 20 });
}

const CLAUDE_CODE_UA = 'claude-cli/1.0.105 (external, cli)';

/** The fields of AuthenticatedKey (src/api-keys/auth-decision.ts): the holder's view. */
const HOLDER_FIELDS = [
  'id', 'name', 'description', 'permissions', 'tokenLimit', 'concurrencyLimit', 'rateLimitWindow', 'rateLimitRequests',
  'rateLimitCost', 'dailyCostLimit', 'weeklyOpusCostLimit', 'claudeAccountId', 'claudeConsoleAccountId', 'geminiAccountId',
  'openaiAccountId', 'azureOpenaiAccountId', 'bedrockAccountId', 'enableModelRestriction', 'restrictedModels',
  'enableClientRestriction', 'allowedClients', 'tags', 'expirationMode', 'activationDays', 'activatedAt', 'expiresAt',
  'userId', 'createdAt',
].sort();

// ---------------------------------------------------------------------------

// An accepted key: x-api-key or Authorization: Bearer; the answer is the key's
// non-secret data.
describe('an accepted key', () => {
  let apiKey: Body;
  let plainKey: string;

  beforeAll(async () => {
    ({ apiKey, plainKey } = await createKey({
      name: unique('holder'),
      description: 'mine',
      tokenLimit: 123456,
      concurrencyLimit: 4,
      rateLimitWindow: 60,
      rateLimitRequests: 100,
      dailyCostLimit: '12.5',
      tags: ['team-a'],
      claudeAccountId: '3f1c0e2a-0000-4000-8000-0000000acc01',
    }));
  });

  it('is accepted with x-api-key and answers { key } with its data', async () => {
    const result = await whoAmI({ 'x-api-key': plainKey });
    expect(result.status).toBe(200);
    expect(Object.keys(result.body)).toEqual(['key']);
    expect(result.body.key).toMatchObject({
      id: apiKey.id,
      name: apiKey.name,
      description: 'mine',
      tokenLimit: 123456,
      concurrencyLimit: 4,
      rateLimitWindow: 60,
      rateLimitRequests: 100,
      tags: ['team-a'],
      claudeAccountId: '3f1c0e2a-0000-4000-8000-0000000acc01',
      createdAt: apiKey.createdAt,
    });
    expect(Number(result.body.key.dailyCostLimit)).toBe(12.5);
  });

  it('is accepted with Authorization: Bearer (scheme case-insensitive) and answers the same', async () => {
    const viaHeader = await whoAmI({ 'x-api-key': plainKey });
    const viaBearer = await whoAmI({ authorization: `Bearer ${plainKey}` });
    const viaLowercase = await whoAmI({ authorization: `bearer ${plainKey}` });
    expect(viaBearer.status).toBe(200);
    expect(viaLowercase.status).toBe(200);
    expect(viaBearer.body).toEqual(viaHeader.body);
    expect(viaLowercase.body).toEqual(viaHeader.body);
  });

  it('shows exactly the holder fields: no digest, no admin-only fields', async () => {
    const { key } = (await whoAmI({ 'x-api-key': plainKey })).body;
    expect(Object.keys(key).sort()).toEqual(HOLDER_FIELDS);
    for (const hidden of ['digest', 'digestScheme', 'plainKey', 'authVersion', 'crsExtra', 'deletedAt', 'isDeleted']) {
      expect(key).not.toHaveProperty(hidden);
    }
  });

  it('never contains the stored digest (as read from the database)', async () => {
    const { rows } = await withRootPool(served.database, (pool) =>
      pool.query<{ hex: string }>(`select encode(digest, 'hex') as hex from relaypg.api_keys where id = $1`, [apiKey.id]),
    );
    const hex = rows[0]!.hex;
    const { text } = await whoAmI({ 'x-api-key': plainKey });
    expect(text).not.toContain(hex);
    expect(text).not.toContain(Buffer.from(hex, 'hex').toString('base64'));
  });

  it('prefers x-api-key over Authorization', async () => {
    expect((await whoAmI({ 'x-api-key': plainKey, authorization: 'Bearer cr_nope' })).status).toBe(200);
    expectError(await whoAmI({ 'x-api-key': 'cr_nope', authorization: `Bearer ${plainKey}` }), 401, 'invalid_api_key');
  });
});

// Absent or malformed keys are refused before any lookup.
describe('missing and malformed keys', () => {
  it('401 missing_api_key without a key', async () => {
    expectError(await whoAmI(), 401, 'missing_api_key');
  });

  it('401 missing_api_key for an empty x-api-key', async () => {
    expectError(await rawGet({ 'x-api-key': '' }), 401, 'missing_api_key');
  });

  it.each([
    ['too short', 'cr_abc'],
    ['wrong prefix', `sk_${randomBytes(32).toString('hex')}`],
    ['600 characters', `cr_${'a'.repeat(597)}`],
    ['containing a space', `cr_${randomBytes(16).toString('hex')} ${randomBytes(16).toString('hex')}`],
    ['the admin token', TEST_ADMIN_TOKEN],
  ])('401 invalid_api_key for a key %s (x-api-key)', async (_label, key) => {
    expectError(await whoAmI({ 'x-api-key': key }), 401, 'invalid_api_key');
  });

  it.each([
    ['Basic xyz', 'Basic xyz'],
    ['a Bearer value with a space', `Bearer cr_${randomBytes(8).toString('hex')} ${randomBytes(8).toString('hex')}`],
    ['another scheme (Token)', `Token cr_${randomBytes(32).toString('hex')}`],
    ['a too short Bearer', 'Bearer cr_a'],
  ])('401 invalid_api_key for Authorization: %s', async (_label, authorization) => {
    expectError(await whoAmI({ authorization }), 401, 'invalid_api_key');
  });

  it('401 invalid_api_key for a well-formed key that does not exist (twice: also when cached)', async () => {
    const unknown = `cr_${randomBytes(32).toString('hex')}`;
    expectError(await whoAmI({ 'x-api-key': unknown }), 401, 'invalid_api_key');
    expectError(await whoAmI({ authorization: `Bearer ${unknown}` }), 401, 'invalid_api_key');
  });

  it('does not echo the presented key in the refusal', async () => {
    const unknown = `cr_${randomBytes(32).toString('hex')}`;
    const result = await whoAmI({ 'x-api-key': unknown });
    expect(result.text).not.toContain(unknown.slice(3));
  });
});

// Refusals that depend on the key's state, in CRS's order.
describe('refused keys', () => {
  it('401 api_key_disabled for a disabled key', async () => {
    const { plainKey } = await createKey({ name: unique('disabled'), isActive: false });
    expectError(await whoAmI({ 'x-api-key': plainKey }), 401, 'api_key_disabled');
  });

  it('401 api_key_deleted for a deleted key (before disabled, in CRS order)', async () => {
    const { apiKey, plainKey } = await createKey({ name: unique('deleted'), isActive: false });
    const deleted = await send('DELETE', `/admin/api-keys/${apiKey.id}`);
    expect(deleted.status).toBe(200);
    expectError(await whoAmI({ 'x-api-key': plainKey }), 401, 'api_key_deleted');
  });

  it('401 api_key_expired for a key created with expiresAt in the past (the database allows it)', async () => {
    const { apiKey, plainKey } = await createKey({ name: unique('expired'), expiresAt: '2020-01-01T00:00:00Z' });
    expect(apiKey.expiresAt).toBe('2020-01-01T00:00:00.000Z');
    expectError(await whoAmI({ 'x-api-key': plainKey }), 401, 'api_key_expired');
  });

  it('accepts a key whose expiresAt is in the future, then refuses it once expires_at has passed', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const { apiKey, plainKey } = await createKey({ name: unique('expiring'), expiresAt });
    const accepted = await whoAmI({ 'x-api-key': plainKey });
    expect(accepted.status).toBe(200);
    expect(accepted.body.key.expiresAt).toBe(expiresAt);
    await withRootPool(served.database, (pool) =>
      pool.query(`update relaypg.api_keys set expires_at = now() - interval '1 second' where id = $1`, [apiKey.id]),
    );
    await promptly(async () => expectError(await whoAmI({ 'x-api-key': plainKey }), 401, 'api_key_expired'));
  });
});

// A key restricted to clients is decided on the User-Agent.
describe('client restriction', () => {
  let plainKey: string;

  beforeAll(async () => {
    ({ plainKey } = await createKey({ name: unique('clients'), enableClientRestriction: true, allowedClients: ['claude_code'] }));
  });

  it('accepts an allowed client (Claude Code)', async () => {
    const result = await whoAmI({ 'x-api-key': plainKey, 'user-agent': CLAUDE_CODE_UA });
    expect(result.status).toBe(200);
    expect(result.body.key).toMatchObject({ enableClientRestriction: true, allowedClients: ['claude_code'] });
  });

  it('403 client_not_allowed for another client (curl), after the allowed one was cached', async () => {
    expectError(await whoAmI({ 'x-api-key': plainKey, 'user-agent': 'curl/8' }), 403, 'client_not_allowed');
  });

  it('403 client_not_allowed for a User-Agent that only resembles the allowed one', async () => {
    expectError(await whoAmI({ 'x-api-key': plainKey, 'user-agent': `Mozilla/5.0 ${CLAUDE_CODE_UA}` }), 403, 'client_not_allowed');
  });

  it('403 client_not_allowed without a User-Agent', async () => {
    expectError(await rawGet({ 'x-api-key': plainKey }), 403, 'client_not_allowed');
  });

  it('accepts any client when the restriction is off', async () => {
    const { plainKey: open } = await createKey({ name: unique('no-restriction'), enableClientRestriction: false, allowedClients: ['claude_code'] });
    expect((await whoAmI({ 'x-api-key': open, 'user-agent': 'curl/8' })).status).toBe(200);
  });
});

// A key owned by a user follows the user's activity.
describe('owner disabled', () => {
  it('401 owner_disabled once the owner is disabled, accepted again once re-enabled', async () => {
    const userId = unique('user');
    await withRootPool(served.database, (pool) => pool.query('insert into relaypg.users (id, username) values ($1, $2)', [userId, `${userId}-name`]));
    const { apiKey, plainKey } = await createKey({ name: unique('owned'), userId });
    expect(apiKey).toMatchObject({ userId, userUsername: `${userId}-name` });
    const accepted = await whoAmI({ 'x-api-key': plainKey });
    expect(accepted.status).toBe(200);
    expect(accepted.body.key.userId).toBe(userId);

    expect(await served.app.users.setActive(userId, false)).toBe(false);
    await promptly(async () => expectError(await whoAmI({ 'x-api-key': plainKey }), 401, 'owner_disabled'));

    expect(await served.app.users.setActive(userId, true)).toBe(true);
    await promptly(async () => expect((await whoAmI({ 'x-api-key': plainKey })).status).toBe(200));
  });
});

// An activation-mode key starts its clock on its first accepted use.
describe('activation-mode keys', () => {
  it('activates on the first GET: activatedAt set, expiresAt = activatedAt + activationDays', async () => {
    const { apiKey, plainKey } = await createKey({ name: unique('activation'), expirationMode: 'activation', activationDays: 3 });
    expect(apiKey).toMatchObject({ expirationMode: 'activation', activationDays: 3, isActivated: false, activatedAt: null, expiresAt: null });

    const before = Date.now();
    const first = await whoAmI({ 'x-api-key': plainKey });
    expect(first.status).toBe(200);
    const { activatedAt, expiresAt } = first.body.key;
    expect(Date.parse(activatedAt)).toBeGreaterThanOrEqual(before - 5_000);
    expect(Date.parse(activatedAt)).toBeLessThanOrEqual(Date.now() + 5_000);
    expect(Date.parse(expiresAt) - Date.parse(activatedAt)).toBe(3 * 86_400_000);

    expect(await adminGet(apiKey.id)).toMatchObject({ isActivated: true, activatedAt, expiresAt });

    const second = await whoAmI({ 'x-api-key': plainKey });
    expect(second.body.key).toMatchObject({ activatedAt, expiresAt });
  });

  it('does not activate a key that is refused', async () => {
    const { apiKey, plainKey } = await createKey({
      name: unique('activation-refused'),
      expirationMode: 'activation',
      activationDays: 1,
      enableClientRestriction: true,
      allowedClients: ['claude_code'],
    });
    expectError(await whoAmI({ 'x-api-key': plainKey, 'user-agent': 'curl/8' }), 403, 'client_not_allowed');
    expect(await adminGet(apiKey.id)).toMatchObject({ isActivated: false, activatedAt: null, expiresAt: null });
  });
});

// Headers over Node's limit (16 KiB) are refused by the HTTP parser, still as JSON.
describe('oversized headers', () => {
  it('431 headers_too_large, as JSON, for a 20 KB header', async () => {
    const { plainKey } = await createKey({ name: unique('big-header') });
    const result = await rawGet({ 'x-api-key': plainKey, 'x-filler': 'a'.repeat(20 * 1024) });
    expectError(result, 431, 'headers_too_large');
    expectHolderView(result.text);
  });

  it('accepts an 8 KB header (the limit is not lower than Node default)', async () => {
    const { plainKey } = await createKey({ name: unique('mid-header') });
    const result = await rawGet({ 'x-api-key': plainKey, 'x-filler': 'a'.repeat(8 * 1024) });
    expect(result.status).toBe(200);
  });

  it('keeps serving after refusing oversized headers', async () => {
    await rawGet({ 'x-filler': 'a'.repeat(20 * 1024) });
    expectError(await whoAmI(), 401, 'missing_api_key');
  });
});
