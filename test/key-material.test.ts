import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyMaterial } from '../src/api-keys/key-material.js';

const keys = new KeyMaterial({ prefix: 'cr_', hmacSecret: 'x'.repeat(32), crsSecret: 'fixture-encryption-key-0123456789' });

describe('KeyMaterial', () => {
  it("generates CRS-format keys: prefix + 64 lowercase hex, never twice the same", () => {
    const a = keys.generate();
    expect(a).toMatch(/^cr_[0-9a-f]{64}$/);
    expect(keys.generate()).not.toBe(a);
  });

  it('digests with HMAC-SHA256 (new keys) and sha256(key + secret) (CRS keys)', () => {
    const key = 'cr_372258f18c334298669c679699c612a2e3b6e6b82e1b70a6871616806e6663b6';
    expect(keys.hmacDigest(key).equals(createHmac('sha256', 'x'.repeat(32)).update(key).digest())).toBe(true);
    // The fixture's K01: CRS stored this digest for this plain key.
    expect(keys.crsDigest(key)!.toString('hex')).toBe('29ce19233e5ff283c2dcef686abed331ca51a40f6ae299f4c2f142c5a4c097c9');
    expect(new KeyMaterial({ prefix: 'cr_', hmacSecret: 'x'.repeat(32) }).crsDigest(key)).toBeUndefined();
    expect(keys.crsDigest(key)!.equals(createHash('sha256').update(key).digest())).toBe(false);
  });

  it("accepts only CRS's key shape before any lookup", () => {
    expect(keys.isWellFormed('cr_abcdefgh')).toBe(true);
    expect(keys.isWellFormed('cr_short')).toBe(false);
    expect(keys.isWellFormed('sk_abcdefghijk')).toBe(false);
    expect(keys.isWellFormed(`cr_${'a'.repeat(510)}`)).toBe(false);
    expect(keys.isWellFormed('cr_abc defghij')).toBe(false);
    expect(keys.isWellFormed('cr_abcdéfghij')).toBe(false);
  });
});
