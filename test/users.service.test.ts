// UserService: switching an owner on and off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { startApp } from './support/app.js';
import { createTestDatabase, rootPool, type TestDatabase } from './support/database.js';
import { outcomeOf, waitFor } from './support/wait.js';

let database: TestDatabase;
let app: App;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp(database);
  const root = rootPool(database);
  await root.query("insert into relaypg.users (id, username) values ('u-svc-1', 'svc-user')");
  await root.end();
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('UserService.setActive', () => {
  it("disables and re-enables a user, and their keys follow", async () => {
    const { plainKey } = await app.apiKeys.create({ name: 'users-owned', userId: 'u-svc-1' });
    const context = { platform: null, model: null, userAgent: null };
    expect(await app.users.setActive('u-svc-1', false)).toBe(false);
    expect(await app.users.setActive('u-svc-1', false)).toBe(false); // idempotent
    // The user's keys are invalidated by NOTIFY (the service does not know which keys they own).
    await waitFor(async () => (await outcomeOf(app.apiKeys.authenticate(plainKey, context))) === 'AUOWN', 1_000, 'AUOWN');
    expect(await app.users.setActive('u-svc-1', true)).toBe(true);
    await waitFor(async () => (await outcomeOf(app.apiKeys.authenticate(plainKey, context))) === 'accepted', 1_000, 'acceptance');
  });

  it('reports an unknown user as user_not_found', async () => {
    expect(await outcomeOf(app.users.setActive('nobody', false))).toBe('USNFD');
  });
});
