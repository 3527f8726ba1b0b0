// The in-process cache's entry keys: one per digest and request context, and
// a remembered digest keeps the key of its last context (the hot path reuses
// that string instead of building and hashing a new one per request).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuthCache } from '../src/api-keys/auth-cache.js';
import { createLogger } from '../src/logger.js';

const cache = new AuthCache({ redis: null, keyPrefix: 't:', l1TtlMs: 60_000, l1MaxEntries: 100, redisTtlSeconds: 0, negativeTtlSeconds: 0, log: createLogger('silent') });
const sha = (text: string) => createHash('sha256').update(text).digest();

describe('AuthCache entry keys', () => {
  it('are the same for the same digest and context, whichever way they are built', () => {
    const presented = cache.digestOf('cr_key-1', sha);
    const key = cache.entryKeyFor(presented, 'claude', 'claude_code', 'claude-sonnet-4');
    expect(key).toBe(AuthCache.entryKey(presented.hex, 'claude', 'claude_code', 'claude-sonnet-4'));
    // A model string equal in content but built anew (as each request's body gives it) finds the same key.
    expect(cache.entryKeyFor(cache.digestOf('cr_key-1', sha), 'claude', 'claude_code', ['claude', 'sonnet', '4'].join('-'))).toBe(key);
  });

  it('differ for every other platform, client, model, or key', () => {
    const presented = cache.digestOf('cr_key-2', sha);
    const contexts: [string | null, string | null, string | null][] = [
      ['claude', 'claude_code', 'm'], ['gemini', 'claude_code', 'm'], ['claude', null, 'm'], ['claude', 'claude_code', null],
      ['claude', 'claude_code', ''], [null, null, null], ['claude', 'claude_code', 'm'],
    ];
    const keys = contexts.map(([platform, client, model]) => cache.entryKeyFor(presented, platform, client, model));
    expect(new Set(keys).size).toBe(contexts.length - 1); // only the repeated first context gives a repeated key
    expect(keys.at(-1)).toBe(keys[0]);
    expect(cache.entryKeyFor(cache.digestOf('cr_key-3', sha), 'claude', 'claude_code', 'm')).not.toBe(keys[0]);
  });

  it('remembers a digest once computed, and nothing for a key its computation refused', () => {
    let computed = 0;
    const counting = (text: string) => (computed++, sha(text));
    expect(() => cache.digestOf('cr_refused', () => { throw new Error('malformed'); })).toThrow('malformed');
    cache.digestOf('cr_refused', counting);
    cache.digestOf('cr_refused', counting);
    expect(computed).toBe(1); // computed after the refusal (nothing was remembered), then remembered
  });
});
