// When PostgreSQL goes away under a running service, requests get a 503 JSON
// error (retryable), never a 500 or a stack trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { TEST_ADMIN_TOKEN, startApp } from './support/app.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

let database: TestDatabase;
let app: App;
let base: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp(database, { AUTH_CACHE_L1_TTL_MS: '0', AUTH_CACHE_REDIS_TTL_SECONDS: '0' });
  await app.server.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.server.address() as { port: number };
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('PostgreSQL unavailable', () => {
  it('answers 503 service_unavailable on the key and admin routes, and health reports down', async () => {
    const created = await fetch(`${base}/admin/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'before-outage' }),
    });
    const { plainKey } = (await created.json()) as { plainKey: string };
    await database.drop(); // terminates the service's connections too

    const key = await fetch(`${base}/api/v1/key`, { headers: { 'x-api-key': plainKey } });
    expect(key.status).toBe(503);
    const body = (await key.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('service_unavailable');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);

    const list = await fetch(`${base}/admin/api-keys`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(list.status).toBe(503);

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { status: string }).status).toBe('down');
  });
});
