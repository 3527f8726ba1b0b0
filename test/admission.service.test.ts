// AdmissionService (src/usage/admission.ts over api.admit_request) against
// real PostgreSQL: each usage limit refuses with its own code once the exact
// figures reach it, concurrency leases end at recording, on release or by
// themselves, parallel admissions never pass a limit together, the account is
// selected in the same call, and a cached decision older than the key is
// replaced instead of trusted.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';
import { appErrorOf } from './support/errors.js';
import { withRootPool } from './support/http.js';

const testApp = useTestApp({ env: { MAINTENANCE_INTERVAL_SECONDS: '0', CONCURRENCY_LEASE_TTL_SECONDS: '60' } });
let accountId: string;

beforeAll(async () => {
  accountId = (await testApp.app.accounts.create({ kind: 'claude-official', name: `admission-${randomUUID().slice(0, 8)}` })).id;
});

async function keyWith(settings: Record<string, unknown>) {
  return testApp.app.apiKeys.create({ name: `admission-${randomUUID().slice(0, 8)}`, ...settings } as never);
}

const admit = (plainKey: string, overrides: { model?: string; requestId?: string } = {}) =>
  testApp.app.admission.admit({ presentedKey: plainKey, userAgent: 'claude-cli/1.0.70 (external, cli)', platform: 'claude', model: 'claude-sonnet-4-20250514', ...overrides });

/** Records a request of the key costing `dollars` (Sonnet 4 input at $3 per million tokens). */
const spend = (keyId: string, requestId: string, dollars: number, model = 'claude-sonnet-4-20250514') =>
  testApp.app.usage.record({ requestId, apiKeyId: keyId, accountId, accountKind: 'claude-official', model, inputTokens: Math.round((dollars / (model.includes('opus') ? 15 : 3)) * 1_000_000) });

describe('admit', () => {
  it('selects the account in the same call; a key without limits takes no lease', async () => {
    const { plainKey, apiKey } = await keyWith({});
    const admission = await admit(plainKey);
    expect(admission.key.id).toBe(apiKey.id);
    expect(admission.selection).toMatchObject({ accountId, accountKind: 'claude-official', upstreamModel: 'claude-sonnet-4-20250514' });
    expect(admission.leaseExpiresAt).toBeNull();
  });

  it('refuses an unknown key before any admission', async () => {
    expect((await appErrorOf(admit(`cr_${'0'.repeat(64)}`))).code).toBe('invalid_api_key');
  });

  it('concurrency: leases up to the limit; recording or release ends one; parallel admissions never exceed it', async () => {
    const { plainKey, apiKey } = await keyWith({ concurrencyLimit: 3 });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => admit(plainKey)));
    const admitted = results.filter((result) => result.status === 'fulfilled').map((result) => (result as PromiseFulfilledResult<Awaited<ReturnType<typeof admit>>>).value);
    expect(admitted).toHaveLength(3);
    for (const result of results.filter((r) => r.status === 'rejected')) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'concurrency_limit_exceeded', status: 429 });
    }
    expect(admitted[0]!.leaseExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 50_000);
    await spend(apiKey.id, admitted[0]!.requestId, 0.01);
    expect(await testApp.app.admission.release(admitted[1]!.requestId)).toBe(true);
    expect(await testApp.app.admission.release(admitted[1]!.requestId)).toBe(false);
    await admit(plainKey);
    await admit(plainKey);
    expect((await appErrorOf(admit(plainKey))).code).toBe('concurrency_limit_exceeded');
    // A holder that died: its lease ends by itself.
    await withRootPool(testApp.database, (pool) => pool.query("update relaypg.concurrency_leases set expires_at = now() - interval '1 second' where api_key_id = $1", [apiKey.id]));
    await admit(plainKey);
  });

  it('rate-limit window: requests, then tokens take precedence over cost; a new window starts when the last one ended', async () => {
    const requests = await keyWith({ rateLimitWindow: 1, rateLimitRequests: 2 });
    await admit(requests.plainKey);
    await admit(requests.plainKey);
    expect(await appErrorOf(admit(requests.plainKey))).toMatchObject({ code: 'rate_limit_requests_exceeded', status: 429 });
    await withRootPool(testApp.database, (pool) => pool.query("update relaypg.api_key_usage set window_ends_at = now() where api_key_id = $1", [requests.apiKey.id]));
    await admit(requests.plainKey);

    const tokens = await keyWith({ rateLimitWindow: 5, tokenLimit: 1000, rateLimitCost: '0.000001' });
    const first = await admit(tokens.plainKey);
    await testApp.app.usage.record({ requestId: first.requestId, apiKeyId: tokens.apiKey.id, model: 'claude-sonnet-4-20250514', inputTokens: 999 });
    await admit(tokens.plainKey); // 999 tokens < 1000: the (exceeded) cost limit is not looked at
    const third = await admit(tokens.plainKey);
    await testApp.app.usage.record({ requestId: third.requestId, apiKeyId: tokens.apiKey.id, model: 'claude-sonnet-4-20250514', inputTokens: 1 });
    expect((await appErrorOf(admit(tokens.plainKey))).code).toBe('rate_limit_tokens_exceeded');

    const cost = await keyWith({ rateLimitWindow: 5, rateLimitCost: '0.01' });
    const paid = await admit(cost.plainKey);
    await spend(cost.apiKey.id, paid.requestId, 0.02);
    expect((await appErrorOf(admit(cost.plainKey))).code).toBe('rate_limit_cost_exceeded');
  });

  it('daily cost limit: refused once today reaches it, with the limit and the figure in the message', async () => {
    const { plainKey, apiKey } = await keyWith({ dailyCostLimit: '1' });
    await spend(apiKey.id, randomUUID(), 0.6);
    await admit(plainKey);
    await spend(apiKey.id, randomUUID(), 0.6);
    const error = await appErrorOf(admit(plainKey));
    expect(error).toMatchObject({ code: 'daily_cost_limit_exceeded', status: 429 });
    expect(error.message).toMatch(/"limit": 1, "current": 1\.2/);
  });

  it('weekly Opus cost limit: only Opus requests are refused', async () => {
    const { plainKey, apiKey } = await keyWith({ weeklyOpusCostLimit: '2' });
    await spend(apiKey.id, randomUUID(), 2.5, 'claude-opus-4-1-20250805');
    expect((await appErrorOf(admit(plainKey, { model: 'claude-opus-4-1-20250805' }))).code).toBe('weekly_opus_cost_limit_exceeded');
    await admit(plainKey, { model: 'claude-sonnet-4-20250514' });
  });

  it('total cost limit: refused once the lifetime cost reaches it; a key update raises it', async () => {
    const { plainKey, apiKey } = await keyWith({ totalCostLimit: '1' });
    expect(apiKey.totalCostLimit).toBe('1');
    await spend(apiKey.id, randomUUID(), 0.9);
    await admit(plainKey);
    await spend(apiKey.id, randomUUID(), 0.3);
    expect(await appErrorOf(admit(plainKey))).toMatchObject({ code: 'total_cost_limit_exceeded', status: 429 });
    expect((await testApp.app.apiKeys.update(apiKey.id, { totalCostLimit: '5' })).totalCostLimit).toBe('5');
    await admit(plainKey);
    expect((await appErrorOf(testApp.app.apiKeys.update(apiKey.id, { totalCostLimit: '-1' }))).field).toBe('total_cost_limit');
  });

  it('a refused admission changes nothing: no lease taken, no window request counted', async () => {
    const { plainKey, apiKey } = await keyWith({ concurrencyLimit: 5, dailyCostLimit: '0.5', rateLimitWindow: 5, rateLimitRequests: 100 });
    await spend(apiKey.id, randomUUID(), 0.6);
    expect((await appErrorOf(admit(plainKey))).code).toBe('daily_cost_limit_exceeded');
    const state = await withRootPool(testApp.database, (pool) =>
      pool.query<{ leases: string; window_requests: string }>(
        `select (select count(*) from relaypg.concurrency_leases where api_key_id = $1) as leases,
                (select window_requests from relaypg.api_key_usage where api_key_id = $1) as window_requests`,
        [apiKey.id],
      ),
    );
    expect(state.rows[0]).toEqual({ leases: '0', window_requests: '0' });
  });

  it('a decision cached before the key changed is dropped and taken again, not trusted', async () => {
    const { plainKey, apiKey } = await keyWith({});
    await admit(plainKey); // the decision is now cached
    // A change the service did not make (no read-your-writes here): the key is disabled in SQL.
    await withRootPool(testApp.database, (pool) => pool.query('update relaypg.api_keys set is_active = false where id = $1', [apiKey.id]));
    expect((await appErrorOf(admit(plainKey))).code).toBe('api_key_disabled');
  });
});
