// UsageRecorder (src/usage/usage-recorder.ts) against real PostgreSQL: one
// record() per request, concurrent requests committed in shared
// api.record_usage calls; bounded; retried with backoff while PostgreSQL is
// unreachable (a pool on a port nothing listens on: a real refused
// connection); never drops an event silently (each refusal is rejected to its
// caller, counted and logged); flushed on size, on time and on close.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pg from 'pg';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { UsageRecorder, UsageRecorderMetrics, type SendUsage, type UsageRecorderOptions } from '../src/usage/usage-recorder.js';
import { UsageService, type UsageEvent } from '../src/usage/usage.js';
import { useTestApp } from './support/app.js';
import { appErrorOf, shapeOf } from './support/errors.js';
import { withRootPool } from './support/http.js';

const testApp = useTestApp({ env: { MAINTENANCE_INTERVAL_SECONDS: '0' } });

function event(overrides: Partial<UsageEvent> = {}): UsageEvent {
  return {
    requestId: `rec-${randomUUID()}`,
    apiKeyId: randomUUID(),
    accountKind: 'claude-official',
    model: 'claude-sonnet-4-20250514',
    inputTokens: 100,
    outputTokens: 200,
    ...overrides,
  };
}

/** A recorder on the app's database, counting its calls; log lines kept. */
function recorderWith(options: Partial<UsageRecorderOptions> = {}, send?: SendUsage) {
  const registry = new Registry();
  const lines: { msg: string; reason?: string; events?: number }[] = [];
  const log = pino(
    { level: 'warn' },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  const calls: number[] = [];
  const usage = testApp.app.usage;
  const sendBatch: SendUsage = async (events) => {
    calls.push(events.length);
    return (send ?? ((batch) => usage.send(batch)))(events);
  };
  const recorder = new UsageRecorder(
    sendBatch,
    { maxBatch: 256, lingerMs: 0, concurrency: 2, maxBuffered: 10_000, retryForMs: 5_000, retryDelayMs: 20, maxRetryDelayMs: 100, ...options },
    new UsageRecorderMetrics(registry),
    log,
  );
  const metric = async (name: string, labels: Record<string, string> = {}) => {
    const values = (await registry.getSingleMetric(name)!.get()).values;
    return values.filter((value) => Object.entries(labels).every(([k, v]) => value.labels[k] === v)).reduce((sum, value) => sum + value.value, 0);
  };
  return { recorder, calls, lines, metric };
}

/** A UsageService whose pool connects to a port nothing listens on (ECONNREFUSED). */
function unreachableUsage(): { usage: UsageService; end: () => Promise<void> } {
  const pool = new pg.Pool({ host: '127.0.0.1', port: 1, user: 'nobody', database: 'nothing', connectionTimeoutMillis: 500, max: 2 });
  pool.on('error', () => {});
  return { usage: new UsageService(pool), end: () => pool.end() };
}

const storedEvents = (requestIds: string[]) =>
  withRootPool(testApp.database, async (pool) => {
    const { rows } = await pool.query<{ n: string }>('select count(*) as n from relaypg.usage_events where request_id = any($1)', [requestIds]);
    return Number(rows[0]!.n);
  });

describe('UsageRecorder', () => {
  it('commits concurrent requests in shared calls, each resolved with its own result', async () => {
    const { recorder, calls, metric } = recorderWith();
    const events = Array.from({ length: 300 }, () => event());
    const results = await Promise.all(events.map((e) => recorder.record(e)));
    expect(results.map((r) => r.requestId)).toEqual(events.map((e) => e.requestId));
    expect(results.every((r) => r.recorded && Number(r.cost) > 0)).toBe(true);
    expect(await storedEvents(events.map((e) => e.requestId))).toBe(300);
    // 300 requests of one tick: batches of at most 256, far fewer calls than requests.
    expect(calls.reduce((a, b) => a + b, 0)).toBe(300);
    expect(Math.max(...calls)).toBeLessThanOrEqual(256);
    expect(calls.length).toBeLessThanOrEqual(3);
    expect(await metric('relaypg_usage_events_recorded_total', { outcome: 'recorded' })).toBe(300);
    expect(recorder.pending).toBe(0);
    await recorder.close();
  });

  it('a request id sent twice in one batch counts once: the second caller gets recorded = false', async () => {
    const { recorder, metric } = recorderWith();
    const first = event();
    const [a, b] = await Promise.all([recorder.record(first), recorder.record({ ...first })]);
    expect([a.recorded, b.recorded, b.cost]).toEqual([true, false, null]);
    expect(await storedEvents([first.requestId])).toBe(1);
    expect(await metric('relaypg_usage_events_recorded_total', { outcome: 'duplicate' })).toBe(1);
    // A later retry of the same request is a no-op too.
    expect((await recorder.record({ ...first })).recorded).toBe(false);
    await recorder.close();
  });

  it('refuses a malformed event at once, naming the field, and sends nothing for it', async () => {
    const { recorder, calls } = recorderWith();
    const error = await appErrorOf(recorder.record(event({ inputTokens: -1 })));
    expect(shapeOf(error)).toEqual({ code: 'bad_request', status: 400, field: 'inputTokens' });
    expect(calls).toEqual([]);
    await recorder.close();
  });

  it('an event the database refuses fails alone; the others of its batch are recorded', async () => {
    const { recorder, metric, lines } = recorderWith();
    const good = Array.from({ length: 5 }, () => event());
    // Valid in shape, but more than 5 minutes ahead of the database's clock.
    const ahead = event({ occurredAt: new Date(Date.now() + 3_600_000) });
    const outcomes = await Promise.allSettled([...good, ahead].map((e) => recorder.record(e)));
    expect(outcomes.slice(0, 5).every((o) => o.status === 'fulfilled' && o.value.recorded)).toBe(true);
    const refused = outcomes[5]!;
    expect(refused.status).toBe('rejected');
    expect(shapeOf((refused as PromiseRejectedResult).reason)).toMatchObject({ code: 'invalid_input', field: 'events[0].occurredAt' });
    expect(await storedEvents([...good, ahead].map((e) => e.requestId))).toBe(5);
    expect(await metric('relaypg_usage_events_not_recorded_total', { reason: 'refused' })).toBe(1);
    expect(lines.some((line) => line.reason === 'refused')).toBe(true);
    await recorder.close();
  });

  it('retries with backoff while PostgreSQL is unreachable, then records the batch once', async () => {
    const down = unreachableUsage();
    let attempts = 0;
    const { recorder, metric, lines } = recorderWith({}, (events) => (++attempts <= 2 ? down.usage.send(events) : testApp.app.usage.send(events)));
    const events = Array.from({ length: 3 }, () => event());
    const results = await Promise.all(events.map((e) => recorder.record(e)));
    expect(results.every((r) => r.recorded)).toBe(true);
    expect(attempts).toBe(3);
    expect(await metric('relaypg_usage_flush_retries_total')).toBe(2);
    expect(await storedEvents(events.map((e) => e.requestId))).toBe(3);
    expect(lines.filter((line) => line.msg.includes('retrying'))).toHaveLength(2);
    await recorder.close();
    await down.end();
  });

  it('gives up after USAGE_RETRY_FOR_MS: every event of the batch is rejected, counted and logged', async () => {
    const down = unreachableUsage();
    const { recorder, metric, lines } = recorderWith({ retryForMs: 200 }, (events) => down.usage.send(events));
    const outcomes = await Promise.allSettled([event(), event()].map((e) => recorder.record(e)));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(shapeOf((outcomes[0] as PromiseRejectedResult).reason)).toMatchObject({ code: 'service_unavailable', status: 503 });
    expect(await metric('relaypg_usage_events_not_recorded_total', { reason: 'unavailable' })).toBe(2);
    expect(lines.find((line) => line.reason === 'unavailable')).toMatchObject({ events: 2 });
    await recorder.close();
    await down.end();
  });

  it('is bounded: beyond USAGE_BUFFER_MAX_EVENTS waiting or in flight, record() refuses at once', async () => {
    const down = unreachableUsage();
    let healthy = false;
    const { recorder, metric } = recorderWith({ maxBuffered: 4, concurrency: 1 }, (events) =>
      healthy ? testApp.app.usage.send(events) : down.usage.send(events),
    );
    const held = Array.from({ length: 4 }, () => recorder.record(event()));
    const error = await appErrorOf(recorder.record(event()));
    expect(shapeOf(error)).toMatchObject({ code: 'service_unavailable', status: 503 });
    expect(error.message).toMatch(/buffer full/);
    expect(await metric('relaypg_usage_events_not_recorded_total', { reason: 'buffer_full' })).toBe(1);
    // The held events are not lost: once PostgreSQL answers they are recorded.
    healthy = true;
    expect((await Promise.all(held)).every((r) => r.recorded)).toBe(true);
    await recorder.close();
    await down.end();
  });

  it('flushes on size at once, and on time after USAGE_FLUSH_LINGER_MS', async () => {
    const { recorder, calls } = recorderWith({ maxBatch: 4, lingerMs: 300 });
    const startedAt = Date.now();
    await Promise.all(Array.from({ length: 4 }, () => recorder.record(event())));
    expect(Date.now() - startedAt).toBeLessThan(300);
    expect(calls).toEqual([4]);
    const lingerStart = Date.now();
    await Promise.all(Array.from({ length: 2 }, () => recorder.record(event())));
    expect(Date.now() - lingerStart).toBeGreaterThanOrEqual(290);
    expect(calls).toEqual([4, 2]);
    await recorder.close();
  });

  it('close() sends what is buffered, waits for it, then refuses new events', async () => {
    const { recorder, metric } = recorderWith({ lingerMs: 10_000 });
    const events = Array.from({ length: 20 }, () => event());
    const pending = events.map((e) => recorder.record(e));
    await recorder.close();
    expect((await Promise.all(pending)).every((r) => r.recorded)).toBe(true);
    expect(await storedEvents(events.map((e) => e.requestId))).toBe(20);
    const error = await appErrorOf(recorder.record(event()));
    expect(error.message).toMatch(/shutting down/);
    expect(await metric('relaypg_usage_events_not_recorded_total', { reason: 'shutdown' })).toBe(1);
  });

  it('the app builds one from its configuration and closes it with the app', async () => {
    const { usageRecorder } = testApp.app;
    const result = await usageRecorder.record(event());
    expect(result.recorded).toBe(true);
    const text = await testApp.app.metrics.metrics();
    expect(text).toMatch(/relaypg_usage_events_recorded_total\{outcome="recorded"\} [1-9]/);
  });
});
