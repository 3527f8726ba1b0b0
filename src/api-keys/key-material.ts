// Plain API keys and their digests. The plain key exists only in the request
// that presents it and in the response that hands it out once.
import { createHash, createHmac, randomBytes } from 'node:crypto';

export interface KeyMaterialOptions {
  prefix: string;
  hmacSecret: string;
  /** CRS's ENCRYPTION_KEY; when set, imported CRS keys authenticate. */
  crsSecret?: string | undefined;
}

// CRS accepts keys of 10-512 characters; ours are prefix + 64 hex.
const MIN_KEY_LENGTH = 10;
const MAX_KEY_LENGTH = 512;

export class KeyMaterial {
  constructor(private readonly options: KeyMaterialOptions) {}

  /** A new plain key: prefix + 32 random bytes as hex (CRS's format). */
  generate(): string {
    return this.options.prefix + randomBytes(32).toString('hex');
  }

  /** HMAC-SHA256 with the service's secret: the digest new keys are stored under. */
  hmacDigest(plainKey: string): Buffer {
    return createHmac('sha256', this.options.hmacSecret).update(plainKey, 'utf8').digest();
  }

  /** sha256(key + ENCRYPTION_KEY), CRS's digest; undefined when no CRS secret is configured. */
  crsDigest(plainKey: string): Buffer | undefined {
    if (this.options.crsSecret === undefined) return undefined;
    return createHash('sha256').update(plainKey + this.options.crsSecret, 'utf8').digest();
  }

  /**
   * Whether a presented string can be a key at all (CRS's rule: the prefix and
   * 10-512 printable characters). Anything else is refused without a lookup.
   */
  isWellFormed(presented: string): boolean {
    return (
      presented.length >= MIN_KEY_LENGTH &&
      presented.length <= MAX_KEY_LENGTH &&
      presented.startsWith(this.options.prefix) &&
      /^[\x21-\x7e]+$/.test(presented)
    );
  }
}
