// UsageService (src/usage/usage.ts over api.record_usage and the statistics
// functions) against real PostgreSQL: recording is idempotent on the request
// id (retries, batches, two connections at once), priced in SQL, counted in
// the key's ledger at once and in the rollups after a roll-up; bad events are
// refused with the field named, before anything is written.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { UsageService, type UsageEvent } from '../src/usage/usage.js';
import { startApp, useTestApp } from './support/app.js';
import { appErrorOf } from './support/errors.js';
import { withRootPool } from './support/http.js';

// No maintenance timer: roll-ups happen only when a test asks.
const testApp = useTestApp({ env: { MAINTENANCE_INTERVAL_SECONDS: '0', TIME_ZONE: 'Asia/Shanghai' } });

function event(overrides: Partial<UsageEvent> = {}): UsageEvent {
  return {
    requestId: `req-${randomUUID()}`,
    apiKeyId: randomUUID(),
    accountId: randomUUID(),
    accountKind: 'claude-official',
    model: 'claude-sonnet-4-20250514',
    inputTokens: 1_000,
    outputTokens: 2_000,
    cacheCreationTokens: 0,
    cacheReadTokens: 0,
    stream: true,
    ...overrides,
  };
}

const ledgerRequests = (keyId: string) =>
  withRootPool(testApp.database, async (pool) => {
    const { rows } = await pool.query<{ requests: string | null; days: string }>(
      `select (select requests from relaypg.api_key_usage where api_key_id = $1) as requests,
              (select coalesce(sum(requests), 0) from relaypg.api_key_daily_usage where api_key_id = $1) as days`,
      [keyId],
    );
    return rows[0]!;
  });

describe('record', () => {
  it('prices the request in SQL and counts it in the key ledger at once', async () => {
    const { usage } = testApp.app;
    const keyId = randomUUID();
    const result = await usage.record(
      event({ apiKeyId: keyId, inputTokens: 1_000_000, outputTokens: 1_000_000, cacheCreationTokens: 1_000_000, cacheSplit: { fiveMinutes: 0, oneHour: 1_000_000 } }),
    );
    // Sonnet 4: $3 input, $15 output, 1-hour cache writes at CRS's $6 per million.
    expect(result.recorded).toBe(true);
    expect(Number(result.cost)).toBe(24);
    const figures = await usage.keyUsage(keyId);
    expect(figures.total).toMatchObject({ requests: '1', inputTokens: '1000000', cacheCreate1hTokens: '1000000', allTokens: '3000000' });
    expect(Number(figures.today.cost)).toBe(24);
    expect(Number(figures.total.opusCost)).toBe(0);
  });

  it('a retried request id is a no-op: nothing is counted twice', async () => {
    const { usage } = testApp.app;
    const first = event();
    expect((await usage.record(first)).recorded).toBe(true);
    const retry = await usage.record({ ...first, inputTokens: 999_999 });
    expect(retry).toMatchObject({ requestId: first.requestId, recorded: false, cost: null });
    expect(await ledgerRequests(first.apiKeyId)).toEqual({ requests: '1', days: '1' });
    expect((await usage.keyUsage(first.apiKeyId)).total.inputTokens).toBe('1000');
  });

  it('the same request id recorded from two connections at once counts once', async () => {
    const keyId = randomUUID();
    const shared = event({ apiKeyId: keyId });
    const pools = [new pg.Pool({ connectionString: testApp.database.appUrl, max: 1 }), new pg.Pool({ connectionString: testApp.database.appUrl, max: 1 })];
    try {
      for (let round = 0; round < 5; round++) {
        const same = { ...shared, requestId: `${shared.requestId}-${round}` };
        const results = await Promise.all(pools.map((pool) => new UsageService(pool).record(same)));
        expect(results.map((result) => result.recorded).sort()).toEqual([false, true]);
      }
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
    expect(await ledgerRequests(keyId)).toEqual({ requests: '5', days: '5' });
  });

  it('Opus served by a Claude account counts toward the weekly Opus cost; on Bedrock it does not', async () => {
    const { usage } = testApp.app;
    const keyId = randomUUID();
    await usage.record(event({ apiKeyId: keyId, model: 'claude-opus-4-1-20250805', inputTokens: 1_000_000, outputTokens: 0, stream: false, costPath: 'plain' }));
    await usage.record(event({ apiKeyId: keyId, model: 'claude-opus-4-1-20250805', accountKind: 'bedrock', inputTokens: 1_000_000, outputTokens: 0 }));
    const figures = await usage.keyUsage(keyId);
    expect([Number(figures.week.cost), Number(figures.week.opusCost)]).toEqual([30, 15]);
  });

  it('keeps the day of the usage time zone: 17:00 UTC is the next day in Asia/Shanghai', async () => {
    const { usage } = testApp.app;
    const keyId = randomUUID();
    await usage.record(event({ apiKeyId: keyId, occurredAt: new Date('2025-09-15T17:00:00Z') }));
    const days = await withRootPool(testApp.database, (pool) =>
      pool.query<{ day: string }>("select to_char(day, 'YYYY-MM-DD') as day from relaypg.api_key_daily_usage where api_key_id = $1", [keyId]),
    );
    expect(days.rows).toEqual([{ day: '2025-09-16' }]);
    expect((await usage.keyUsage(keyId, new Date('2025-09-16T04:00:00Z'))).today.requests).toBe('1');
    expect((await usage.keyUsage(keyId, new Date('2025-09-15T04:00:00Z'))).today.requests).toBe('0');
  });
});

describe('recordBatch', () => {
  it('records many events in one call, one result per request id in input order, duplicates counted once', async () => {
    const { usage } = testApp.app;
    const keyId = randomUUID();
    const events = Array.from({ length: 300 }, (_, i) => event({ apiKeyId: keyId, requestId: `batch-${keyId}-${i}`, inputTokens: i }));
    const results = await usage.recordBatch([...events, events[7]!]);
    expect(results.map((result) => result.requestId)).toEqual(events.map((e) => e.requestId));
    expect(results.every((result) => result.recorded)).toBe(true);
    const again = await usage.recordBatch(events.slice(0, 10));
    expect(again.every((result) => !result.recorded)).toBe(true);
    const total = (await usage.keyUsage(keyId)).total;
    expect(total.requests).toBe('300');
    expect(total.inputTokens).toBe(String((299 * 300) / 2));
  });

  it('an empty batch costs no round trip; more than 5000 events are refused', async () => {
    const { usage } = testApp.app;
    expect(await usage.recordBatch([])).toEqual([]);
    const error = await appErrorOf(usage.recordBatch(Array.from({ length: 5001 }, () => event())));
    expect(error).toMatchObject({ status: 400, field: 'events' });
  });

  it('a malformed event is refused with its field named, and nothing of the batch is written', async () => {
    const { usage } = testApp.app;
    const keyId = randomUUID();
    const cases: [Partial<UsageEvent> & Record<string, unknown>, string][] = [
      [{ requestId: '' }, 'events[1].requestId'],
      [{ apiKeyId: 'not-a-uuid' }, 'events[1].apiKeyId'],
      [{ inputTokens: -1 }, 'events[1].inputTokens'],
      [{ outputTokens: 1.5 }, 'events[1].outputTokens'],
      [{ accountKind: 'mainframe' as never }, 'events[1].accountKind'],
      [{ costPath: 'cheap' as never }, 'events[1].costPath'],
      [{ surprise: true }, 'events[1]'],
    ];
    for (const [overrides, field] of cases) {
      const error = await appErrorOf(usage.recordBatch([event({ apiKeyId: keyId }), { ...event({ apiKeyId: keyId }), ...overrides } as UsageEvent]));
      expect(error.status, field).toBe(400);
      expect(error.field ?? '', field).toContain(field);
    }
    expect(await ledgerRequests(keyId)).toEqual({ requests: null, days: '0' });
  });
});

describe('statistics', () => {
  it('rollups count what was recorded once rolled up, by account and for the whole service', async () => {
    const { usage } = testApp.app;
    const accountId = randomUUID();
    const at = new Date();
    await usage.recordBatch([
      event({ accountId, model: 'claude-sonnet-4-20250514', inputTokens: 10, outputTokens: 20, cacheReadTokens: 30 }),
      event({ accountId, model: 'us.anthropic.claude-sonnet-4-20250514-v1:0', accountKind: 'bedrock', inputTokens: 1, outputTokens: 2, costPath: 'plain' }),
    ]);
    expect((await usage.totals('account', accountId, at)).total.requests).toBe('0');
    expect((await usage.rollUp()).ran).toBe(true);
    const totals = await usage.totals('account', accountId, at);
    expect(totals.today).toMatchObject({ requests: '2', inputTokens: '11', outputTokens: '22', cacheReadTokens: '30', allTokens: '63' });
    expect(totals.total.requests).toBe('2');
    // CRS's statistics name: the Bedrock id is counted as claude-sonnet-4-20250514.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
    const rows = await usage.byModel('account', accountId, 'day', today, today);
    expect(rows.map((row) => [row.model, row.requests])).toEqual([['claude-sonnet-4-20250514', '2']]);
    expect((await usage.rollUp()).events).toBe(0);
    const all = await usage.totals('all', '', at);
    expect(Number(all.today.requests)).toBeGreaterThanOrEqual(2);
  });

  it('recent usage counts the last minutes from the events, with per-minute rates', async () => {
    const { usage } = testApp.app;
    const at = new Date('2001-06-01T12:00:00Z'); // a quiet instant: nothing else was recorded around it
    await usage.recordBatch([
      event({ occurredAt: new Date(at.getTime() - 60_000), inputTokens: 100, outputTokens: 50 }),
      event({ occurredAt: new Date(at.getTime() - 6 * 60_000), inputTokens: 1_000 }),
    ]);
    const recent = await usage.recent(5, at);
    expect(recent).toMatchObject({ minutes: 5, requests: '1', allTokens: '150', requestsPerMinute: '0.20', tokensPerMinute: '30.00' });
    expect((await appErrorOf(usage.recent(0, at))).status).toBe(400);
  });

  it('refuses an unknown scope, grain or time zone with a 400', async () => {
    const { usage } = testApp.app;
    expect((await appErrorOf(usage.totals('team' as never, 'x'))).field).toBe('scope');
    expect((await appErrorOf(usage.byModel('all', '', 'week' as never, '2025-01-01', '2025-01-02'))).field).toBe('grain');
    expect((await appErrorOf(usage.byModel('all', '', 'day', '2025-01-02', '2025-01-01'))).field).toBe('range');
    expect((await appErrorOf(usage.setTimeZone('Mars/Olympus'))).field).toBe('time_zone');
  });

  it('the service sets the usage time zone from TIME_ZONE at start-up', async () => {
    expect(await testApp.app.usage.setTimeZone('UTC')).toBe('Asia/Shanghai');
    const another = await startApp(testApp.database, { MAINTENANCE_INTERVAL_SECONDS: '0', TIME_ZONE: 'Asia/Shanghai' });
    try {
      expect(await testApp.app.usage.setTimeZone('Asia/Shanghai')).toBe('Asia/Shanghai');
    } finally {
      await another.close();
    }
  });

  it('a roll-up while another holds the roll-up lock does nothing (ran: false) and counts nothing', async () => {
    await withRootPool(testApp.database, async (pool) => {
      const holder = await pool.connect();
      try {
        await holder.query('begin');
        await holder.query("select pg_advisory_xact_lock(hashtext('relaypg.roll_up_usage'))");
        expect(await testApp.app.usage.rollUp()).toEqual({ ran: false, events: 0 });
        await holder.query('commit');
      } finally {
        holder.release();
      }
    });
  });
});

describe('partitions', () => {
  it('lists every partitioned usage table with its policy; retention can be changed and is validated', async () => {
    const { usage } = testApp.app;
    const policies = await usage.partitionPolicies();
    expect(policies.map((policy) => policy.tableName)).toEqual(['usage_events', 'usage_rollups_daily', 'usage_rollups_hourly', 'usage_rollups_monthly']);
    expect(policies.find((policy) => policy.tableName === 'usage_events')).toMatchObject({ step: 'month', retention: '90 days' });
    await usage.setRetention('usage_events', '120 days');
    expect((await usage.partitionPolicies()).find((policy) => policy.tableName === 'usage_events')?.retention).toBe('120 days');
    expect((await appErrorOf(usage.setRetention('users', '1 day'))).field).toBe('table');
    await usage.setRetention('usage_events', '90 days');
  });
});
