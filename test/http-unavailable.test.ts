// When PostgreSQL goes away under a running service, requests get a 503 JSON
// error (retryable), never a 500 or a stack trace.
import { describe, expect, it } from 'vitest';
import { createKeyViaAdmin, expectError, serveApp } from './support/http.js';

const served = serveApp({ env: { AUTH_CACHE_L1_TTL_MS: '0', AUTH_CACHE_REDIS_TTL_SECONDS: '0' } });

describe('PostgreSQL unavailable', () => {
  it('answers 503 service_unavailable on the key and admin routes, and health reports down', async () => {
    const { plainKey } = await createKeyViaAdmin(served.http, { name: 'before-outage' });
    await served.database.drop(); // terminates the service's connections too

    // Every response is checked for a stack trace or source location by the client.
    const key = await served.http.send('GET', '/api/v1/key', { token: null, headers: { 'x-api-key': plainKey } });
    expectError(key, 503, 'service_unavailable');
    expect(JSON.stringify(key.body)).not.toMatch(/at .*\.(ts|js):\d+/);

    const list = await served.http.send('GET', '/admin/api-keys');
    expect(list.status).toBe(503);

    const health = await served.http.send('GET', '/health', { token: null });
    expect(health.status).toBe(503);
    expect(health.body.status).toBe('down');
  });
});
