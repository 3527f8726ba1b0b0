// The key document api.authenticate_api_key returns (built in SQL by
// relaypg.authenticated_key) has exactly the fields AuthenticatedKey declares,
// with the same values the admin API shows for the key.
import { describe, expect, it } from 'vitest';
import { AUTHENTICATED_KEY_FIELDS, decodeStoredDecision, encodeStoredDecision, type AuthDecision, type AuthenticatedKey } from '../src/api-keys/auth-decision.js';
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

describe('the stored form of a decision (Redis)', () => {
  // A different value in every field, so that two swapped positions cannot go unnoticed.
  const key = Object.fromEntries(AUTHENTICATED_KEY_FIELDS.map((field, i) => [field, `value-${i}-${field}`])) as unknown as AuthenticatedKey;
  const decision: AuthDecision = { refusal: 'AUMOD', keyId: 'id-1', authVersion: 7, validUntil: 1_900_000_000_000, key };

  it('decodes to the decision it encodes, field by field', () => {
    const stored = decodeStoredDecision(encodeStoredDecision(decision, 1_800_000_000_000));
    expect(stored).toEqual({ decision, expiresAt: 1_800_000_000_000 });
    expect(Object.keys(stored!.decision.key!)).toEqual([...AUTHENTICATED_KEY_FIELDS]);
  });

  it('keeps a decision without a key (an unknown key) as such', () => {
    const unknown: AuthDecision = { refusal: 'AUUNK', keyId: null, authVersion: 0, validUntil: null, key: null };
    expect(decodeStoredDecision(encodeStoredDecision(unknown, 5))).toEqual({ decision: unknown, expiresAt: 5 });
  });

  it('is much smaller than the decision as a JSON object', () => {
    expect(encodeStoredDecision(decision, 1).length).toBeLessThan(JSON.stringify({ d: decision, e: 1 }).length * 0.75);
  });

  it('reads an entry of another format (an older instance) as a miss, and refuses text that is not JSON', () => {
    expect(decodeStoredDecision(JSON.stringify({ d: decision, e: 1 }))).toBeUndefined();
    expect(decodeStoredDecision(JSON.stringify([1, null, 'id-1', 7, null, 1, null]))).toBeUndefined();
    expect(() => decodeStoredDecision('{not json')).toThrow(SyntaxError);
  });
});
