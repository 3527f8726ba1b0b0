// Decrypts the account secrets CRS keeps in Redis, so the importer can
// re-encrypt them for PostgreSQL. Formats and salts: shared/crs/redis-model.md
// sections 1.2-1.4 and 2.1. Nothing here logs or throws a secret value: what
// cannot be decrypted is reported by field name (and reason) only.
// Default import on purpose: tests spy on crypto.scryptSync to prove the cache.
import crypto from 'node:crypto';

export type CrsAccountKind =
  | 'claude-official'
  | 'claude-console'
  | 'gemini'
  | 'openai'
  | 'openai-responses'
  | 'ccr'
  | 'azure-openai'
  | 'bedrock';

/**
 * Why a field was not decrypted:
 * - 'unrecognized-format': not `<32 hex iv>:<hex>` (plain text, or the legacy
 *   IV-less format CRS can no longer read either);
 * - 'decryption-failed': the shape is right but AES fails (bad padding, not
 *   UTF-8). When every field of every account fails this way, ENCRYPTION_KEY is wrong;
 * - 'invalid-aws-credentials': bedrock credentials that are neither an
 *   `{encrypted, iv}` pair nor plain, or decrypt to something without keys.
 */
export type UndecryptableReason = 'unrecognized-format' | 'decryption-failed' | 'invalid-aws-credentials';

export interface DecryptedSecrets {
  /**
   * Field name -> plaintext. JSON blobs stay JSON text; bedrock's
   * 'awsCredentials' is the JSON text of {accessKeyId, secretAccessKey, sessionToken?}.
   */
  secrets: Record<string, string>;
  /**
   * Fields kept as plain because decryption failed (CRS does the same).
   * Exception: bedrock 'awsCredentials' has no plain reading of a ciphertext
   * pair, so a failed one is listed here and left out of `secrets`.
   */
  undecryptable: string[];
  /** For each name in `undecryptable`, why. Never contains a value. */
  reasons: Record<string, UndecryptableReason>;
}

/** Which fields are encrypted, per account kind (bedrock: inside the JSON document). */
export const CRS_SECRET_FIELDS: Record<CrsAccountKind, readonly string[]> = Object.freeze({
  'claude-official': Object.freeze(['email', 'password', 'claudeAiOauth', 'accessToken', 'refreshToken']),
  'claude-console': Object.freeze(['apiKey']),
  gemini: Object.freeze(['geminiOauth', 'accessToken', 'refreshToken']),
  openai: Object.freeze(['idToken', 'accessToken', 'refreshToken', 'openaiOauth', 'email']),
  'openai-responses': Object.freeze(['apiKey']),
  ccr: Object.freeze(['apiKey']),
  'azure-openai': Object.freeze(['apiKey']),
  bedrock: Object.freeze(['awsCredentials']),
});

const SCRYPT_SALTS: Record<Exclude<CrsAccountKind, 'bedrock' | 'azure-openai'>, string> = {
  'claude-official': 'salt',
  'claude-console': 'claude-console-salt',
  gemini: 'gemini-account-salt',
  openai: 'openai-account-salt',
  'openai-responses': 'openai-responses-salt',
  ccr: 'ccr-account-salt',
};
const AZURE_DEFAULT_SALT = 'azure-openai-account-default-salt';
const ALGORITHM = 'aes-256-cbc';

// CRS writes lowercase hex; accept either case. The ciphertext must be whole
// AES blocks, otherwise createDecipheriv would fail anyway.
const CIPHERTEXT_RE = /^([0-9a-f]{32}):((?:[0-9a-f]{32})+)$/i;
const HEX_BLOCKS_RE = /^(?:[0-9a-f]{32})+$/i;
const IV_RE = /^[0-9a-f]{32}$/i;

// scrypt takes ~50 ms; a key is derived once per (encryptionKey, salt) for the process.
const derivedKeys = new Map<string, Buffer>();

function cachedKey(cacheId: string, derive: () => Buffer): Buffer {
  let key = derivedKeys.get(cacheId);
  if (key === undefined) {
    key = derive();
    derivedKeys.set(cacheId, key);
  }
  return key;
}

// Fatal: a wrong key that happens to yield valid padding almost never yields valid UTF-8.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The plaintext, or null when the bytes do not decrypt under `key`. */
function aesDecrypt(key: Buffer, ivHex: string, cipherHex: string): string | null {
  try {
    const decipher = crypto.createDecipheriv(ALGORITHM, key, Buffer.from(ivHex, 'hex'));
    const plain = Buffer.concat([decipher.update(Buffer.from(cipherHex, 'hex')), decipher.final()]);
    return utf8.decode(plain);
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class CrsSecretDecryptor {
  readonly #encryptionKey: string;
  readonly #azureSalt: string;

  constructor(encryptionKey: string, options?: { azureOpenaiSalt?: string }) {
    if (typeof encryptionKey !== 'string' || encryptionKey === '') {
      // CRS never runs with an empty key (it falls back to its default), so this is a caller mistake.
      throw new Error('CrsSecretDecryptor: the CRS ENCRYPTION_KEY must be a non-empty string');
    }
    this.#encryptionKey = encryptionKey;
    // CRS reads `config.security.azureOpenaiSalt || default`: an empty salt means the default.
    this.#azureSalt = options?.azureOpenaiSalt || AZURE_DEFAULT_SALT;
  }

  /**
   * `fields` is the account's Redis hash (bedrock: the parsed JSON document).
   * Returns only the secret fields that are non-empty.
   */
  decryptAccount(kind: CrsAccountKind, fields: Record<string, unknown>): DecryptedSecrets {
    if (!Object.hasOwn(CRS_SECRET_FIELDS, kind)) {
      throw new Error(`unknown CRS account kind: ${JSON.stringify(String(kind))}`);
    }
    if (!isRecord(fields)) {
      throw new TypeError(`${kind} account: expected the account's fields as an object`);
    }
    const result: DecryptedSecrets = { secrets: {}, undecryptable: [], reasons: {} };
    if (kind === 'bedrock') {
      this.#decryptBedrock(fields, result);
      return result;
    }
    const key = this.#scryptKey(kind === 'azure-openai' ? this.#azureSalt : SCRYPT_SALTS[kind]);
    for (const field of CRS_SECRET_FIELDS[kind]) {
      const value = fields[field];
      if (value === undefined || value === null || value === '') continue; // "" is CRS's "unset"
      if (typeof value !== 'string') {
        throw new TypeError(`${kind} account: field ${field} must be a string, got ${typeof value}`);
      }
      const match = CIPHERTEXT_RE.exec(value);
      const plain = match ? aesDecrypt(key, match[1]!, match[2]!) : null;
      if (plain !== null) {
        result.secrets[field] = plain;
      } else {
        // Same fallback as CRS: keep the stored value as the plaintext, but say so.
        result.secrets[field] = value;
        result.undecryptable.push(field);
        result.reasons[field] = match ? 'decryption-failed' : 'unrecognized-format';
      }
    }
    return result;
  }

  #scryptKey(salt: string): Buffer {
    return cachedKey(JSON.stringify(['scrypt', this.#encryptionKey, salt]), () =>
      crypto.scryptSync(this.#encryptionKey, salt, 32),
    );
  }

  #sha256Key(): Buffer {
    return cachedKey(JSON.stringify(['sha256', this.#encryptionKey]), () =>
      crypto.createHash('sha256').update(this.#encryptionKey).digest(),
    );
  }

  #decryptBedrock(document: Record<string, unknown>, result: DecryptedSecrets): void {
    const field = 'awsCredentials';
    const stored = document[field];
    if (stored === undefined || stored === null || stored === '') return;
    const fail = (reason: UndecryptableReason): void => {
      result.undecryptable.push(field);
      result.reasons[field] = reason;
    };
    if (!isRecord(stored)) return fail('invalid-aws-credentials');

    let credentials: unknown;
    if (stored.encrypted && stored.iv) {
      const { encrypted, iv } = stored;
      if (typeof encrypted !== 'string' || typeof iv !== 'string' || !IV_RE.test(iv) || !HEX_BLOCKS_RE.test(encrypted)) {
        return fail('decryption-failed');
      }
      const plain = aesDecrypt(this.#sha256Key(), iv, encrypted);
      if (plain === null) return fail('decryption-failed');
      try {
        credentials = JSON.parse(plain);
      } catch {
        return fail('decryption-failed');
      }
    } else if (stored.accessKeyId) {
      credentials = stored; // older data: plain credentials, which CRS accepts
    } else {
      return fail('invalid-aws-credentials');
    }

    if (!isRecord(credentials)) return fail('invalid-aws-credentials');
    const { accessKeyId, secretAccessKey, sessionToken } = credentials;
    if (typeof accessKeyId !== 'string' || accessKeyId === '' || typeof secretAccessKey !== 'string' || secretAccessKey === '') {
      return fail('invalid-aws-credentials');
    }
    if (sessionToken !== undefined && sessionToken !== null && typeof sessionToken !== 'string') {
      return fail('invalid-aws-credentials');
    }
    // A fixed shape (and key order), whatever else the stored object carried.
    const normalized: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = { accessKeyId, secretAccessKey };
    if (sessionToken) normalized.sessionToken = sessionToken;
    result.secrets[field] = JSON.stringify(normalized);
  }
}

/**
 * Splits an account's `proxy` (clear-text JSON `{type, host, port, username?, password?}`,
 * `""` for none, or an already parsed object) into the proxy without its
 * password and the password (null when absent or empty).
 */
export function splitProxy(proxy: unknown): { proxy: Record<string, unknown> | null; password: string | null } {
  if (proxy === undefined || proxy === null || proxy === '') return { proxy: null, password: null };
  let parsed: unknown = proxy;
  if (typeof proxy === 'string') {
    try {
      parsed = JSON.parse(proxy);
    } catch {
      // No cause and no excerpt: V8's SyntaxError message quotes the input, which holds the password.
      throw new Error('account proxy is not valid JSON (value not shown: it may hold a password)');
    }
    if (parsed === null) return { proxy: null, password: null };
  }
  if (!isRecord(parsed)) {
    throw new Error(`account proxy must be a JSON object, got ${Array.isArray(parsed) ? 'an array' : typeof parsed}`);
  }
  const { password, ...rest } = parsed;
  if (password === undefined || password === null || password === '') return { proxy: rest, password: null };
  if (typeof password === 'string') return { proxy: rest, password };
  if (typeof password === 'number') return { proxy: rest, password: String(password) };
  throw new Error(`account proxy password must be a string, got ${typeof password}`);
}
