// Plain API keys and their digests. The plain key exists only in the request
// that presents it and in the response that hands it out once.
import { createHash, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

export interface KeyMaterialOptions {
  prefix: string;
  hmacSecret: string;
  /** Version of hmacSecret, stored with each digest as 'hmac-sha256:v<version>'. */
  hmacVersion: number;
  /** Secrets used before hmacSecret: keys stored under them still authenticate (and move to the current one). */
  previousHmacSecrets?: { version: number; secret: string }[];
  /** CRS's ENCRYPTION_KEY; when set, imported CRS keys authenticate. */
  crsSecret?: string | undefined;
}

// CRS accepts keys of 10-512 characters; ours are prefix + 64 hex.
const MIN_KEY_LENGTH = 10;
const MAX_KEY_LENGTH = 512;

/** The digest scheme of a secret version, as api_keys.digest_scheme stores it. */
const hmacScheme = (version: number) => `hmac-sha256:v${version}`;

export class KeyMaterial {
  /** The current secret as a key object, imported once (every authentication that misses the in-process cache computes an HMAC). */
  private readonly hmacKey: KeyObject;

  constructor(private readonly options: KeyMaterialOptions) {
    this.hmacKey = createSecretKey(Buffer.from(options.hmacSecret, 'utf8'));
  }

  /** A new plain key: prefix + 32 random bytes as hex (CRS's format). */
  generate(): string {
    return this.options.prefix + randomBytes(32).toString('hex');
  }

  /** The scheme new digests are stored under. */
  get hmacScheme(): string {
    return hmacScheme(this.options.hmacVersion);
  }

  /** HMAC-SHA256 with the service's current secret: the digest new keys are stored under. */
  hmacDigest(plainKey: string): Buffer {
    return createHmac('sha256', this.hmacKey).update(plainKey, 'utf8').digest();
  }

  /** The digests under previous secrets (empty unless a rotation is under way). */
  previousDigests(plainKey: string): { digests: Buffer[]; schemes: string[] } {
    const previous = this.options.previousHmacSecrets ?? [];
    return {
      digests: previous.map(({ secret }) => createHmac('sha256', secret).update(plainKey, 'utf8').digest()),
      schemes: previous.map(({ version }) => hmacScheme(version)),
    };
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
