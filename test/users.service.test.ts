// UserService: switching an owner on and off.
import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';
import { outcomeOf, waitFor } from './support/wait.js';

const testApp = useTestApp({ users: [['u-svc-1', 'svc-user']] });

describe('UserService.setActive', () => {
  it("disables and re-enables a user, and their keys follow", async () => {
    const { app } = testApp;
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
    const { app } = testApp;
    expect(await outcomeOf(app.users.setActive('nobody', false))).toBe('USNFD');
  });
});
