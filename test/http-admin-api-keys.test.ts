// The admin API for keys (/admin/api-keys), over a real listening server:
// status codes, the JSON error shape { error: { code, message[, field] } },
// and that no response leaks a stack, a digest or a plain key.
import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { startApp, TEST_ADMIN_TOKEN, TEST_HMAC_SECRET } from './support/app.js';
import { createKeyViaAdmin, expectError, http, listen, serveApp, unique, withRootPool, type Body, type HttpResult } from './support/http.js';

const served = serveApp();
/** Admin token by default; every response is checked for leaks (stack, digest, issued keys). */
const { send, rawRequest, guard } = served.http;

const PLAIN_KEY = /^cr_[0-9a-f]{64}$/;

const createKey = (settings: Record<string, unknown>) => createKeyViaAdmin(served.http, settings);

/** POST /admin/api-keys as JSON through node:http (bodies fetch would not send as given); `headers` adds framing or credentials. */
function postRaw(body: Buffer | string, headers: Record<string, string | number>): Promise<HttpResult> {
  return rawRequest({ method: 'POST', path: '/admin/api-keys', headers: { 'content-type': 'application/json', ...headers }, body });
}

const adminAuthorization = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

async function keyHolderStatus(plainKey: string): Promise<HttpResult> {
  return send('GET', '/api/v1/key', { token: null, headers: { 'x-api-key': plainKey } });
}

// ---------------------------------------------------------------------------

// Every admin route requires the admin token, as Bearer or as x-api-key.
describe('admin authentication', () => {
  it('refuses a request without a token with 401 unauthorized', async () => {
    expectError(await send('GET', '/admin/api-keys', { token: null }), 401, 'unauthorized');
  });

  it('refuses a wrong token, and one that only shares a prefix with the right one', async () => {
    expectError(await send('GET', '/admin/api-keys', { token: 'wrong-token' }), 401, 'unauthorized');
    expectError(await send('GET', '/admin/api-keys', { token: TEST_ADMIN_TOKEN.slice(0, -1) }), 401, 'unauthorized');
    expectError(await send('GET', '/admin/api-keys', { token: `${TEST_ADMIN_TOKEN}x` }), 401, 'unauthorized');
  });

  it('accepts Authorization: Bearer <admin token>', async () => {
    const result = await send('GET', '/admin/api-keys');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ items: expect.any(Array), total: expect.any(Number) });
  });

  it('accepts x-api-key: <admin token> (presentedKey reads x-api-key first, by design)', async () => {
    const result = await send('GET', '/admin/api-keys', { token: null, headers: { 'x-api-key': TEST_ADMIN_TOKEN } });
    expect(result.status).toBe(200);
  });

  it('reads x-api-key before Authorization: a wrong x-api-key is refused even with a right Bearer', async () => {
    const result = await send('GET', '/admin/api-keys', { headers: { 'x-api-key': 'wrong-token' } });
    expectError(result, 401, 'unauthorized');
  });

  it('refuses a non-Bearer scheme carrying the token', async () => {
    const result = await send('GET', '/admin/api-keys', { token: null, headers: { authorization: `Basic ${TEST_ADMIN_TOKEN}` } });
    expectError(result, 401, 'unauthorized');
  });

  it('checks the token before the body: an unauthenticated invalid or oversized body is still 401', async () => {
    const invalid = await send('POST', '/admin/api-keys', { token: null, raw: '{nope', headers: { 'content-type': 'application/json' } });
    expectError(invalid, 401, 'unauthorized');
    const big = await postRaw(Buffer.alloc(2 * 1024 * 1024, 0x20), { 'content-length': 2 * 1024 * 1024 });
    expectError(big, 401, 'unauthorized');
  });

  it('does not let an API key act as the admin token', async () => {
    const { plainKey } = await createKey({ name: unique('not-admin') });
    expectError(await send('GET', '/admin/api-keys', { token: plainKey }), 401, 'unauthorized');
  });
});

// POST /admin/api-keys: 201 with the plain key, once; validation errors name the field.
describe('POST /admin/api-keys', () => {
  it('creates a key and returns the plain key once, outside apiKey', async () => {
    const name = unique('create');
    const result = await send('POST', '/admin/api-keys', { json: { name, tokenLimit: 1000, tags: ['a', 'b'], permissions: 'claude' } });
    expect(result.status).toBe(201);
    expect(Object.keys(result.body).sort()).toEqual(['apiKey', 'plainKey']);
    const { apiKey, plainKey } = result.body;
    expect(plainKey).toMatch(PLAIN_KEY);
    expect(JSON.stringify(apiKey)).not.toContain(plainKey);
    expect(JSON.stringify(apiKey)).not.toContain(plainKey.slice(3));
    expect(apiKey).not.toHaveProperty('digest');
    expect(apiKey).not.toHaveProperty('plainKey');
    expect(apiKey).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name,
      tokenLimit: 1000,
      tags: ['a', 'b'],
      permissions: 'claude',
      digestScheme: 'hmac-sha256:v1',
      isActive: true,
      isDeleted: false,
      expirationMode: 'fixed',
    });
  });

  it('returns a key that the GET endpoint shows without the plain key', async () => {
    const { apiKey, plainKey } = await createKey({ name: unique('create-get') });
    const result = await send('GET', `/admin/api-keys/${apiKey.id}`);
    expect(result.status).toBe(200);
    expect(result.text).not.toContain(plainKey);
    expect(result.body.apiKey).toEqual(apiKey);
  });

  it('stores only the digest: the plain key is not in the database row', async () => {
    const { apiKey, plainKey } = await createKey({ name: unique('digest-only') });
    const { rows } = await withRootPool(served.database, (pool) =>
      pool.query<{ row: string; digest: string }>(
        `select to_jsonb(k)::text as row, encode(digest, 'hex') as digest from relaypg.api_keys k where id = $1`,
        [apiKey.id],
      ),
    );
    expect(rows[0]!.row).not.toContain(plainKey.slice(3));
    expect(rows[0]!.digest).toBe(createHmac('sha256', TEST_HMAC_SECRET).update(plainKey).digest('hex'));
  });

  it('hands out a different key each time', async () => {
    const first = await createKey({ name: unique('distinct') });
    const second = await createKey({ name: unique('distinct') });
    expect(first.plainKey).not.toBe(second.plainKey);
    expect(first.apiKey.id).not.toBe(second.apiKey.id);
  });

  it('400 invalid_input, field tokenLimit, for a negative tokenLimit (the database rule)', async () => {
    const result = await send('POST', '/admin/api-keys', { json: { name: unique('neg'), tokenLimit: -1 } });
    expectError(result, 400, 'invalid_input', 'tokenLimit');
    expect(result.body.error.message).toMatch(/^tokenLimit\b/); // the API's name, not the column's
    expect(result.body.error.message).not.toContain('token_limit');
  });

  it('400 invalid_input naming an unknown field', async () => {
    const result = await send('POST', '/admin/api-keys', { json: { name: unique('unknown'), colour: 'blue' } });
    expectError(result, 400, 'invalid_input', 'colour');
    expect(result.body.error.message).toContain('colour');
  });

  it('400 invalid_input, field tokenLimit, for a wrong type', async () => {
    expectError(await send('POST', '/admin/api-keys', { json: { name: unique('type'), tokenLimit: 'abc' } }), 400, 'invalid_input', 'tokenLimit');
  });

  it('400 invalid_input, field allowedClients, for an unknown client', async () => {
    const result = await send('POST', '/admin/api-keys', {
      json: { name: unique('clients'), enableClientRestriction: true, allowedClients: ['claude_code', 'netscape'] },
    });
    expectError(result, 400, 'invalid_input', 'allowedClients');
    expect(result.body.error.message).toContain('netscape');
  });

  it('400 invalid_input, field activationDays, for activation mode without activationDays', async () => {
    const result = await send('POST', '/admin/api-keys', { json: { name: unique('activation'), expirationMode: 'activation' } });
    expectError(result, 400, 'invalid_input', 'activationDays');
  });

  it('400 invalid_input, field name, when name is missing or blank', async () => {
    expectError(await send('POST', '/admin/api-keys', { json: { tokenLimit: 5 } }), 400, 'invalid_input', 'name');
    expectError(await send('POST', '/admin/api-keys', { json: { name: '   ' } }), 400, 'invalid_input', 'name');
  });

  it('400 invalid_input, field body, for a JSON body that is not an object', async () => {
    expectError(await send('POST', '/admin/api-keys', { json: ['name'] }), 400, 'invalid_input', 'body');
  });

  it('404 user_not_found, field userId, for an owner that does not exist', async () => {
    const result = await send('POST', '/admin/api-keys', { json: { name: unique('owner'), userId: 'no-such-user' } });
    expectError(result, 404, 'user_not_found', 'userId');
  });

  it('400 (never 500) for text PostgreSQL cannot store: a NUL or a lone surrogate', async () => {
    expectError(await send('POST', '/admin/api-keys', { json: { name: 'nul\u0000name' } }), 400, 'invalid_input', 'name');
    expectError(await send('POST', '/admin/api-keys', { json: { name: unique('nul-tag'), tags: ['a\u0000b'] } }), 400, 'invalid_input', 'tags.0');
    expectError(await send('POST', '/admin/api-keys', { json: { name: unique('surrogate'), restrictedModels: ['\ud800'] } }), 400, 'invalid_input', 'restrictedModels.0');
    for (const query of ['search=%00', 'tag=a%00', 'userId=%00']) {
      expect((await send('GET', `/admin/api-keys?${query}`)).status, query).toBe(400);
    }
  });

  it('creates nothing when the input is refused', async () => {
    const name = unique('refused');
    await send('POST', '/admin/api-keys', { json: { name, tokenLimit: -1 } });
    const list = await send('GET', `/admin/api-keys?search=${name}`);
    expect(list.body.total).toBe(0);
  });
});

// GET /admin/api-keys: paging, filters, strict query validation.
describe('GET /admin/api-keys (list)', () => {
  const tag = unique('page');
  const ids: string[] = [];
  let ownerId: string;
  let inactiveId: string;
  let deletedId: string;

  beforeAll(async () => {
    ownerId = unique('list-owner');
    await withRootPool(served.database, (pool) => pool.query('insert into relaypg.users (id, username) values ($1, $1)', [ownerId]));
    for (let i = 0; i < 5; i++) ids.push((await createKey({ name: `${tag}-item-${i}`, tags: [tag] })).apiKey.id);
    inactiveId = (await createKey({ name: `${tag}-inactive`, tags: [`${tag}-x`], isActive: false })).apiKey.id;
    deletedId = (await createKey({ name: `${tag}-deleted`, tags: [`${tag}-x`], userId: ownerId })).apiKey.id;
    expect((await send('DELETE', `/admin/api-keys/${deletedId}`)).status).toBe(200);
  });

  it('pages with limit/offset, newest first, and reports the total', async () => {
    const pages = [];
    for (const offset of [0, 2, 4]) {
      const result = await send('GET', `/admin/api-keys?tag=${tag}&limit=2&offset=${offset}`);
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ total: 5, limit: 2, offset });
      pages.push(result.body.items.map((k: Body) => k.id));
    }
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(pages.flat()).toEqual([...ids].reverse());
  });

  it('defaults to limit 50, offset 0', async () => {
    const result = await send('GET', `/admin/api-keys?tag=${tag}`);
    expect(result.body).toMatchObject({ total: 5, limit: 50, offset: 0 });
    expect(result.body.items).toHaveLength(5);
  });

  it('returns an empty page past the end, with the total', async () => {
    const result = await send('GET', `/admin/api-keys?tag=${tag}&offset=10`);
    expect(result.body).toMatchObject({ items: [], total: 5 });
  });

  it('lists keys without digests or plain keys', async () => {
    const result = await send('GET', `/admin/api-keys?tag=${tag}`);
    for (const item of result.body.items) {
      expect(item).not.toHaveProperty('digest');
      expect(item).not.toHaveProperty('plainKey');
    }
  });

  it('filters by isActive', async () => {
    const inactive = await send('GET', `/admin/api-keys?tag=${tag}-x&isActive=false`);
    expect(inactive.body.items.map((k: Body) => k.id)).toEqual([inactiveId]);
    const active = await send('GET', `/admin/api-keys?tag=${tag}-x&isActive=true`);
    expect(active.body.items.map((k: Body) => k.id)).toEqual([deletedId]);
  });

  it('filters by isDeleted', async () => {
    const deleted = await send('GET', `/admin/api-keys?tag=${tag}-x&isDeleted=true`);
    expect(deleted.body).toMatchObject({ total: 1, items: [{ id: deletedId, isDeleted: true }] });
    const live = await send('GET', `/admin/api-keys?tag=${tag}-x&isDeleted=false`);
    expect(live.body).toMatchObject({ total: 1, items: [{ id: inactiveId, isDeleted: false }] });
  });

  it('filters by tag (exact element, not substring)', async () => {
    const result = await send('GET', `/admin/api-keys?tag=${tag.slice(0, -1)}`);
    expect(result.body.total).toBe(0);
  });

  it('filters by search (case-insensitive substring of the name; % and _ are literal)', async () => {
    const result = await send('GET', `/admin/api-keys?search=${encodeURIComponent(`${tag}-ITEM-3`.toUpperCase())}`);
    expect(result.body.items.map((k: Body) => k.id)).toEqual([ids[3]]);
    const wildcard = await send('GET', `/admin/api-keys?search=${encodeURIComponent(`${tag}-%`)}`);
    expect(wildcard.body.total).toBe(0);
    const underscore = await send('GET', `/admin/api-keys?search=${encodeURIComponent(`${tag}-item_0`)}`);
    expect(underscore.body.total).toBe(0);
  });

  it('filters by userId', async () => {
    const result = await send('GET', `/admin/api-keys?userId=${ownerId}`);
    expect(result.body).toMatchObject({ total: 1, items: [{ id: deletedId, userId: ownerId, userUsername: ownerId }] });
  });

  it('combines filters', async () => {
    const result = await send('GET', `/admin/api-keys?tag=${tag}&search=item-1&isActive=true&isDeleted=false`);
    expect(result.body.items.map((k: Body) => k.id)).toEqual([ids[1]]);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=1.5', 'limit'],
    ['offset=-1', 'offset'],
    ['isActive=maybe', 'isActive'],
    ['isDeleted=1', 'isDeleted'],
    ['tag=', 'tag'],
    ['colour=blue', 'colour'],
    ['tag=a&tag=b', 'tag'],
  ])('400 invalid_input for ?%s (field %s)', async (query, field) => {
    expectError(await send('GET', `/admin/api-keys?${query}`), 400, 'invalid_input', field);
  });
});

// GET /admin/api-keys/:id: 404 for an unknown uuid, 400 for a non-uuid.
describe('GET /admin/api-keys/:id', () => {
  it('returns { apiKey } for a known id', async () => {
    const { apiKey } = await createKey({ name: unique('get') });
    const result = await send('GET', `/admin/api-keys/${apiKey.id}`);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ apiKey });
  });

  it('404 api_key_not_found for an unknown uuid', async () => {
    expectError(await send('GET', `/admin/api-keys/${randomUUID()}`), 404, 'api_key_not_found');
  });

  it('400 invalid_input, field id, for an id that is not a uuid', async () => {
    expectError(await send('GET', '/admin/api-keys/not-a-uuid'), 400, 'invalid_input', 'id');
    expectError(await send('GET', `/admin/api-keys/${encodeURIComponent("1' or '1'='1")}`), 400, 'invalid_input', 'id');
  });
});

// PATCH /admin/api-keys/:id: a partial update changes only the fields given.
describe('PATCH /admin/api-keys/:id', () => {
  it('changes only the given fields', async () => {
    const { apiKey: before } = await createKey({
      name: unique('patch'),
      description: 'kept',
      tokenLimit: 10,
      concurrencyLimit: 2,
      tags: ['keep'],
      dailyCostLimit: '1.50',
    });
    const result = await send('PATCH', `/admin/api-keys/${before.id}`, { json: { tokenLimit: 500, dailyCostLimit: 2 } });
    expect(result.status).toBe(200);
    const after = result.body.apiKey;
    expect(after.tokenLimit).toBe(500);
    expect(Number(after.dailyCostLimit)).toBe(2);
    const unchanged = (k: Body) => ({ ...k, tokenLimit: undefined, dailyCostLimit: undefined, updatedAt: undefined, authVersion: undefined });
    expect(unchanged(after)).toEqual(unchanged(before));
    expect(after.authVersion).toBeGreaterThan(before.authVersion);
    expect(Date.parse(after.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));
    expect((await send('GET', `/admin/api-keys/${before.id}`)).body.apiKey).toEqual(after);
  });

  it('accepts an empty change set and changes nothing', async () => {
    const { apiKey } = await createKey({ name: unique('patch-empty') });
    const result = await send('PATCH', `/admin/api-keys/${apiKey.id}`, { json: {} });
    expect(result.status).toBe(200);
    expect(result.body.apiKey).toEqual(apiKey);
  });

  it('400 invalid_input naming the field, and leaves the key unchanged', async () => {
    const { apiKey } = await createKey({ name: unique('patch-bad'), concurrencyLimit: 3 });
    expectError(await send('PATCH', `/admin/api-keys/${apiKey.id}`, { json: { concurrencyLimit: -2 } }), 400, 'invalid_input', 'concurrencyLimit');
    expectError(await send('PATCH', `/admin/api-keys/${apiKey.id}`, { json: { name: '' } }), 400, 'invalid_input', 'name');
    expectError(await send('PATCH', `/admin/api-keys/${apiKey.id}`, { json: { isActive: 'no' } }), 400, 'invalid_input', 'isActive');
    expectError(await send('PATCH', `/admin/api-keys/${apiKey.id}`, { json: { digest: 'x' } }), 400, 'invalid_input', 'digest');
    expectError(await send('PATCH', `/admin/api-keys/${apiKey.id}`, { json: { userId: 'nobody' } }), 404, 'user_not_found', 'userId');
    expect((await send('GET', `/admin/api-keys/${apiKey.id}`)).body.apiKey).toEqual(apiKey);
  });

  it('404 api_key_not_found for an unknown id, 400 for a non-uuid id', async () => {
    expectError(await send('PATCH', `/admin/api-keys/${randomUUID()}`, { json: { tokenLimit: 1 } }), 404, 'api_key_not_found');
    expectError(await send('PATCH', '/admin/api-keys/123', { json: { tokenLimit: 1 } }), 400, 'invalid_input', 'id');
  });

  it('takes effect for the key holder at once (disabling refuses the cached key)', async () => {
    const { apiKey, plainKey } = await createKey({ name: unique('patch-disable') });
    expect((await keyHolderStatus(plainKey)).status).toBe(200);
    expect((await send('PATCH', `/admin/api-keys/${apiKey.id}`, { json: { isActive: false } })).status).toBe(200);
    expectError(await keyHolderStatus(plainKey), 401, 'api_key_disabled');
  });
});

// DELETE (soft), POST restore, DELETE permanent: the key's lifecycle.
describe('delete, restore and permanent delete', () => {
  it('soft-deletes: 200 with isDeleted, GET shows it, a second DELETE is 409 api_key_deleted', async () => {
    const { apiKey } = await createKey({ name: unique('delete') });
    const deleted = await send('DELETE', `/admin/api-keys/${apiKey.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.apiKey).toMatchObject({ id: apiKey.id, isDeleted: true, deletedBy: 'admin', deletedByType: 'admin', deletedAt: expect.any(String) });
    expect((await send('GET', `/admin/api-keys/${apiKey.id}`)).body.apiKey).toMatchObject({ isDeleted: true });
    expectError(await send('DELETE', `/admin/api-keys/${apiKey.id}`), 409, 'api_key_deleted');
  });

  it('refuses a deleted (and cached) key to its holder at once', async () => {
    const { apiKey, plainKey } = await createKey({ name: unique('delete-auth') });
    expect((await keyHolderStatus(plainKey)).status).toBe(200);
    expect((await send('DELETE', `/admin/api-keys/${apiKey.id}`)).status).toBe(200);
    expectError(await keyHolderStatus(plainKey), 401, 'api_key_deleted');
  });

  it('restores a deleted key; restoring a live key is 409 api_key_not_deleted', async () => {
    const { apiKey, plainKey } = await createKey({ name: unique('restore') });
    expectError(await send('POST', `/admin/api-keys/${apiKey.id}/restore`), 409, 'api_key_not_deleted');
    await send('DELETE', `/admin/api-keys/${apiKey.id}`);
    const restored = await send('POST', `/admin/api-keys/${apiKey.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.apiKey).toMatchObject({ isDeleted: false, deletedAt: null, restoredBy: 'admin', restoredByType: 'admin', restoredAt: expect.any(String) });
    expect((await keyHolderStatus(plainKey)).status).toBe(200);
    expectError(await send('POST', `/admin/api-keys/${apiKey.id}/restore`), 409, 'api_key_not_deleted');
  });

  it('404 and 400 for delete/restore of an unknown or malformed id', async () => {
    expectError(await send('DELETE', `/admin/api-keys/${randomUUID()}`), 404, 'api_key_not_found');
    expectError(await send('POST', `/admin/api-keys/${randomUUID()}/restore`), 404, 'api_key_not_found');
    expectError(await send('DELETE', '/admin/api-keys/nope'), 400, 'invalid_input', 'id');
    expectError(await send('POST', '/admin/api-keys/nope/restore'), 400, 'invalid_input', 'id');
  });

  it('permanent delete: 409 unless soft-deleted first, then 204 and the key is gone', async () => {
    const { apiKey } = await createKey({ name: unique('purge') });
    expectError(await send('DELETE', `/admin/api-keys/${apiKey.id}/permanent`), 409, 'api_key_not_deleted');
    expect((await send('GET', `/admin/api-keys/${apiKey.id}`)).status).toBe(200);
    await send('DELETE', `/admin/api-keys/${apiKey.id}`);
    const purged = await send('DELETE', `/admin/api-keys/${apiKey.id}/permanent`);
    expect(purged.status).toBe(204);
    expect(purged.text).toBe('');
    expectError(await send('GET', `/admin/api-keys/${apiKey.id}`), 404, 'api_key_not_found');
    expectError(await send('DELETE', `/admin/api-keys/${apiKey.id}/permanent`), 404, 'api_key_not_found');
    expectError(await send('DELETE', '/admin/api-keys/nope/permanent'), 400, 'invalid_input', 'id');
  });

  it('a purged key no longer authenticates', async () => {
    const { apiKey, plainKey } = await createKey({ name: unique('purge-auth') });
    await send('DELETE', `/admin/api-keys/${apiKey.id}`);
    await send('DELETE', `/admin/api-keys/${apiKey.id}/permanent`);
    expectError(await keyHolderStatus(plainKey), 401, 'invalid_api_key');
  });
});

// POST /admin/api-keys/:id/regenerate: a new plain key; the old one stops at once.
describe('POST /admin/api-keys/:id/regenerate', () => {
  it('returns a new plain key; the old (cached) key is refused at once, the new one accepted', async () => {
    const { apiKey, plainKey: oldKey } = await createKey({ name: unique('regen'), tokenLimit: 77 });
    expect((await keyHolderStatus(oldKey)).status).toBe(200); // now cached
    const result = await send('POST', `/admin/api-keys/${apiKey.id}/regenerate`);
    expect(result.status).toBe(200);
    const { apiKey: regenerated, plainKey: newKey } = result.body;
    expect(newKey).toMatch(PLAIN_KEY);
    expect(newKey).not.toBe(oldKey);
    expect(JSON.stringify(regenerated)).not.toContain(newKey);
    expect(regenerated).toMatchObject({ id: apiKey.id, name: apiKey.name, tokenLimit: 77 });
    expect(regenerated).not.toHaveProperty('digest');

    expectError(await keyHolderStatus(oldKey), 401, 'invalid_api_key');
    const accepted = await keyHolderStatus(newKey);
    expect(accepted.status).toBe(200);
    expect(accepted.body.key).toMatchObject({ id: apiKey.id, tokenLimit: 77 });
  });

  it('409 api_key_deleted for a deleted key, 404 for an unknown one, 400 for a malformed id', async () => {
    const { apiKey } = await createKey({ name: unique('regen-deleted') });
    await send('DELETE', `/admin/api-keys/${apiKey.id}`);
    expectError(await send('POST', `/admin/api-keys/${apiKey.id}/regenerate`), 409, 'api_key_deleted');
    expectError(await send('POST', `/admin/api-keys/${randomUUID()}/regenerate`), 404, 'api_key_not_found');
    expectError(await send('POST', '/admin/api-keys/x/regenerate'), 400, 'invalid_input', 'id');
  });
});

// Malformed requests: bad JSON, wrong media type, oversized bodies, unknown routes.
describe('malformed requests', () => {
  it('400 invalid_json for a body that is not JSON', async () => {
    const result = await send('POST', '/admin/api-keys', { raw: '{"name": ', headers: { 'content-type': 'application/json' } });
    expectError(result, 400, 'invalid_json');
  });

  it('400 invalid_json for an empty JSON body', async () => {
    const result = await send('PATCH', `/admin/api-keys/${randomUUID()}`, { raw: '', headers: { 'content-type': 'application/json' } });
    expectError(result, 400, 'invalid_json');
  });

  it('400 invalid_json for a body with __proto__ (prototype poisoning)', async () => {
    const result = await send('POST', '/admin/api-keys', {
      raw: '{"name": "poison", "__proto__": {"isAdmin": true}}',
      headers: { 'content-type': 'application/json' },
    });
    expectError(result, 400, 'invalid_json');
  });

  it('415 unsupported_media_type for a body that is not JSON by content-type (application/xml)', async () => {
    const result = await send('POST', '/admin/api-keys', { raw: '<name>x</name>', headers: { 'content-type': 'application/xml' } });
    expectError(result, 415, 'unsupported_media_type');
  });

  it('415 unsupported_media_type for text/plain', async () => {
    const result = await send('POST', '/admin/api-keys', { raw: JSON.stringify({ name: unique('plain') }), headers: { 'content-type': 'text/plain' } });
    expectError(result, 415, 'unsupported_media_type');
  });

  it('413 payload_too_large for a body over 1 MiB', async () => {
    const body = JSON.stringify({ name: unique('big'), description: 'x'.repeat(1024 * 1024) });
    const result = await postRaw(body, { ...adminAuthorization, 'content-length': Buffer.byteLength(body) });
    expectError(result, 413, 'payload_too_large');
  });

  it('413 payload_too_large for an oversized chunked body (no content-length)', async () => {
    const body = JSON.stringify({ name: unique('big-chunked'), description: 'x'.repeat(1024 * 1024) });
    const result = await postRaw(body, { ...adminAuthorization, 'transfer-encoding': 'chunked' });
    expectError(result, 413, 'payload_too_large');
  });

  it('accepts a body just under 1 MiB (the limit is not lower than documented)', async () => {
    // description is capped at 2000 characters by the database; pad with spaces instead.
    const json = JSON.stringify({ name: unique('almost-big') });
    const body = json.slice(0, -1) + ' '.repeat(1024 * 1024 - json.length - 1) + '}';
    expect(Buffer.byteLength(body)).toBe(1024 * 1024 - 1);
    const result = await postRaw(body, { ...adminAuthorization, 'content-length': Buffer.byteLength(body) });
    expect(result.status).toBe(201);
    expect(result.body.plainKey).toMatch(PLAIN_KEY); // remembered by the client: no later response may carry it
  });

  it('404 not_found for an unknown route, with or without the admin token', async () => {
    expectError(await send('GET', '/nope', { token: null }), 404, 'not_found');
    expectError(await send('GET', '/admin/api-keys/00000000-0000-0000-0000-000000000000/nope'), 404, 'not_found');
    expectError(await send('PUT', '/admin/api-keys'), 404, 'not_found');
  });
});

// Read-your-writes on one instance: once an admin change has been answered,
// the same instance must not serve a decision cached before it, even if the
// NOTIFY that drops cached decisions never arrives. A second instance with its
// listener stopped makes that window permanent, so these cases are
// deterministic (ApiKeyService invalidates its own cache before answering).
describe('read-your-writes on one instance without the NOTIFY listener', () => {
  let other: App;
  let otherUrl: string;
  /** The listener-less instance; keys it hands out are checked for in every later response too. */
  const onOtherInstance = http(() => otherUrl, { guard });

  beforeAll(async () => {
    other = await startApp(served.database);
    await other.listener.stop();
    otherUrl = await listen(other);
  });

  afterAll(async () => {
    await other?.close();
  });

  async function onOther(method: string, path: string, json?: unknown): Promise<Body> {
    const result = await onOtherInstance.send(method, path, json === undefined ? {} : { json });
    expect(result.status, result.text).toBeLessThan(300);
    return result.body;
  }

  /** The key holder's answer on the listener-less instance: status and error code. */
  async function holder(plainKey: string): Promise<{ status: number; code?: string }> {
    const { status, body } = await onOtherInstance.send('GET', '/api/v1/key', { token: null, headers: { 'x-api-key': plainKey } });
    return { status, ...(body.error ? { code: body.error.code } : {}) };
  }

  async function cachedKey(label: string): Promise<{ id: string; plainKey: string }> {
    const { apiKey, plainKey } = await onOther('POST', '/admin/api-keys', { name: unique(label) });
    expect(await holder(plainKey)).toEqual({ status: 200 });
    return { id: apiKey.id, plainKey };
  }

  it('premise: a change made around the service is not seen (the cached decision is served)', async () => {
    const { id, plainKey } = await cachedKey('ryw-premise');
    await withRootPool(served.database, (pool) => pool.query('update relaypg.api_keys set is_active = false where id = $1', [id]));
    expect(await holder(plainKey)).toEqual({ status: 200 });
  });

  it('disabling a key refuses it on the next request', async () => {
    const { id, plainKey } = await cachedKey('ryw-disable');
    await onOther('PATCH', `/admin/api-keys/${id}`, { isActive: false });
    expect(await holder(plainKey)).toEqual({ status: 401, code: 'api_key_disabled' });
  });

  it('regenerating a key refuses the old key on the next request', async () => {
    const { id, plainKey } = await cachedKey('ryw-regen');
    const { plainKey: newKey } = await onOther('POST', `/admin/api-keys/${id}/regenerate`);
    expect(await holder(plainKey)).toEqual({ status: 401, code: 'invalid_api_key' });
    expect(await holder(newKey)).toEqual({ status: 200 });
  });

  it('deleting, restoring and purging a key are each seen on the next request', async () => {
    const { id, plainKey } = await cachedKey('ryw-lifecycle');
    await onOther('DELETE', `/admin/api-keys/${id}`);
    expect(await holder(plainKey)).toEqual({ status: 401, code: 'api_key_deleted' });
    await onOther('POST', `/admin/api-keys/${id}/restore`);
    expect(await holder(plainKey)).toEqual({ status: 200 });
    await onOther('DELETE', `/admin/api-keys/${id}`);
    expect(await holder(plainKey)).toEqual({ status: 401, code: 'api_key_deleted' });
    await onOther('DELETE', `/admin/api-keys/${id}/permanent`);
    expect(await holder(plainKey)).toEqual({ status: 401, code: 'invalid_api_key' });
  });

  it('re-enabling a key accepts it on the next request (a cached refusal is dropped too)', async () => {
    const { id, plainKey } = await cachedKey('ryw-enable');
    await onOther('PATCH', `/admin/api-keys/${id}`, { isActive: false });
    expect(await holder(plainKey)).toEqual({ status: 401, code: 'api_key_disabled' });
    await onOther('PATCH', `/admin/api-keys/${id}`, { isActive: true });
    expect(await holder(plainKey)).toEqual({ status: 200 });
  });
});
