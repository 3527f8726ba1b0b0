// Imports CRS's account domain: accounts of every kind (secrets decrypted with
// the CRS ENCRYPTION_KEY here, re-encrypted by PostgreSQL with relaypg's key
// ring), account groups with their members, live sticky-session mappings and
// pending OAuth authorisations with their remaining TTL. The mapping of every
// field is SQL (api.import_crs_*); this module reads Redis and reports.
import type { Redis } from 'ioredis';
import type { Keyring } from '../accounts/accounts.js';
import type { Queryable } from '../db.js';
import {
  importCrsAccount,
  importCrsAccountGroup,
  importCrsOauthSession,
  importCrsStickySession,
  listDanglingKeyBindings,
  type Json,
} from './crs-import.queries.js';
import { CrsSecretDecryptor, type CrsAccountKind } from './crs-secrets.js';
import { ImportSetupError } from './import-errors.js';

/** Where each CRS account kind lives in Redis (redis-model 1.2-1.4). */
export const CRS_ACCOUNT_SOURCES: { kind: CrsAccountKind; pattern: string; prefix: string; json: boolean }[] = [
  { kind: 'claude-official', pattern: 'claude:account:*', prefix: 'claude:account:', json: false },
  { kind: 'claude-console', pattern: 'claude_console_account:*', prefix: 'claude_console_account:', json: false },
  { kind: 'ccr', pattern: 'ccr_account:*', prefix: 'ccr_account:', json: false },
  { kind: 'bedrock', pattern: 'bedrock_account:*', prefix: 'bedrock_account:', json: true },
  { kind: 'gemini', pattern: 'gemini_account:*', prefix: 'gemini_account:', json: false },
  { kind: 'openai', pattern: 'openai:account:*', prefix: 'openai:account:', json: false },
  { kind: 'openai-responses', pattern: 'openai_responses_account:*', prefix: 'openai_responses_account:', json: false },
  { kind: 'azure-openai', pattern: 'azure_openai:account:*', prefix: 'azure_openai:account:', json: false },
];

/** Live sticky mappings, per platform (redis-model 1.10 and 1.4). */
const STICKY_SOURCES: { platform: 'claude' | 'gemini' | 'openai' | 'azure-openai'; prefix: string; json: boolean }[] = [
  { platform: 'claude', prefix: 'unified_claude_session_mapping:', json: true },
  { platform: 'gemini', prefix: 'unified_gemini_session_mapping:', json: true },
  { platform: 'openai', prefix: 'unified_openai_session_mapping:', json: true },
  { platform: 'azure-openai', prefix: 'azure_openai_session_account_mapping:', json: false },
];

/** Keys CRS still has but nothing in it reads any more (redis-model 1.10, 1.14). */
const DEAD_STICKY_PREFIXES = ['sticky_session:', 'gemini_session_account_mapping:', 'openai_session_account_mapping:'];

/** Secret fields holding JSON text in CRS; stored as objects like the admin API's. */
const JSON_SECRETS = new Set(['claudeAiOauth', 'geminiOauth', 'openaiOauth', 'awsCredentials']);

const UUID_SUFFIX = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Action = 'inserted' | 'updated' | 'unchanged' | 'skipped';

export interface AccountsImportSettings {
  /** CRS's ENCRYPTION_KEY (decrypts the account secrets). */
  crsEncryptionKey: string;
  /** CRS's config.security.azureOpenaiSalt, when that installation set one. */
  azureOpenaiSalt?: string | undefined;
  keyring: Keyring;
  /** Zone of CRS's local times (quotaResetTime). */
  timeZone: string;
}

export interface RecordRunner {
  /** Runs one record under a savepoint; a refusal is reported, not thrown. */
  (domain: 'accounts' | 'groups' | 'stickySessions' | 'oauthSessions', redisKey: string, run: () => Promise<Action>): Promise<void>;
}

export interface AccountsNotes {
  /** Things imported differently from CRS, or left out, with why (never a secret). */
  notes: { redisKey: string; note: string }[];
  danglingBindings: { apiKeyId: string; field: string; binding: string }[];
}

export async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return [...new Set(keys)].sort();
}

function secretsForSql(secrets: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(secrets)) {
    if (JSON_SECRETS.has(name)) {
      try {
        const parsed: unknown = JSON.parse(value);
        if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
          out[name] = parsed;
          continue;
        }
      } catch {
        // not JSON: kept as text
      }
    }
    out[name] = value;
  }
  return out;
}

/** How many records each phase will read (for progress output). */
export interface AccountKeys {
  accounts: { redisKey: string; kind: CrsAccountKind; json: boolean }[];
  groups: string[];
  sticky: { redisKey: string; platform: (typeof STICKY_SOURCES)[number]['platform']; json: boolean }[];
  oauth: string[];
  ignored: { redisKey: string; reason: string }[];
}

export async function findAccountKeys(redis: Redis): Promise<AccountKeys> {
  const keys: AccountKeys = { accounts: [], groups: [], sticky: [], oauth: [], ignored: [] };
  for (const source of CRS_ACCOUNT_SOURCES) {
    for (const redisKey of await scanKeys(redis, source.pattern)) {
      // claude:account:* also matches nothing else today, but suffixed keys
      // (e.g. counters) would: only {prefix}{uuid} is an account.
      if (!UUID_SUFFIX.test(redisKey) || redisKey.length !== source.prefix.length + 36) continue;
      keys.accounts.push({ redisKey, kind: source.kind, json: source.json });
    }
  }
  keys.groups = (await scanKeys(redis, 'account_group:*')).filter((key) => /^account_group:[0-9a-f-]{36}$/i.test(key));
  for (const source of STICKY_SOURCES) {
    for (const redisKey of await scanKeys(redis, `${source.prefix}*`)) keys.sticky.push({ redisKey, platform: source.platform, json: source.json });
  }
  for (const prefix of DEAD_STICKY_PREFIXES) {
    for (const redisKey of await scanKeys(redis, `${prefix}*`)) {
      keys.ignored.push({ redisKey, reason: 'legacy sticky mapping that CRS writes no longer and never reads' });
    }
  }
  keys.oauth = (await scanKeys(redis, 'oauth:*')).filter((key) => /^oauth:[0-9a-f-]{36}$/i.test(key));
  return keys;
}

export async function importAccountsDomain(
  redis: Redis,
  db: Queryable,
  keys: AccountKeys,
  settings: AccountsImportSettings,
  runRecord: RecordRunner,
  onProgress: (phase: 'accounts' | 'groups' | 'stickySessions' | 'oauthSessions', done: number, total: number) => void,
): Promise<AccountsNotes> {
  const notes: AccountsNotes['notes'] = [];
  const decryptor = new CrsSecretDecryptor(
    settings.crsEncryptionKey,
    settings.azureOpenaiSalt === undefined ? undefined : { azureOpenaiSalt: settings.azureOpenaiSalt },
  );
  // A wrong CRS key leaves every ciphertext undecryptable: stop rather than
  // store ciphertexts as secrets (the transaction rolls back).
  let decrypted = 0;
  let failed = 0;
  const keyring = settings.keyring as unknown as Json;

  for (const [i, { redisKey, kind, json }] of keys.accounts.entries()) {
    await runRecord('accounts', redisKey, async () => {
      const fields = json ? parseDocument(redisKey, await redis.get(redisKey)) : await redis.hgetall(redisKey);
      const result = decryptor.decryptAccount(kind, fields);
      failed += Object.values(result.reasons).filter((reason) => reason === 'decryption-failed').length;
      decrypted += Object.keys(result.secrets).length - result.undecryptable.filter((field) => field in result.secrets).length;
      for (const field of result.undecryptable) {
        notes.push({
          redisKey,
          note: `${field} could not be decrypted (${result.reasons[field]}); ${kind === 'bedrock' ? 'kept encrypted as CRS had it' : 'kept as it was, as CRS does'}`,
        });
      }
      const [row] = await importCrsAccount.run(
        { redisKey, kind, fields: fields as Json, secrets: secretsForSql(result.secrets) as Json, keyring, timeZone: settings.timeZone },
        db,
      );
      for (const note of row!.notes) notes.push({ redisKey, note });
      return row!.action as Action;
    });
    onProgress('accounts', i + 1, keys.accounts.length);
  }
  if (failed > 0 && decrypted === 0) {
    throw new ImportSetupError(
      `none of the ${failed} encrypted account secret(s) could be decrypted: CRS_ENCRYPTION_KEY is not the key this CRS used (nothing was imported)`,
    );
  }

  for (const [i, redisKey] of keys.groups.entries()) {
    await runRecord('groups', redisKey, async () => {
      const fields = await redis.hgetall(redisKey);
      const memberIds = await redis.smembers(`account_group_members:${redisKey.slice('account_group:'.length)}`);
      const [row] = await importCrsAccountGroup.run({ redisKey, fields: fields as Json, memberIds: memberIds.sort() }, db);
      for (const note of row!.notes) notes.push({ redisKey, note });
      return row!.action as Action;
    });
    onProgress('groups', i + 1, keys.groups.length);
  }

  for (const [i, { redisKey, platform, json }] of keys.sticky.entries()) {
    const sessionHash = redisKey.slice(redisKey.indexOf(':') + 1);
    // The session hash can be a digest: report the key by its prefix only.
    const shown = `${redisKey.slice(0, redisKey.indexOf(':') + 1)}${sessionHash.slice(0, 8)}…`;
    await runRecord('stickySessions', shown, async () => {
      const [value, ttl] = await Promise.all([redis.get(redisKey), redis.ttl(redisKey)]);
      const accountId = json ? String((parseDocument(shown, value) as { accountId?: unknown }).accountId ?? '') : (value ?? '');
      const [row] = await importCrsStickySession.run({ platform, sessionHash, accountId, ttlSeconds: ttl }, db);
      for (const note of row!.notes) notes.push({ redisKey: shown, note });
      return row!.action as Action;
    });
    onProgress('stickySessions', i + 1, keys.sticky.length);
  }

  for (const [i, redisKey] of keys.oauth.entries()) {
    await runRecord('oauthSessions', redisKey, async () => {
      const [fields, ttl] = await Promise.all([redis.hgetall(redisKey), redis.ttl(redisKey)]);
      const [row] = await importCrsOauthSession.run({ redisKey, fields: fields as Json, ttlSeconds: ttl, keyring }, db);
      for (const note of row!.notes) notes.push({ redisKey, note });
      return row!.action as Action;
    });
    onProgress('oauthSessions', i + 1, keys.oauth.length);
  }

  const danglingBindings = await listDanglingKeyBindings.run(undefined, db);
  return { notes, danglingBindings };
}

function parseDocument(redisKey: string, raw: string | null): Record<string, unknown> {
  try {
    const document: unknown = JSON.parse(raw ?? '');
    if (document !== null && typeof document === 'object' && !Array.isArray(document)) return document as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw Object.assign(new Error(`${redisKey} is not a JSON document`), { code: 'IMBAD', column: '(document)' });
}

