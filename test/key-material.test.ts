import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyMaterial } from '../src/api-keys/key-material.js';

const keys = new KeyMaterial({ prefix: 'cr_', hmacSecret: 'x'.repeat(32), hmacVersion: 1, crsSecret: 'fixture-encryption-key-0123456789' });

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
    expect(new KeyMaterial({ prefix: 'cr_', hmacSecret: 'x'.repeat(32), hmacVersion: 1 }).crsDigest(key)).toBeUndefined();
    expect(keys.crsDigest(key)!.equals(createHash('sha256').update(key).digest())).toBe(false);
  });

  it('names the scheme with the secret version, and digests under previous secrets during a rotation', () => {
    const rotated = new KeyMaterial({ prefix: 'cr_', hmacSecret: 'y'.repeat(32), hmacVersion: 3, previousHmacSecrets: [{ version: 2, secret: 'x'.repeat(32) }] });
    expect(keys.hmacScheme).toBe('hmac-sha256:v1');
    expect(rotated.hmacScheme).toBe('hmac-sha256:v3');
    const key = keys.generate();
    const previous = rotated.previousDigests(key);
    expect(previous.schemes).toEqual(['hmac-sha256:v2']);
    expect(previous.digests[0]!.equals(keys.hmacDigest(key))).toBe(true); // v2 used the old secret
    expect(rotated.hmacDigest(key).equals(keys.hmacDigest(key))).toBe(false);
    expect(keys.previousDigests(key)).toEqual({ digests: [], schemes: [] });
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
