// Statistics over HTTP (src/http/admin-usage.ts): the key holder's own usage
// (authenticated like relay requests) and the admin views of keys, accounts,
// the dashboard and trends, over a real listening server; bad queries are 400s.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeyViaAdmin, expectError, serveApp } from './support/http.js';

const served = serveApp({ env: { MAINTENANCE_INTERVAL_SECONDS: '0' } });
const { send } = served.http;

async function recordFor(keyId: string, accountId: string, requests: number) {
  await served.app.usage.recordBatch(
    Array.from({ length: requests }, (_, i) => ({
      requestId: `http-${keyId}-${i}`,
      apiKeyId: keyId,
      accountId,
      accountKind: 'claude-official' as const,
      model: 'claude-sonnet-4-20250514',
      inputTokens: 1_000_000,
      outputTokens: 0,
    })),
  );
}

describe('GET /api/v1/key/usage', () => {
  it("shows the key holder their own key's figures, exact at once", async () => {
    const { apiKey, plainKey } = await createKeyViaAdmin(served.http, { name: `usage-${randomUUID().slice(0, 8)}` });
    await recordFor(apiKey.id, randomUUID(), 2);
    const result = await send('GET', '/api/v1/key/usage', { token: null, headers: { 'x-api-key': plainKey } });
    expect(result.status).toBe(200);
    expect(result.body.keyId).toBe(apiKey.id);
    expect(result.body.usage.today).toMatchObject({ requests: '2', inputTokens: '2000000' });
    expect(Number(result.body.usage.total.cost)).toBe(6);
  });

  it('refuses a missing or unknown key like any relay request', async () => {
    expectError(await send('GET', '/api/v1/key/usage', { token: null }), 401, 'missing_api_key');
    expectError(await send('GET', '/api/v1/key/usage', { token: null, headers: { 'x-api-key': `cr_${'0'.repeat(64)}` } }), 401, 'invalid_api_key');
  });
});

describe('/admin/usage', () => {
  it('a key, an account, the dashboard and a trend, after a roll-up', async () => {
    const keyId = randomUUID();
    const accountId = randomUUID();
    await recordFor(keyId, accountId, 3);
    await served.app.usage.rollUp();
    const key = await send('GET', `/admin/usage/keys/${keyId}`);
    expect(key.status).toBe(200);
    expect(key.body.usage.total.requests).toBe('3');
    const account = await send('GET', `/admin/usage/accounts/${accountId}`);
    expect(account.body.usage.today).toMatchObject({ requests: '3', allTokens: '3000000' });
    const dashboard = await send('GET', '/admin/usage/dashboard');
    expect(Number(dashboard.body.usage.today.requests)).toBeGreaterThanOrEqual(3);
    expect(Number(dashboard.body.recent.requests)).toBeGreaterThanOrEqual(3);
    expect(dashboard.body.averages.days).toBeGreaterThanOrEqual(1);
    expect(Number(dashboard.body.apiKeys.total)).toBeGreaterThanOrEqual(1);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const trend = await send('GET', `/admin/usage/trend?scope=account&id=${accountId}&grain=hour&from=${today}&to=${today}`);
    expect(trend.status).toBe(200);
    expect(trend.body.items.map((item: { model: string; requests: string }) => [item.model, item.requests])).toEqual([['claude-sonnet-4-20250514', '3']]);
  });

  it('needs the admin token', async () => {
    expectError(await send('GET', '/admin/usage/dashboard', { token: null }), 401, 'unauthorized');
  });

  it('bad parameters are 400s naming the field, never 500s', async () => {
    expectError(await send('GET', '/admin/usage/keys/not-a-uuid'), 400, 'invalid_input', 'id');
    expectError(await send('GET', '/admin/usage/keys/00000000-0000-0000-0000-000000000000?at=yesterday'), 400, 'invalid_input', 'at');
    expectError(await send('GET', '/admin/usage/trend?from=2025-01-01&to=2025-13-01'), 400, 'invalid_input', 'to');
    expectError(await send('GET', '/admin/usage/trend?grain=week&from=2025-01-01&to=2025-01-02'), 400, 'invalid_input', 'grain');
    expectError(await send('GET', '/admin/usage/trend?scope=key&from=2025-01-01&to=2025-01-02'), 400, 'invalid_input', 'id');
    expectError(await send('GET', '/admin/usage/trend?from=2025-01-02&to=2025-01-01'), 400, 'invalid_input', 'range');
    expectError(await send('GET', '/admin/usage/recent?minutes=0'), 400, 'invalid_input', 'minutes');
  });
});
