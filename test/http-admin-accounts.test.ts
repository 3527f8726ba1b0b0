// The admin API for upstream accounts (/admin/accounts) and account groups
// (/admin/account-groups), over a real listening server: status codes, the
// JSON error shape { error: { code, message[, field] } }, secrets that are
// write-only ('********' on every read), and no request answered with a 5xx.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from './support/app.js';
import { createKeyViaAdmin, expectError, serveApp, unique, withRootPool, type Body, type HttpClient, type HttpResult, type SendOptions } from './support/http.js';

const MASK = '********';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Every secret sent in this file: no response may ever carry one of them.
const secret = (label: string) => `${label}-${randomUUID()}`;
const OFFICIAL_ACCESS = secret('sk-ant-oat01');
const OFFICIAL_REFRESH = secret('sk-ant-ort01');
const CONSOLE_API_KEY = secret('sk-ant-api03');
const PROXY_PASSWORD = secret('proxy-pw');
const AWS_SECRET = secret('aws-secret-access-key');
const NEW_ACCESS = secret('sk-ant-oat01-new');
const NEW_PROXY_PASSWORD = secret('proxy-pw-new');
const REFUSED_SECRET = secret('refused');
const PLAINTEXTS = [OFFICIAL_ACCESS, OFFICIAL_REFRESH, CONSOLE_API_KEY, PROXY_PASSWORD, AWS_SECRET, NEW_ACCESS, NEW_PROXY_PASSWORD, REFUSED_SECRET];

/**
 * `client.send` plus the checks every answer here gets: never a 5xx, and
 * never a plaintext secret (the client's own guard checks stacks and keys).
 */
function checkedSend(client: HttpClient) {
  return async (method: string, path: string, options?: SendOptions): Promise<HttpResult> => {
    const result = await client.send(method, path, options);
    expect(result.status, `${method} ${path} -> ${result.text}`).toBeLessThan(500);
    for (const plaintext of PLAINTEXTS) expect(result.text.includes(plaintext), `${method} ${path} leaks a secret`).toBe(false);
    return result;
  };
}

const served = serveApp();
const send = checkedSend(served.http);

async function createAccount(body: Record<string, unknown>, via = send): Promise<Body> {
  const result = await via('POST', '/admin/accounts', { json: body });
  expect(result.status, result.text).toBe(201);
  return result.body.account;
}

async function createGroup(body: Record<string, unknown>, via = send): Promise<Body> {
  const result = await via('POST', '/admin/account-groups', { json: body });
  expect(result.status, result.text).toBe(201);
  return result.body.group;
}

async function getAccount(id: string): Promise<Body> {
  const result = await send('GET', `/admin/accounts/${id}`);
  expect(result.status, result.text).toBe(200);
  return result.body.account;
}

const consoleAccount = (overrides: Record<string, unknown> = {}) => ({
  kind: 'claude-console',
  name: unique('console'),
  options: { apiUrl: 'https://console.example.test' },
  ...overrides,
});

const officialAccount = (overrides: Record<string, unknown> = {}) => ({ kind: 'claude-official', name: unique('official'), ...overrides });

/** The decrypted credentials the relay would read, at least at `version` (service call: proves what was stored). */
const credentialsOf = (account: Body) => served.app.accounts.credentials(account.id, account.version);

// ---------------------------------------------------------------------------

describe('admin authentication', () => {
  const someId = randomUUID();
  const routes: [method: string, path: string, json?: unknown][] = [
    ['GET', '/admin/accounts'],
    ['POST', '/admin/accounts', { kind: 'claude-official', name: 'unauthenticated' }],
    ['GET', `/admin/accounts/${someId}`],
    ['PATCH', `/admin/accounts/${someId}`, { priority: 1 }],
    ['DELETE', `/admin/accounts/${someId}?unbindKeys=true`],
    ['POST', `/admin/accounts/${someId}/pause`],
    ['POST', `/admin/accounts/${someId}/reset-state`],
    ['GET', '/admin/account-groups'],
    ['POST', '/admin/account-groups', { name: 'unauthenticated', platform: 'claude' }],
    ['PUT', `/admin/account-groups/${someId}/members`, { accountIds: [] }],
    ['DELETE', `/admin/account-groups/${someId}`],
  ];

  it.each(routes)('401 unauthorized for %s %s without a token or with a wrong one', async (method, path, json) => {
    const body = json === undefined ? {} : { json };
    expectError(await send(method, path, { ...body, token: null }), 401, 'unauthorized');
    expectError(await send(method, path, { ...body, token: 'wrong-token' }), 401, 'unauthorized');
    expectError(await send(method, path, { ...body, token: `${TEST_ADMIN_TOKEN}x` }), 401, 'unauthorized');
  });

  it('creates nothing for an unauthenticated request', async () => {
    const accounts = await send('GET', '/admin/accounts?limit=500');
    expect(accounts.body.items.filter((a: Body) => a.name === 'unauthenticated')).toEqual([]);
    const groups = await send('GET', '/admin/account-groups');
    expect(groups.body.items.filter((g: Body) => g.name === 'unauthenticated')).toEqual([]);
  });

  it('accepts the admin token as Bearer and as x-api-key', async () => {
    expect((await send('GET', '/admin/accounts')).status).toBe(200);
    expect((await send('GET', '/admin/account-groups', { token: null, headers: { 'x-api-key': TEST_ADMIN_TOKEN } })).status).toBe(200);
  });
});

// POST /admin/accounts: 201; secrets and the proxy password come back masked only.
describe('POST /admin/accounts', () => {
  it('creates a Console account with an API key and a proxy with a password, both masked', async () => {
    const name = unique('console-create');
    const result = await send('POST', '/admin/accounts', {
      json: {
        kind: 'claude-console',
        name,
        description: 'a console account',
        priority: 20,
        options: { apiUrl: 'https://console.example.test' },
        proxy: { type: 'socks5', host: 'proxy.example.test', port: 1080, username: 'relay', password: PROXY_PASSWORD },
        secrets: { apiKey: CONSOLE_API_KEY },
      },
    });
    expect(result.status).toBe(201);
    expect(Object.keys(result.body)).toEqual(['account']);
    const { account } = result.body;
    expect(account).toMatchObject({
      id: expect.stringMatching(UUID),
      kind: 'claude-console',
      platform: 'claude',
      name,
      description: 'a console account',
      priority: 20,
      isActive: true,
      isPaused: false,
      accountType: 'shared',
      modelMapping: {},
      subscriptionPlan: null,
      rateLimitMinutes: 60,
      quotaResetTime: '00:00',
      options: { apiUrl: 'https://console.example.test' },
      proxy: { type: 'socks5', host: 'proxy.example.test', port: 1080, username: 'relay', password: MASK },
      secrets: { apiKey: MASK, proxyPassword: MASK },
      secretsKeyVersion: 1,
      unavailableReason: null,
      groupIds: [],
      version: 1,
    });
    // GET shows the same masked account.
    expect(await getAccount(account.id)).toEqual(account);
    // The secrets were stored (decryptable by the relay), not dropped.
    const credentials = await credentialsOf(account);
    expect(credentials.secrets).toEqual({ apiKey: CONSOLE_API_KEY });
    expect(credentials.proxy).toEqual({ type: 'socks5', host: 'proxy.example.test', port: 1080, username: 'relay', password: PROXY_PASSWORD });
  });

  it('creates a Claude official account with OAuth tokens, masked', async () => {
    const result = await send('POST', '/admin/accounts', {
      json: officialAccount({
        subscriptionPlan: 'max',
        tokenExpiresAt: '2030-01-02T03:04:05Z',
        secrets: { accessToken: OFFICIAL_ACCESS, refreshToken: OFFICIAL_REFRESH },
      }),
    });
    expect(result.status).toBe(201);
    expect(result.body.account).toMatchObject({
      kind: 'claude-official',
      platform: 'claude',
      subscriptionPlan: 'max',
      tokenExpiresAt: '2030-01-02T03:04:05.000Z',
      proxy: null,
      secrets: { accessToken: MASK, refreshToken: MASK },
      secretsKeyVersion: 1,
    });
    expect((await credentialsOf(result.body.account)).secrets).toEqual({ accessToken: OFFICIAL_ACCESS, refreshToken: OFFICIAL_REFRESH });
  });

  it('creates a Bedrock account whose secret is an object, masked as a whole', async () => {
    const awsCredentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: AWS_SECRET, region: 'us-east-1' };
    const result = await send('POST', '/admin/accounts', { json: { kind: 'bedrock', name: unique('bedrock'), secrets: { awsCredentials } } });
    expect(result.status).toBe(201);
    expect(result.body.account).toMatchObject({ kind: 'bedrock', platform: 'claude', secrets: { awsCredentials: MASK } });
    expect(result.text).not.toContain('AKIAEXAMPLE');
    expect((await credentialsOf(result.body.account)).secrets).toEqual({ awsCredentials });
  });

  it('creates an account without secrets: secrets {}, no key version', async () => {
    const account = await createAccount({ kind: 'gemini', name: unique('gemini-bare') });
    expect(account).toMatchObject({ kind: 'gemini', platform: 'gemini', secrets: {}, secretsKeyVersion: null, proxy: null });
  });

  it('stores secrets encrypted: no plaintext in the row, no password in the proxy column', async () => {
    const account = await createAccount(
      consoleAccount({ proxy: { type: 'http', host: 'p.example.test', port: 3128, password: PROXY_PASSWORD }, secrets: { apiKey: CONSOLE_API_KEY } }),
    );
    const { rows } = await withRootPool(served.database, (pool) =>
      pool.query<{ row: string; proxy: Record<string, unknown>; names: string[] }>(
        'select to_jsonb(a)::text as row, a.proxy, a.secret_names as names from relaypg.accounts a where a.id = $1',
        [account.id],
      ),
    );
    expect(rows[0]!.row).not.toContain(CONSOLE_API_KEY);
    expect(rows[0]!.row).not.toContain(PROXY_PASSWORD);
    expect(rows[0]!.proxy).toEqual({ type: 'http', host: 'p.example.test', port: 3128 });
    expect(rows[0]!.names).toEqual(['apiKey', 'proxyPassword']);
  });

  it('400 invalid_input naming the field, and creates nothing', async () => {
    const name = unique('refused');
    expectError(await send('POST', '/admin/accounts', { json: { name } }), 400, 'invalid_input', 'kind');
    expectError(await send('POST', '/admin/accounts', { json: { kind: 'claude-pro', name } }), 400, 'invalid_input', 'kind');
    expectError(await send('POST', '/admin/accounts', { json: { kind: 'gemini' } }), 400, 'invalid_input', 'name');
    expectError(await send('POST', '/admin/accounts', { json: { kind: 'gemini', name: '   ' } }), 400, 'invalid_input', 'name');
    // A Console account needs an http(s) apiUrl (the database's rule).
    expectError(await send('POST', '/admin/accounts', { json: { kind: 'claude-console', name } }), 400, 'invalid_input', 'options.apiUrl');
    // A secret the kind does not hold; the message names it, never its value.
    const wrongSecret = await send('POST', '/admin/accounts', { json: { kind: 'gemini', name, secrets: { apiKey: REFUSED_SECRET } } });
    expectError(wrongSecret, 400, 'invalid_input', 'secrets.apiKey');
    // Secrets put in options are refused, not stored in the clear.
    const inOptions = await send('POST', '/admin/accounts', { json: consoleAccount({ name, options: { apiUrl: 'https://x.test', apiKey: REFUSED_SECRET } }) });
    expectError(inOptions, 400, 'invalid_input', 'options');
    expectError(await send('POST', '/admin/accounts', { json: { kind: 'gemini', name, priority: 0 } }), 400, 'invalid_input', 'priority');
    expectError(await send('POST', '/admin/accounts', { json: { kind: 'gemini', name, colour: 'blue' } }), 400, 'invalid_input', 'colour');
    expectError(await send('POST', '/admin/accounts', { json: [{ kind: 'gemini', name }] }), 400, 'invalid_input', 'body');
    const list = await send('GET', '/admin/accounts?limit=500');
    expect(list.body.items.filter((a: Body) => a.name === name)).toEqual([]);
  });
});

// GET /admin/accounts/:id
describe('GET /admin/accounts/:id', () => {
  it('404 account_not_found for an unknown id, 400 (field id) for a non-UUID', async () => {
    expectError(await send('GET', `/admin/accounts/${randomUUID()}`), 404, 'account_not_found');
    expectError(await send('GET', '/admin/accounts/00000000-0000-0000-0000-000000000000'), 404, 'account_not_found');
    expectError(await send('GET', '/admin/accounts/123'), 400, 'invalid_input', 'id');
    expectError(await send('GET', `/admin/accounts/${randomUUID()}x`), 400, 'invalid_input', 'id');
  });
});

// PATCH /admin/accounts/:id: settings and secrets; errors name the field.
describe('PATCH /admin/accounts/:id', () => {
  it('changes settings and bumps the version', async () => {
    const before = await createAccount(officialAccount());
    const result = await send('PATCH', `/admin/accounts/${before.id}`, {
      json: {
        name: `${before.name}-renamed`,
        description: 'renamed',
        priority: 7,
        accountType: 'dedicated',
        modelMapping: ['claude-sonnet-4-20250514'],
        subscriptionPlan: 'pro',
        autoStopOnWarning: true,
        rateLimitMinutes: 15,
        dailyQuota: '12.5',
        quotaResetTime: '08:30',
        isActive: false,
      },
    });
    expect(result.status, result.text).toBe(200);
    const after = result.body.account;
    expect(after).toMatchObject({
      id: before.id,
      kind: 'claude-official',
      name: `${before.name}-renamed`,
      description: 'renamed',
      priority: 7,
      accountType: 'dedicated',
      modelMapping: { 'claude-sonnet-4-20250514': 'claude-sonnet-4-20250514' },
      subscriptionPlan: 'pro',
      autoStopOnWarning: true,
      rateLimitMinutes: 15,
      dailyQuota: '12.5',
      quotaResetTime: '08:30',
      isActive: false,
      unavailableReason: 'inactive',
      version: before.version + 1,
    });
    expect(await getAccount(before.id)).toEqual(after);
  });

  it('accepts an empty change set and changes nothing', async () => {
    const before = await createAccount(officialAccount({ secrets: { accessToken: OFFICIAL_ACCESS } }));
    const result = await send('PATCH', `/admin/accounts/${before.id}`, { json: {} });
    expect(result.status).toBe(200);
    expect(result.body.account).toEqual(before);
  });

  it('replaces a secret, keeps one sent back as the mask, removes one set to null', async () => {
    const account = await createAccount(officialAccount({ secrets: { accessToken: OFFICIAL_ACCESS, refreshToken: OFFICIAL_REFRESH } }));
    const replaced = await send('PATCH', `/admin/accounts/${account.id}`, { json: { secrets: { accessToken: NEW_ACCESS, refreshToken: MASK } } });
    expect(replaced.status).toBe(200);
    expect(replaced.body.account.secrets).toEqual({ accessToken: MASK, refreshToken: MASK });
    expect((await credentialsOf(replaced.body.account)).secrets).toEqual({ accessToken: NEW_ACCESS, refreshToken: OFFICIAL_REFRESH });

    const removed = await send('PATCH', `/admin/accounts/${account.id}`, { json: { secrets: { refreshToken: null } } });
    expect(removed.status).toBe(200);
    expect(removed.body.account.secrets).toEqual({ accessToken: MASK });
    expect((await credentialsOf(removed.body.account)).secrets).toEqual({ accessToken: NEW_ACCESS });

    const emptied = await send('PATCH', `/admin/accounts/${account.id}`, { json: { secrets: { accessToken: null } } });
    expect(emptied.body.account).toMatchObject({ secrets: {}, secretsKeyVersion: null });
  });

  it('keeps the proxy password when the mask is sent back, replaces it, and drops it with the proxy', async () => {
    const proxy = { type: 'https', host: 'proxy.example.test', port: 8443, username: 'u', password: PROXY_PASSWORD };
    const account = await createAccount(consoleAccount({ proxy }));
    const moved = await send('PATCH', `/admin/accounts/${account.id}`, { json: { proxy: { ...proxy, port: 9443, password: MASK } } });
    expect(moved.body.account.proxy).toEqual({ type: 'https', host: 'proxy.example.test', port: 9443, username: 'u', password: MASK });
    expect((await credentialsOf(moved.body.account)).proxy).toMatchObject({ port: 9443, password: PROXY_PASSWORD });

    const replaced = await send('PATCH', `/admin/accounts/${account.id}`, { json: { proxy: { ...proxy, password: NEW_PROXY_PASSWORD } } });
    expect(replaced.body.account.proxy).toMatchObject({ password: MASK });
    expect((await credentialsOf(replaced.body.account)).proxy).toMatchObject({ password: NEW_PROXY_PASSWORD });

    const dropped = await send('PATCH', `/admin/accounts/${account.id}`, { json: { proxy: null } });
    expect(dropped.body.account).toMatchObject({ proxy: null, secrets: {} });
    expect((await credentialsOf(dropped.body.account)).proxy).toBeNull();
  });

  it.each([
    ['priority', { priority: 0 }],
    ['priority', { priority: 101 }],
    ['priority', { priority: 1.5 }],
    ['rateLimitMinutes', { rateLimitMinutes: -1 }],
    ['dailyQuota', { dailyQuota: -3 }],
    ['dailyQuota', { dailyQuota: 'lots' }],
    ['quotaResetTime', { quotaResetTime: '24:00' }],
    ['subscriptionPlan', { subscriptionPlan: 'ultra' }],
    ['accountType', { accountType: 'solo' }],
    ['tokenExpiresAt', { tokenExpiresAt: 'tomorrow' }],
    ['tokenExpiresAt', { tokenExpiresAt: '2030-02-30T00:00:00Z' }],
    ['name', { name: '   ' }],
    ['description', { description: 'x'.repeat(2001) }],
    ['modelMapping', { modelMapping: { 'claude-sonnet-4': '' } }],
    ['proxy', { proxy: { type: 'ftp', host: 'h', port: 21 } }],
    ['proxy', { proxy: { type: 'http', host: 'h', port: 70000 } }],
    ['options', { options: { apiUrl: 'https://x.test', apiKey: REFUSED_SECRET } }],
    ['secrets.accessToken', { secrets: { accessToken: REFUSED_SECRET } }],
    ['secrets.apiKey', { secrets: { apiKey: { nested: REFUSED_SECRET } } }],
  ])('400 invalid_input, field %s, for a value the database refuses (case %#); account unchanged', async (field, changes) => {
    const account = await createAccount(consoleAccount({ secrets: { apiKey: CONSOLE_API_KEY } }));
    const result = await send('PATCH', `/admin/accounts/${account.id}`, { json: changes });
    expectError(result, 400, 'invalid_input', field);
    // The API's field name, not the column's (rate_limit_minutes).
    expect(result.body.error.message).not.toMatch(/[a-z]_[a-z]/);
    expect(await getAccount(account.id)).toEqual(account);
  });

  it('400 invalid_input (field options.apiUrl) when a Console account loses its apiUrl', async () => {
    const account = await createAccount(consoleAccount());
    expectError(await send('PATCH', `/admin/accounts/${account.id}`, { json: { options: { apiUrl: 'ftp://nope' } } }), 400, 'invalid_input', 'options.apiUrl');
    expectError(await send('PATCH', `/admin/accounts/${account.id}`, { json: { options: {} } }), 400, 'invalid_input', 'options.apiUrl');
  });

  it.each([
    [{ colour: 'blue' }, 'colour'],
    [{ kind: 'gemini' }, 'kind'],
    [{ platform: 'gemini' }, 'platform'],
    [{ secretsKeyVersion: 2 }, 'secretsKeyVersion'],
    [{ unavailableReason: null }, 'unavailableReason'],
  ])('400 invalid_input for an unknown or read-only setting %j', async (changes, field) => {
    const account = await createAccount(officialAccount());
    expectError(await send('PATCH', `/admin/accounts/${account.id}`, { json: changes }), 400, 'invalid_input', field);
    expect(await getAccount(account.id)).toEqual(account);
  });

  it.each([
    [{ priority: 'high' }, 'priority'],
    [{ isActive: 'yes' }, 'isActive'],
    [{ isPaused: 1 }, 'isPaused'],
    [{ name: 42 }, 'name'],
    [{ options: ['a'] }, 'options'],
    [{ modelMapping: 5 }, 'modelMapping'],
    [{ proxy: { type: 'http', host: 'h', port: '8080' } }, 'proxy.port'],
    [{ proxy: 'http://h:8080' }, 'proxy'],
    [{ secrets: { accessToken: 42 } }, 'secrets.accessToken'],
    [{ secrets: ['accessToken'] }, 'secrets'],
  ])('400 invalid_input for a wrong JSON type %j', async (changes, field) => {
    const account = await createAccount(officialAccount());
    expectError(await send('PATCH', `/admin/accounts/${account.id}`, { json: changes }), 400, 'invalid_input', field);
  });

  it('400 names the nested field of an unknown proxy property (proxy.extra)', async () => {
    const account = await createAccount(officialAccount());
    const result = await send('PATCH', `/admin/accounts/${account.id}`, { json: { proxy: { type: 'http', host: 'h', port: 8080, extra: 1 } } });
    expectError(result, 400, 'invalid_input', 'proxy.extra');
  });

  it('400 for a body that is not a JSON object, invalid JSON, empty JSON or no body', async () => {
    const account = await createAccount(officialAccount());
    const path = `/admin/accounts/${account.id}`;
    expectError(await send('PATCH', path, { raw: '{"priority": ', headers: { 'content-type': 'application/json' } }), 400, 'invalid_json');
    expectError(await send('PATCH', path, { raw: '', headers: { 'content-type': 'application/json' } }), 400, 'invalid_json');
    expectError(await send('PATCH', path, { raw: '{"__proto__": {"priority": 1}}', headers: { 'content-type': 'application/json' } }), 400, 'invalid_json');
    expectError(await send('PATCH', path, { json: null }), 400, 'invalid_input', 'body');
    expectError(await send('PATCH', path, { json: [] }), 400, 'invalid_input', 'body');
    expectError(await send('PATCH', path), 400, 'invalid_input', 'body');
  });

  it('415 unsupported_media_type for text/plain (and application/xml)', async () => {
    const account = await createAccount(officialAccount());
    const path = `/admin/accounts/${account.id}`;
    expectError(await send('PATCH', path, { raw: JSON.stringify({ priority: 3 }), headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type');
    expectError(await send('PATCH', path, { raw: '<priority>3</priority>', headers: { 'content-type': 'application/xml' } }), 415, 'unsupported_media_type');
    expect(await getAccount(account.id)).toEqual(account);
  });

  it('400 (never 500) for text PostgreSQL cannot store: NUL characters and lone surrogates anywhere', async () => {
    const account = await createAccount(consoleAccount());
    const path = `/admin/accounts/${account.id}`;
    expectError(await send('PATCH', path, { json: { name: 'nul\u0000name' } }), 400, 'invalid_input', 'name');
    expectError(await send('PATCH', path, { json: { description: 'nul\u0000' } }), 400, 'invalid_input', 'description');
    expectError(await send('PATCH', path, { json: { secrets: { apiKey: `${REFUSED_SECRET}\u0000` } } }), 400, 'invalid_input', 'secrets.apiKey');
    expectError(await send('PATCH', path, { json: { proxy: { type: 'http', host: 'h\u0000', port: 80 } } }), 400, 'invalid_input', 'proxy.host');
    // Where zod does not look (record keys, free-form options), PostgreSQL refuses: still a 400.
    for (const changes of [
      { options: { apiUrl: 'https://x.test', note: 'a\u0000b' } },
      { options: { apiUrl: 'https://x.test', 'k\u0000': 'v' } },
      { options: { apiUrl: 'https://x.test', note: '\ud800' } },
      { modelMapping: { 'a\u0000': 'b' } },
      { secrets: { 'api\u0000Key': 'v' } },
    ]) {
      const result = await send('PATCH', path, { json: changes });
      expect(result.status, JSON.stringify(changes)).toBe(400);
      expect(result.body.error.code).toBe('invalid_input');
    }
    for (const query of ['platform=%00', 'kind=%00', 'groupId=%00', 'limit=%00']) {
      expect((await send('GET', `/admin/accounts?${query}`)).status, query).toBe(400);
    }
    expect(await getAccount(account.id)).toEqual(account);
  });

  it('404 account_not_found for an unknown id, 400 for a non-UUID id', async () => {
    expectError(await send('PATCH', `/admin/accounts/${randomUUID()}`, { json: { priority: 3 } }), 404, 'account_not_found');
    expectError(await send('PATCH', '/admin/accounts/not-a-uuid', { json: { priority: 3 } }), 400, 'invalid_input', 'id');
  });
});

// DELETE /admin/accounts/:id: refused while a key is bound, unless ?unbindKeys=true.
describe('DELETE /admin/accounts/:id', () => {
  it('deletes an unbound account: unboundKeys 0, then 404', async () => {
    const account = await createAccount(officialAccount({ secrets: { accessToken: OFFICIAL_ACCESS } }));
    const result = await send('DELETE', `/admin/accounts/${account.id}`);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ unboundKeys: 0 });
    expectError(await send('GET', `/admin/accounts/${account.id}`), 404, 'account_not_found');
    expectError(await send('DELETE', `/admin/accounts/${account.id}`), 404, 'account_not_found');
  });

  it('409 account_in_use while a key is bound; ?unbindKeys=true unbinds it (unboundKeys 1) and deletes', async () => {
    const account = await createAccount(officialAccount());
    const { apiKey } = await createKeyViaAdmin(served.http, { name: unique('bound-key'), claudeAccountId: account.id });
    expect(apiKey.claudeAccountId).toBe(account.id);

    const refused = await send('DELETE', `/admin/accounts/${account.id}`);
    expectError(refused, 409, 'account_in_use');
    expect(refused.body.error.message).toContain(apiKey.id); // which keys are bound
    expect(await getAccount(account.id)).toEqual(account);
    expectError(await send('DELETE', `/admin/accounts/${account.id}?unbindKeys=false`), 409, 'account_in_use');

    const deleted = await send('DELETE', `/admin/accounts/${account.id}?unbindKeys=true`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ unboundKeys: 1 });
    expectError(await send('GET', `/admin/accounts/${account.id}`), 404, 'account_not_found');
    // The key stays, bound to nothing (the shared pool).
    const key = await send('GET', `/admin/api-keys/${apiKey.id}`);
    expect(key.body.apiKey).toMatchObject({ id: apiKey.id, claudeAccountId: null, isDeleted: false });
  });

  it('400 for a bad ?unbindKeys or an unknown query key; 400 for a non-UUID id', async () => {
    const account = await createAccount(officialAccount());
    expectError(await send('DELETE', `/admin/accounts/${account.id}?unbindKeys=yes`), 400, 'invalid_input', 'unbindKeys');
    expectError(await send('DELETE', `/admin/accounts/${account.id}?unbindKeys=1`), 400, 'invalid_input', 'unbindKeys');
    expectError(await send('DELETE', `/admin/accounts/${account.id}?force=true`), 400, 'invalid_input', 'force');
    expectError(await send('DELETE', '/admin/accounts/nope'), 400, 'invalid_input', 'id');
    expect(await getAccount(account.id)).toEqual(account);
  });
});

// pause / resume / reset-state: the admin pause and the automatic states.
describe('pause, resume and reset-state', () => {
  it('pause sets isPaused (unavailable: paused); resume clears it', async () => {
    const account = await createAccount(officialAccount());
    const paused = await send('POST', `/admin/accounts/${account.id}/pause`);
    expect(paused.status).toBe(200);
    expect(paused.body.account).toMatchObject({ isPaused: true, unavailableReason: 'paused', version: account.version + 1 });
    expect(await getAccount(account.id)).toMatchObject({ isPaused: true, unavailableReason: 'paused' });
    const resumed = await send('POST', `/admin/accounts/${account.id}/resume`);
    expect(resumed.status).toBe(200);
    expect(resumed.body.account).toMatchObject({ isPaused: false, unavailableReason: null, version: account.version + 2 });
  });

  it('reset-state clears an automatic state (rate limited) and keeps an admin pause', async () => {
    const account = await createAccount(officialAccount());
    await served.app.accounts.markRateLimited(account.id);
    expect(await getAccount(account.id)).toMatchObject({ unavailableReason: 'rate_limited', rateLimitedUntil: expect.any(String) });
    const reset = await send('POST', `/admin/accounts/${account.id}/reset-state`);
    expect(reset.status).toBe(200);
    expect(reset.body.account).toMatchObject({ unavailableReason: null, rateLimitedUntil: null, isPaused: false, errorMessage: '' });

    await send('POST', `/admin/accounts/${account.id}/pause`);
    await served.app.accounts.markBlocked(account.id, 'unauthorized', 'upstream said 401');
    expect(await getAccount(account.id)).toMatchObject({ isPaused: true, blockedReason: 'unauthorized', unavailableReason: 'paused' });
    const stillPaused = await send('POST', `/admin/accounts/${account.id}/reset-state`);
    expect(stillPaused.body.account).toMatchObject({ isPaused: true, blockedReason: null, blockedAt: null, unavailableReason: 'paused' });
    const resumed = await send('POST', `/admin/accounts/${account.id}/resume`);
    expect(resumed.body.account).toMatchObject({ isPaused: false, unavailableReason: null });
  });

  it.each(['pause', 'resume', 'reset-state'])('%s: 404 for an unknown id, 400 for a non-UUID', async (action) => {
    expectError(await send('POST', `/admin/accounts/${randomUUID()}/${action}`), 404, 'account_not_found');
    expectError(await send('POST', `/admin/accounts/x/${action}`), 400, 'invalid_input', 'id');
  });
});

// GET /admin/accounts: filters, paging and strict query validation, on a
// database of its own so that the expected pages are exact.
describe('GET /admin/accounts (list)', () => {
  const listing = serveApp();
  const list = checkedSend(listing.http);
  const ids: Record<string, string> = {};
  let groupId: string;

  beforeAll(async () => {
    const make = async (label: string, body: Record<string, unknown>) => (ids[label] = (await createAccount({ name: `list-${label}`, ...body }, list)).id);
    await make('a', { kind: 'claude-official', priority: 10, secrets: { accessToken: OFFICIAL_ACCESS } });
    await make('b', { kind: 'claude-console', priority: 10, options: { apiUrl: 'https://c.test' }, secrets: { apiKey: CONSOLE_API_KEY } });
    await make('c', { kind: 'bedrock', priority: 5 });
    await make('d', { kind: 'gemini' });
    await make('e', { kind: 'openai' });
    await make('f', { kind: 'openai-responses', priority: 1 });
    await make('g', { kind: 'azure-openai' });
    groupId = (await createGroup({ name: 'list-group', platform: 'claude' }, list)).id;
    expect((await list('PUT', `/admin/account-groups/${groupId}/members`, { json: { accountIds: [ids.a, ids.b] } })).status).toBe(200);
  });

  const page = async (query: string): Promise<string[]> => {
    const result = await list('GET', `/admin/accounts?${query}`);
    expect(result.status, result.text).toBe(200);
    return result.body.items.map((a: Body) => Object.entries(ids).find(([, id]) => id === a.id)?.[0] ?? a.id);
  };

  it('orders by platform, priority, name; defaults to limit 100, offset 0', async () => {
    const result = await list('GET', '/admin/accounts');
    expect(result.body).toMatchObject({ limit: 100, offset: 0 });
    expect(await page('')).toEqual(['g', 'c', 'a', 'b', 'd', 'f', 'e']);
  });

  it('pages with limit and offset', async () => {
    expect(await page('limit=3&offset=0')).toEqual(['g', 'c', 'a']);
    expect(await page('limit=3&offset=3')).toEqual(['b', 'd', 'f']);
    expect(await page('limit=3&offset=6')).toEqual(['e']);
    expect(await page('limit=3&offset=9')).toEqual([]);
    expect((await list('GET', '/admin/accounts?limit=3&offset=6')).body).toMatchObject({ limit: 3, offset: 6 });
  });

  it('filters by platform, kind and groupId, alone and combined', async () => {
    expect(await page('platform=claude')).toEqual(['c', 'a', 'b']);
    expect(await page('platform=openai')).toEqual(['f', 'e']);
    expect(await page('platform=azure-openai')).toEqual(['g']);
    expect(await page('kind=claude-console')).toEqual(['b']);
    expect(await page('kind=openai-responses')).toEqual(['f']);
    expect(await page(`groupId=${groupId}`)).toEqual(['a', 'b']);
    expect(await page(`groupId=${groupId}&kind=claude-official`)).toEqual(['a']);
    expect(await page('platform=gemini&kind=bedrock')).toEqual([]);
    expect(await page(`groupId=${randomUUID()}`)).toEqual([]);
  });

  it('lists secrets masked only', async () => {
    const result = await list('GET', '/admin/accounts?platform=claude');
    expect(result.body.items.map((a: Body) => a.secrets)).toEqual([{}, { accessToken: MASK }, { apiKey: MASK }]);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=1.5', 'limit'],
    ['offset=-1', 'offset'],
    ['offset=1000001', 'offset'],
    ['platform=aws', 'platform'],
    ['platform=', 'platform'],
    ['platform=claude&platform=gemini', 'platform'],
    ['kind=claude', 'kind'],
    ['groupId=nope', 'groupId'],
    ['colour=blue', 'colour'],
    ['search=x', 'search'],
  ])('400 invalid_input for ?%s (field %s)', async (query, field) => {
    expectError(await list('GET', `/admin/accounts?${query}`), 400, 'invalid_input', field);
  });
});

// /admin/account-groups: create, list, get, patch, members, delete.
describe('/admin/account-groups', () => {
  it('creates a group (201) and gets it', async () => {
    const name = unique('group');
    const result = await send('POST', '/admin/account-groups', { json: { name, platform: 'claude', description: 'claude pool' } });
    expect(result.status).toBe(201);
    const { group } = result.body;
    expect(group).toEqual({
      id: expect.stringMatching(UUID),
      name,
      platform: 'claude',
      description: 'claude pool',
      memberIds: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const got = await send('GET', `/admin/account-groups/${group.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual({ group });
  });

  it('400 without a platform or with a bad one; without a name; for unknown fields', async () => {
    const name = unique('group-refused');
    expectError(await send('POST', '/admin/account-groups', { json: { name } }), 400, 'invalid_input', 'platform');
    expectError(await send('POST', '/admin/account-groups', { json: { name, platform: 'azure-openai' } }), 400, 'invalid_input', 'platform');
    expectError(await send('POST', '/admin/account-groups', { json: { name, platform: 'bedrock' } }), 400, 'invalid_input', 'platform');
    expectError(await send('POST', '/admin/account-groups', { json: { name, platform: 7 } }), 400, 'invalid_input', 'platform');
    expectError(await send('POST', '/admin/account-groups', { json: { platform: 'claude' } }), 400, 'invalid_input', 'name');
    expectError(await send('POST', '/admin/account-groups', { json: { name: ' ', platform: 'claude' } }), 400, 'invalid_input', 'name');
    expectError(await send('POST', '/admin/account-groups', { json: { name: 'a\u0000', platform: 'claude' } }), 400, 'invalid_input', 'name');
    expectError(await send('POST', '/admin/account-groups', { json: { name, platform: 'claude', members: [] } }), 400, 'invalid_input', 'members');
    expectError(await send('POST', '/admin/account-groups', { raw: '{', headers: { 'content-type': 'application/json' } }), 400, 'invalid_json');
    expectError(await send('POST', '/admin/account-groups', { raw: '{}', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type');
    const all = await send('GET', '/admin/account-groups');
    expect(all.body.items.filter((g: Body) => g.name === name)).toEqual([]);
  });

  it('lists groups, filtered by ?platform; 400 for a bad platform or an unknown key', async () => {
    const gemini = await createGroup({ name: unique('gemini-group'), platform: 'gemini' });
    const openai = await createGroup({ name: unique('openai-group'), platform: 'openai' });
    const all = await send('GET', '/admin/account-groups');
    expect(all.status).toBe(200);
    const allIds = all.body.items.map((g: Body) => g.id);
    expect(allIds).toEqual(expect.arrayContaining([gemini.id, openai.id]));
    const onlyGemini = await send('GET', '/admin/account-groups?platform=gemini');
    expect(onlyGemini.body.items.map((g: Body) => g.platform)).toEqual(onlyGemini.body.items.map(() => 'gemini'));
    expect(onlyGemini.body.items.map((g: Body) => g.id)).toContain(gemini.id);
    expect(onlyGemini.body.items.map((g: Body) => g.id)).not.toContain(openai.id);
    expectError(await send('GET', '/admin/account-groups?platform=azure-openai'), 400, 'invalid_input', 'platform');
    expectError(await send('GET', '/admin/account-groups?platform=%00'), 400, 'invalid_input', 'platform');
    expectError(await send('GET', '/admin/account-groups?limit=5'), 400, 'invalid_input', 'limit');
  });

  it('404 account_group_not_found for an unknown id, 400 for a non-UUID', async () => {
    const unknown = randomUUID();
    expectError(await send('GET', `/admin/account-groups/${unknown}`), 404, 'account_group_not_found');
    expectError(await send('PATCH', `/admin/account-groups/${unknown}`, { json: { name: 'x' } }), 404, 'account_group_not_found');
    expectError(await send('PUT', `/admin/account-groups/${unknown}/members`, { json: { accountIds: [] } }), 404, 'account_group_not_found');
    expectError(await send('DELETE', `/admin/account-groups/${unknown}`), 404, 'account_group_not_found');
    expectError(await send('GET', '/admin/account-groups/nope'), 400, 'invalid_input', 'id');
    expectError(await send('PATCH', '/admin/account-groups/nope', { json: { name: 'x' } }), 400, 'invalid_input', 'id');
    expectError(await send('PUT', '/admin/account-groups/nope/members', { json: { accountIds: [] } }), 400, 'invalid_input', 'id');
    expectError(await send('DELETE', '/admin/account-groups/nope'), 400, 'invalid_input', 'id');
  });

  it('patches name and description; 400 naming a bad field', async () => {
    const group = await createGroup({ name: unique('patch-group'), platform: 'gemini' });
    const result = await send('PATCH', `/admin/account-groups/${group.id}`, { json: { name: `${group.name}-2`, description: 'renamed' } });
    expect(result.status).toBe(200);
    expect(result.body.group).toMatchObject({ id: group.id, name: `${group.name}-2`, description: 'renamed', platform: 'gemini' });
    expect((await send('GET', `/admin/account-groups/${group.id}`)).body.group).toEqual(result.body.group);
    // Without members the platform may change.
    expect((await send('PATCH', `/admin/account-groups/${group.id}`, { json: { platform: 'openai' } })).body.group.platform).toBe('openai');

    expectError(await send('PATCH', `/admin/account-groups/${group.id}`, { json: { name: '' } }), 400, 'invalid_input', 'name');
    expectError(await send('PATCH', `/admin/account-groups/${group.id}`, { json: { platform: 'azure-openai' } }), 400, 'invalid_input', 'platform');
    expectError(await send('PATCH', `/admin/account-groups/${group.id}`, { json: { description: 'x'.repeat(2001) } }), 400, 'invalid_input', 'description');
    expectError(await send('PATCH', `/admin/account-groups/${group.id}`, { json: { memberIds: [] } }), 400, 'invalid_input', 'memberIds');
    expectError(await send('PATCH', `/admin/account-groups/${group.id}`, { json: { name: 5 } }), 400, 'invalid_input', 'name');
    expectError(await send('PATCH', `/admin/account-groups/${group.id}`, { raw: 'name=x', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type');
  });

  it('replaces members (same platform only); accounts show their groups; 404 for an unknown account', async () => {
    const group = await createGroup({ name: unique('members'), platform: 'claude' });
    const official = await createAccount(officialAccount());
    const console = await createAccount(consoleAccount());
    const gemini = await createAccount({ kind: 'gemini', name: unique('gemini-member') });
    const path = `/admin/account-groups/${group.id}/members`;

    const set = await send('PUT', path, { json: { accountIds: [official.id, console.id] } });
    expect(set.status).toBe(200);
    expect(set.body.group).toMatchObject({ id: group.id, memberIds: [official.id, console.id].sort() });
    expect((await getAccount(official.id)).groupIds).toEqual([group.id]);

    // Another platform's account: 409, members unchanged.
    expectError(await send('PUT', path, { json: { accountIds: [official.id, gemini.id] } }), 409, 'account_group_platform_mismatch');
    expectError(await send('PUT', path, { json: { accountIds: [randomUUID()] } }), 404, 'account_not_found');
    expect((await send('GET', `/admin/account-groups/${group.id}`)).body.group.memberIds).toEqual([official.id, console.id].sort());
    expect((await getAccount(gemini.id)).groupIds).toEqual([]);

    // The platform is fixed while the group has members.
    expectError(await send('PATCH', `/admin/account-groups/${group.id}`, { json: { platform: 'gemini' } }), 400, 'invalid_input', 'platform');

    // Deleting a member account drops it from the group.
    await send('DELETE', `/admin/accounts/${console.id}`);
    expect((await send('GET', `/admin/account-groups/${group.id}`)).body.group.memberIds).toEqual([official.id]);

    const emptied = await send('PUT', path, { json: { accountIds: [] } });
    expect(emptied.body.group.memberIds).toEqual([]);
    expect((await getAccount(official.id)).groupIds).toEqual([]);
  });

  it('400 for a malformed members body', async () => {
    const group = await createGroup({ name: unique('members-bad'), platform: 'claude' });
    const path = `/admin/account-groups/${group.id}/members`;
    expectError(await send('PUT', path, { json: {} }), 400, 'invalid_input', 'accountIds');
    expectError(await send('PUT', path, { json: { accountIds: ['nope'] } }), 400, 'invalid_input', 'accountIds.0');
    expectError(await send('PUT', path, { json: { accountIds: [null] } }), 400, 'invalid_input', 'accountIds.0');
    expectError(await send('PUT', path, { json: { accountIds: 'all' } }), 400, 'invalid_input', 'accountIds');
    expectError(await send('PUT', path, { json: { accountIds: [], extra: true } }), 400, 'invalid_input', 'extra');
    expectError(await send('PUT', path, { json: [randomUUID()] }), 400, 'invalid_input', 'body');
    expectError(await send('PUT', path, { raw: '[', headers: { 'content-type': 'application/json' } }), 400, 'invalid_json');
  });

  it('deletes a group: 409 account_in_use while a key is bound, unboundKeys 1 with ?unbindKeys=true; its accounts stay', async () => {
    const group = await createGroup({ name: unique('bound-group'), platform: 'claude' });
    const member = await createAccount(officialAccount());
    await send('PUT', `/admin/account-groups/${group.id}/members`, { json: { accountIds: [member.id] } });
    const { apiKey } = await createKeyViaAdmin(served.http, { name: unique('group-key'), claudeAccountId: `group:${group.id}` });

    const refused = await send('DELETE', `/admin/account-groups/${group.id}`);
    expectError(refused, 409, 'account_in_use');
    expect(refused.body.error.message).toContain(apiKey.id);
    expect((await send('GET', `/admin/account-groups/${group.id}`)).status).toBe(200);
    expectError(await send('DELETE', `/admin/account-groups/${group.id}?unbindKeys=maybe`), 400, 'invalid_input', 'unbindKeys');

    const deleted = await send('DELETE', `/admin/account-groups/${group.id}?unbindKeys=true`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ unboundKeys: 1 });
    expectError(await send('GET', `/admin/account-groups/${group.id}`), 404, 'account_group_not_found');
    expect((await send('GET', `/admin/api-keys/${apiKey.id}`)).body.apiKey.claudeAccountId).toBeNull();
    expect(await getAccount(member.id)).toMatchObject({ id: member.id, groupIds: [] });
  });

  it('deletes an unbound group: unboundKeys 0', async () => {
    const group = await createGroup({ name: unique('unbound-group'), platform: 'openai' });
    const result = await send('DELETE', `/admin/account-groups/${group.id}`);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ unboundKeys: 0 });
    expectError(await send('DELETE', `/admin/account-groups/${group.id}`), 404, 'account_group_not_found');
  });
});

describe('key bindings through /admin/api-keys', () => {
  it('take an account id, group:<id> or (OpenAI) responses:<id>, stored lower-case; anything else is 400 naming the field', async () => {
    const account = await createAccount(officialAccount());
    const { apiKey } = await createKeyViaAdmin(served.http, {
      name: unique('binding-forms'),
      claudeAccountId: account.id.toUpperCase(),
      openaiAccountId: `responses:${account.id}`,
      geminiAccountId: '',
    });
    expect([apiKey.claudeAccountId, apiKey.openaiAccountId, apiKey.geminiAccountId]).toEqual([account.id, `responses:${account.id}`, null]);
    for (const [field, value] of [
      ['claudeAccountId', 'not-an-id'],
      ['claudeAccountId', `responses:${account.id}`],
      ['claudeConsoleAccountId', `group:${account.id}`],
      ['bedrockAccountId', account.id.replace(/-/g, '')],
    ] as const) {
      expectError(await send('POST', '/admin/api-keys', { json: { name: unique('bad-binding'), [field]: value } }), 400, 'invalid_input', field);
    }
  });
});

describe('unknown routes', () => {
  it('404 not_found for a method or path the admin API does not have', async () => {
    expectError(await send('PUT', `/admin/accounts/${randomUUID()}`, { json: {} }), 404, 'not_found');
    expectError(await send('POST', `/admin/accounts/${randomUUID()}/unpause`), 404, 'not_found');
    expectError(await send('GET', `/admin/account-groups/${randomUUID()}/members`), 404, 'not_found');
  });
});
