// CRS account-secret decryption: unit tests against values encrypted here the
// way CRS encrypts them, then every account of the crs-2025-09 fixture
// against the plain values in its expected.json (read in place, never copied).
import crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CRS_SECRET_FIELDS, CrsSecretDecryptor, splitProxy, type CrsAccountKind } from '../src/crs-import/crs-secrets.js';
import { fixturePresent, readExpected, readFixtureRecords, type Expected } from './support/crs-fixture.js';
import { testEnv } from './support/env.js';

const KEY = 'unit-test-encryption-key-0123456789';

const SALTS: Record<Exclude<CrsAccountKind, 'bedrock'>, string> = {
  'claude-official': 'salt',
  'claude-console': 'claude-console-salt',
  gemini: 'gemini-account-salt',
  openai: 'openai-account-salt',
  'openai-responses': 'openai-responses-salt',
  ccr: 'ccr-account-salt',
  'azure-openai': 'azure-openai-account-default-salt',
};

/** What CRS's services do: AES-256-CBC, random IV, `<iv hex>:<ciphertext hex>`. */
function crsEncrypt(plain: string, encryptionKey: string, salt: string): string {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-256-cbc', crypto.scryptSync(encryptionKey, salt, 32), iv);
  return `${iv.toString('hex')}:${cipher.update(plain, 'utf8', 'hex')}${cipher.final('hex')}`;
}

/** What bedrockAccountService does: key = sha256(ENCRYPTION_KEY), `{encrypted, iv}`. */
function bedrockEncrypt(credentials: object, encryptionKey: string): { encrypted: string; iv: string } {
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-256-cbc', crypto.createHash('sha256').update(encryptionKey).digest(), iv);
  const encrypted = cipher.update(JSON.stringify(credentials), 'utf8', 'hex') + cipher.final('hex');
  return { encrypted, iv: iv.toString('hex') };
}

/** A distinct plaintext per field; JSON blobs are JSON text, as CRS stores them. */
function plainFor(kind: CrsAccountKind, field: string): string {
  if (field.endsWith('Oauth')) return JSON.stringify({ accessToken: `at-${kind}`, refreshToken: `rt-${kind}`, expiresAt: 1754543160000 });
  if (field === 'email') return `ops+${kind}@example.test`;
  return `${kind}/${field}/sëcret-密钥-${crypto.randomBytes(4).toString('hex')}`;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('CrsSecretDecryptor', () => {
  const decryptor = new CrsSecretDecryptor(KEY);

  it.each(Object.keys(SALTS) as Exclude<CrsAccountKind, 'bedrock'>[])('round-trips every secret field of a %s account', (kind) => {
    const plain: Record<string, string> = {};
    const fields: Record<string, unknown> = { id: 'acct-1', name: 'not a secret', proxy: '' };
    for (const field of CRS_SECRET_FIELDS[kind]) {
      plain[field] = plainFor(kind, field);
      fields[field] = crsEncrypt(plain[field]!, KEY, SALTS[kind]);
    }
    const result = decryptor.decryptAccount(kind, fields);
    expect(result.secrets).toEqual(plain);
    expect(result.undecryptable).toEqual([]);
    expect(result.reasons).toEqual({});
  });

  it('round-trips bedrock credentials (sha256 key, {encrypted, iv}) and returns them as JSON text', () => {
    const creds = { accessKeyId: 'AKIAUNIT', secretAccessKey: 'unit/secret', sessionToken: 'unit-session' };
    const document = { id: 'b1', type: 'bedrock', isActive: true, awsCredentials: bedrockEncrypt(creds, KEY) };
    const result = decryptor.decryptAccount('bedrock', document);
    expect(JSON.parse(result.secrets.awsCredentials!)).toEqual(creds);
    expect(result.undecryptable).toEqual([]);

    const noSession = decryptor.decryptAccount('bedrock', { awsCredentials: bedrockEncrypt({ accessKeyId: 'A', secretAccessKey: 'S' }, KEY) });
    expect(JSON.parse(noSession.secrets.awsCredentials!)).toEqual({ accessKeyId: 'A', secretAccessKey: 'S' });
  });

  it('accepts older plain bedrock credentials (with accessKeyId) as they are', () => {
    const result = decryptor.decryptAccount('bedrock', { awsCredentials: { accessKeyId: 'AKIAPLAIN', secretAccessKey: 'plain/secret' } });
    expect(JSON.parse(result.secrets.awsCredentials!)).toEqual({ accessKeyId: 'AKIAPLAIN', secretAccessKey: 'plain/secret' });
    expect(result.undecryptable).toEqual([]);
  });

  it('uses a configured Azure OpenAI salt instead of the default one', () => {
    const stored = crsEncrypt('azure-key', KEY, 'my-azure-salt');
    expect(new CrsSecretDecryptor(KEY, { azureOpenaiSalt: 'my-azure-salt' }).decryptAccount('azure-openai', { apiKey: stored }).secrets).toEqual({ apiKey: 'azure-key' });
    // An empty configured salt means the default, as in CRS (`salt || default`).
    const defaultStored = crsEncrypt('azure-key', KEY, SALTS['azure-openai']);
    expect(new CrsSecretDecryptor(KEY, { azureOpenaiSalt: '' }).decryptAccount('azure-openai', { apiKey: defaultStored }).secrets).toEqual({ apiKey: 'azure-key' });
    const wrongSalt = decryptor.decryptAccount('azure-openai', { apiKey: stored });
    expect(wrongSalt.undecryptable).toEqual(['apiKey']);
    expect(wrongSalt.reasons).toEqual({ apiKey: 'decryption-failed' });
  });

  it('skips empty, null and absent secret fields and ignores non-secret ones', () => {
    const result = decryptor.decryptAccount('claude-official', {
      email: crsEncrypt('a@example.test', KEY, 'salt'),
      password: '',
      refreshToken: null,
      // accessToken and claudeAiOauth absent (legacy shape)
      proxy: '{"type":"socks5","host":"h","port":1,"password":"pp"}',
      name: 'acct',
    });
    expect(result).toEqual({ secrets: { email: 'a@example.test' }, undecryptable: [], reasons: {} });
    expect(decryptor.decryptAccount('bedrock', { awsCredentials: null })).toEqual({ secrets: {}, undecryptable: [], reasons: {} });
    expect(decryptor.decryptAccount('gemini', {})).toEqual({ secrets: {}, undecryptable: [], reasons: {} });
  });

  it('keeps an undecryptable value as plain, lists it, and never reports the value', () => {
    const otherKey = crsEncrypt('sk-from-another-key', 'another-encryption-key', 'claude-console-salt');
    const cases: { kind: CrsAccountKind; field: string; stored: string; reason: string }[] = [
      // Plain text (no IV part) and the legacy IV-less hex format.
      { kind: 'claude-console', field: 'apiKey', stored: 'sk-ant-plain-secret-value', reason: 'unrecognized-format' },
      { kind: 'claude-official', field: 'password', stored: 'a3f1c2d4e5b6a7980a1b2c3d4e5f6a7b', reason: 'unrecognized-format' },
      // Right shape, wrong key: bad padding (or, rarely, non-UTF-8 output).
      { kind: 'claude-console', field: 'apiKey', stored: otherKey, reason: 'decryption-failed' },
      // Right shape, truncated ciphertext (not whole AES blocks).
      { kind: 'ccr', field: 'apiKey', stored: otherKey.slice(0, -2), reason: 'unrecognized-format' },
      { kind: 'openai', field: 'email', stored: `${'0'.repeat(32)}:not-hex-at-all`, reason: 'unrecognized-format' },
    ];
    for (const { kind, field, stored, reason } of cases) {
      const result = decryptor.decryptAccount(kind, { [field]: stored });
      expect(result.secrets).toEqual({ [field]: stored });
      expect(result.undecryptable).toEqual([field]);
      expect(result.reasons).toEqual({ [field]: reason });
      expect(JSON.stringify([result.undecryptable, result.reasons])).not.toContain(stored.slice(0, 12));
    }
  });

  it('keeps decryptable fields when another field of the same account fails', () => {
    const result = decryptor.decryptAccount('openai', {
      idToken: crsEncrypt('id-token', KEY, 'openai-account-salt'),
      accessToken: 'plain-access-token',
      email: crsEncrypt('o@example.test', KEY, 'openai-account-salt'),
    });
    expect(result.secrets).toEqual({ idToken: 'id-token', accessToken: 'plain-access-token', email: 'o@example.test' });
    expect(result.undecryptable).toEqual(['accessToken']);
  });

  it('lists bedrock credentials that cannot be decrypted without keeping the ciphertext as credentials', () => {
    const wrongKey = decryptor.decryptAccount('bedrock', { awsCredentials: bedrockEncrypt({ accessKeyId: 'A', secretAccessKey: 'S' }, 'another-key') });
    expect(wrongKey).toEqual({ secrets: {}, undecryptable: ['awsCredentials'], reasons: { awsCredentials: 'decryption-failed' } });
    const badIv = decryptor.decryptAccount('bedrock', { awsCredentials: { encrypted: 'ab'.repeat(16), iv: 'xyz' } });
    expect(badIv.reasons).toEqual({ awsCredentials: 'decryption-failed' });
    for (const awsCredentials of [{ secretAccessKey: 'S' }, 'plain-string', { accessKeyId: 'A' }]) {
      expect(decryptor.decryptAccount('bedrock', { awsCredentials })).toEqual({ secrets: {}, undecryptable: ['awsCredentials'], reasons: { awsCredentials: 'invalid-aws-credentials' } });
    }
    // Decrypts, but to something that is not credentials.
    const notCreds = decryptor.decryptAccount('bedrock', { awsCredentials: bedrockEncrypt({ token: 'bearer' }, KEY) });
    expect(notCreds.reasons).toEqual({ awsCredentials: 'invalid-aws-credentials' });
  });

  it('refuses bad input with messages that do not contain values', () => {
    expect(() => new CrsSecretDecryptor('')).toThrow(/non-empty/);
    expect(() => decryptor.decryptAccount('droid' as CrsAccountKind, {})).toThrow(/unknown CRS account kind/);
    expect(() => decryptor.decryptAccount('ccr', null as unknown as Record<string, unknown>)).toThrow(TypeError);
    expect(() => decryptor.decryptAccount('ccr', 'apiKey' as unknown as Record<string, unknown>)).toThrow(TypeError);
    let message = '';
    try {
      decryptor.decryptAccount('claude-console', { apiKey: { secret: 'object-secret-value' } });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('claude-console account: field apiKey must be a string, got object');
  });

  it('derives each (encryptionKey, salt) key once, across decryptor instances', () => {
    const spy = vi.spyOn(crypto, 'scryptSync');
    const key = 'cache-test-encryption-key';
    const fields = { apiKey: crsEncrypt('k', key, 'ccr-account-salt') };
    spy.mockClear(); // crsEncrypt above derives with scrypt itself
    const first = new CrsSecretDecryptor(key);
    const second = new CrsSecretDecryptor(key);
    expect(first.decryptAccount('ccr', fields).secrets).toEqual({ apiKey: 'k' });
    expect(first.decryptAccount('ccr', fields).secrets).toEqual({ apiKey: 'k' });
    expect(second.decryptAccount('ccr', fields).secrets).toEqual({ apiKey: 'k' });
    expect(spy).toHaveBeenCalledTimes(1);
    second.decryptAccount('claude-console', {});
    second.decryptAccount('claude-console', {});
    expect(spy).toHaveBeenCalledTimes(2); // a new salt: one more derivation
    new CrsSecretDecryptor('another-cache-test-key').decryptAccount('ccr', {});
    expect(spy).toHaveBeenCalledTimes(3); // a new encryption key: one more
  });
});

describe('splitProxy', () => {
  it('separates the password from the rest of the proxy', () => {
    expect(splitProxy('{"type":"socks5","host":"127.0.0.1","port":1080,"username":"u","password":"p"}')).toEqual({
      proxy: { type: 'socks5', host: '127.0.0.1', port: 1080, username: 'u' },
      password: 'p',
    });
    const object = { type: 'http', host: 'h', port: 3128, username: '', password: '' };
    expect(splitProxy(object)).toEqual({ proxy: { type: 'http', host: 'h', port: 3128, username: '' }, password: null });
    expect(object.password).toBe(''); // the caller's object is not changed
    expect(splitProxy({ type: 'socks5', host: 'h', port: 1 })).toEqual({ proxy: { type: 'socks5', host: 'h', port: 1 }, password: null });
    expect(splitProxy({ type: 'http', host: 'h', port: 1, password: 1234 })).toEqual({ proxy: { type: 'http', host: 'h', port: 1 }, password: '1234' });
  });

  it('reads "", null, undefined and JSON null as no proxy', () => {
    for (const none of ['', null, undefined, 'null']) expect(splitProxy(none)).toEqual({ proxy: null, password: null });
  });

  it('refuses invalid JSON and non-objects without echoing the value', () => {
    const broken = '{"type":"http","host":"h","password":"hunter2-secret"';
    expect(() => splitProxy(broken)).toThrow(/not valid JSON/);
    try {
      splitProxy(broken);
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
      expect((error as Error).cause).toBeUndefined();
    }
    expect(() => splitProxy('[1,2]')).toThrow(/must be a JSON object, got an array/);
    expect(() => splitProxy('"socks5://u:p@h:1"')).toThrow(/must be a JSON object, got string/);
    expect(() => splitProxy(42)).toThrow(/must be a JSON object, got number/);
    expect(() => splitProxy({ host: 'h', password: { nested: 'x' } })).toThrow(/password must be a string, got object/);
  });
});

// ---------------------------------------------------------------------------
// The crs-2025-09 fixture: every account's secrets against expected.json.
// ---------------------------------------------------------------------------

const present = fixturePresent();
if (!present) {
  console.warn(
    `[crs-secrets.test] fixture tests SKIPPED: the CRS fixture was not found at ${testEnv.crsFixtureDir} ` +
      '(needs crs-redis.jsonl and expected.json; set RELAYPG_CRS_FIXTURE_DIR to its directory).',
  );
}

/** The parts of expected.json these tests read (beyond crs-fixture's Expected). */
interface ExpectedAccount {
  label: string;
  type: CrsAccountKind;
  redisKey: string;
  plan?: string;
  email?: string;
  password?: string;
  proxy?: Record<string, unknown> | null;
  plainApiKey?: string;
  plainOauth?: Record<string, unknown>;
  plainAwsCredentials?: Record<string, unknown>;
}
interface ExpectedClaudeTokens {
  accountId: string;
  currentAccessToken: string;
  currentRefreshToken: string;
  history: { n: number; accessToken: string; refreshToken: string }[];
}
type ExpectedWithAccounts = Expected & {
  accounts: Record<string, ExpectedAccount>;
  claudeTokens: Record<string, ExpectedClaudeTokens>;
};

/** Redis key prefix of each kind's account key. */
const ACCOUNT_KEY_PREFIXES: Record<CrsAccountKind, string> = {
  'claude-official': 'claude:account:',
  'claude-console': 'claude_console_account:',
  gemini: 'gemini_account:',
  openai: 'openai:account:',
  'openai-responses': 'openai_responses_account:',
  ccr: 'ccr_account:',
  'azure-openai': 'azure_openai:account:',
  bedrock: 'bedrock_account:',
};
const JSON_FIELDS = new Set(['claudeAiOauth', 'geminiOauth', 'openaiOauth', 'awsCredentials']);
const CRS_CIPHERTEXT = /^[0-9a-f]{32}:[0-9a-f]+$/;

function kindOfKey(key: string): CrsAccountKind | undefined {
  return (Object.keys(ACCOUNT_KEY_PREFIXES) as CrsAccountKind[]).find((kind) => {
    const rest = key.slice(ACCOUNT_KEY_PREFIXES[kind].length);
    // One account per key: `{prefix}{uuid}` only (claude_account:{id}:401_errors etc. are not accounts).
    return key.startsWith(ACCOUNT_KEY_PREFIXES[kind]) && /^[0-9a-f-]{36}$/.test(rest);
  });
}

/** Account keys of the dump: kind and fields (bedrock: the parsed JSON document). */
function fixtureAccounts(): Map<string, { kind: CrsAccountKind; fields: Record<string, unknown> }> {
  const accounts = new Map<string, { kind: CrsAccountKind; fields: Record<string, unknown> }>();
  for (const record of readFixtureRecords()) {
    const kind = kindOfKey(record.key);
    if (kind === undefined) continue;
    const fields = record.type === 'string' ? (JSON.parse(record.value) as Record<string, unknown>) : record.value;
    accounts.set(record.key, { kind, fields: fields as Record<string, unknown> });
  }
  return accounts;
}

/** The plaintexts expected.json gives for one account, field by field (JSON blobs parsed). */
function expectedSecrets(account: ExpectedAccount, expected: ExpectedWithAccounts): Record<string, unknown> {
  const nonEmpty = (entries: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined && value !== ''));
  switch (account.type) {
    case 'claude-official': {
      const tokens = expected.claudeTokens[account.label];
      if (!tokens) throw new Error(`expected.json has no claudeTokens.${account.label}`);
      const first = tokens.history.find((entry) => entry.n === 1)!;
      return nonEmpty({
        email: account.email,
        password: account.password,
        accessToken: tokens.currentAccessToken,
        refreshToken: tokens.currentRefreshToken,
        // The creation-time blob, never updated on refresh; the legacy path has none.
        claudeAiOauth: account.plan === 'legacy' ? undefined : { accessToken: first.accessToken, refreshToken: first.refreshToken },
      });
    }
    case 'gemini':
      return { geminiOauth: account.plainOauth, accessToken: account.plainOauth?.access_token, refreshToken: account.plainOauth?.refresh_token };
    case 'openai':
      return {
        openaiOauth: account.plainOauth,
        idToken: account.plainOauth?.idToken,
        accessToken: account.plainOauth?.accessToken,
        refreshToken: account.plainOauth?.refreshToken,
        email: account.email,
      };
    case 'bedrock':
      return { awsCredentials: account.plainAwsCredentials };
    default:
      return { apiKey: account.plainApiKey };
  }
}

describe.skipIf(!present)('CRS secrets of the crs-2025-09 fixture', () => {
  const expected = (present ? readExpected() : undefined) as ExpectedWithAccounts;
  const accounts = present ? fixtureAccounts() : new Map<string, { kind: CrsAccountKind; fields: Record<string, unknown> }>();
  const cases = present ? Object.entries(expected.accounts).map(([id, account]) => ({ id, label: account.label, account })) : [];
  const decryptor = present ? new CrsSecretDecryptor(expected.encryptionKey) : undefined;

  it('has exactly the accounts of expected.json, 8 Claude OAuth and one of every other kind', () => {
    expect([...accounts.keys()].sort()).toEqual(cases.map(({ account }) => account.redisKey).sort());
    const kinds = cases.map(({ account }) => account.type);
    expect(kinds.filter((kind) => kind === 'claude-official')).toHaveLength(8);
    for (const kind of Object.keys(ACCOUNT_KEY_PREFIXES) as CrsAccountKind[]) expect(kinds).toContain(kind);
    for (const { account } of cases) expect(accounts.get(account.redisKey)!.kind).toBe(account.type);
  });

  it('lists every encrypted-looking field of the dump in CRS_SECRET_FIELDS', () => {
    for (const [key, { kind, fields }] of accounts) {
      const encrypted = Object.keys(fields).filter((field) => typeof fields[field] === 'string' && CRS_CIPHERTEXT.test(fields[field] as string));
      for (const field of encrypted) expect(CRS_SECRET_FIELDS[kind], `${key} ${field}`).toContain(field);
    }
  });

  it.each(cases)('decrypts $label ($account.type) to the plain values of expected.json', ({ account }) => {
    const { kind, fields } = accounts.get(account.redisKey)!;
    const result = decryptor!.decryptAccount(kind, fields);
    expect(result.undecryptable).toEqual([]);
    const parsed = Object.fromEntries(
      Object.entries(result.secrets).map(([field, value]) => [field, JSON_FIELDS.has(field) ? JSON.parse(value) : value]),
    );
    const want = expectedSecrets(account, expected);
    if (kind === 'claude-official' && parsed.claudeAiOauth !== undefined) {
      // The blob also carries expiresAt and scopes, which expected.json does not list.
      expect(parsed.claudeAiOauth).toMatchObject(want.claudeAiOauth as object);
      parsed.claudeAiOauth = want.claudeAiOauth;
    }
    expect(parsed).toEqual(want);
    // Every non-empty secret field of the hash came back, none more.
    const stored = CRS_SECRET_FIELDS[kind].filter((field) => fields[field] !== undefined && fields[field] !== '');
    expect(Object.keys(result.secrets).sort()).toEqual(stored.sort());
  });

  it.each(cases.filter(({ account }) => account.proxy !== undefined))('splits the clear-text proxy of $label and its password', ({ account }) => {
    const { fields } = accounts.get(account.redisKey)!;
    const split = splitProxy(fields.proxy);
    if (account.proxy === null || account.proxy === undefined) {
      expect(split).toEqual({ proxy: null, password: null });
      return;
    }
    const { password, ...rest } = account.proxy;
    expect(split.proxy).toEqual(rest);
    expect(split.password).toBe(password === '' || password === undefined ? null : password);
  });

  it('reads every account proxy of the dump', () => {
    for (const [key, { fields }] of accounts) {
      expect(() => splitProxy(fields.proxy), key).not.toThrow();
    }
  });

  it('with the wrong ENCRYPTION_KEY reports every secret as undecryptable, by name only', () => {
    const wrong = new CrsSecretDecryptor('not-the-fixture-key');
    for (const [key, { kind, fields }] of accounts) {
      const result = wrong.decryptAccount(kind, fields);
      const stored = CRS_SECRET_FIELDS[kind].filter((field) => fields[field] !== undefined && fields[field] !== '');
      expect(result.undecryptable.sort(), key).toEqual([...stored].sort());
      expect(Object.values(result.reasons).every((reason) => reason === 'decryption-failed'), key).toBe(true);
      const report = JSON.stringify([result.undecryptable, result.reasons]);
      for (const field of stored) {
        const value = fields[field];
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        expect(report).not.toContain(text.slice(0, 16));
      }
    }
  });
});
