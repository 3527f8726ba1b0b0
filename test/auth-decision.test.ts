// The key document api.authenticate_api_key returns (built in SQL by
// relaypg.authenticated_key) has exactly the fields AuthenticatedKey declares,
// with the same values the admin API shows for the key.
import { describe, expect, it } from 'vitest';
import { AUTHENTICATED_KEY_FIELDS } from '../src/api-keys/auth-decision.js';
import { useTestApp } from './support/app.js';

const testApp = useTestApp({ users: [['u-doc', 'doc-owner']] });

describe('the authenticated key document', () => {
  it('matches the declared type and the admin view field by field', async () => {
    const { app } = testApp;
    const { apiKey, plainKey } = await app.apiKeys.create({
      name: 'doc',
      description: 'contract',
      permissions: 'claude',
      tokenLimit: 123456,
      concurrencyLimit: 3,
      rateLimitWindow: 10,
      rateLimitRequests: 20,
      rateLimitCost: '0.6',
      dailyCostLimit: 8.5,
      weeklyOpusCostLimit: '25',
      claudeAccountId: 'group:g1',
      enableModelRestriction: true,
      restrictedModels: ['claude-opus-4-20250514'],
      enableClientRestriction: true,
      allowedClients: ['claude_code'],
      tags: ['x', 'y'],
      expiresAt: '2031-02-03T04:05:06.789Z',
      userId: 'u-doc',
    });
    const key = await app.apiKeys.authenticate(plainKey, { platform: 'claude', model: 'claude-sonnet-4', userAgent: 'claude-cli/2.0.1 (external, cli)' });
    expect(Object.keys(key).sort()).toEqual([...AUTHENTICATED_KEY_FIELDS].sort());
    for (const field of AUTHENTICATED_KEY_FIELDS) expect(key[field], field).toEqual(apiKey[field]);
    expect(key.expiresAt).toBe('2031-02-03T04:05:06.789Z');
    expect(key.dailyCostLimit).toBe('8.5');
  });
});
