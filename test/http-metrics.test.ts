// GET /metrics over a real listening server: Prometheus text for the admin
// token only (traffic figures are not public), with the usage recorder's
// counters and Node's process metrics.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectError, serveApp } from './support/http.js';

const served = serveApp();

describe('GET /metrics', () => {
  it('refuses a caller without the admin token', async () => {
    expectError(await served.http.send('GET', '/metrics', { token: null }), 401, 'unauthorized');
    expectError(await served.http.send('GET', '/metrics', { token: 'not-the-admin-token-0123456789abcdef' }), 401, 'unauthorized');
  });

  it('serves the recorder counters and process metrics in the Prometheus text format', async () => {
    await served.app.usageRecorder.record({ requestId: `m-${randomUUID()}`, apiKeyId: randomUUID(), model: 'claude-sonnet-4-20250514', inputTokens: 1 });
    const result = await served.http.send('GET', '/metrics');
    expect(result.status).toBe(200);
    expect(result.contentType).toMatch(/^text\/plain/);
    expect(result.text).toMatch(/^relaypg_usage_events_recorded_total\{outcome="recorded"\} 1$/m);
    expect(result.text).toMatch(/^# TYPE relaypg_usage_events_not_recorded_total counter$/m);
    expect(result.text).toMatch(/^relaypg_process_cpu_user_seconds_total /m);
  });
});
