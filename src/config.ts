// Configuration: every setting comes from the environment, is validated once at
// startup, and a mistake is reported field by field in plain words.
import { z } from 'zod';
import type { Keyring } from './accounts/accounts.js';

const secret = (name: string, min: number) =>
  z.string({ error: `${name} is required` }).min(min, `${name} must be at least ${min} characters`);

const urlWithScheme = (name: string, schemes: string[]) =>
  z
    .string({ error: `${name} is required` })
    .refine((value) => {
      try {
        return schemes.includes(new URL(value).protocol.replace(/:$/, ''));
      } catch {
        return false;
      }
    }, `${name} must be a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}`);

const intFrom = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** "version:secret,version:secret" (secrets in use before the current one, kept for a rotation). */
const previousSecrets = (name: string) =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      const previous: { version: number; secret: string }[] = [];
      for (const item of (value ?? '').split(',').filter((entry) => entry.trim() !== '')) {
        const match = /^\s*([1-9][0-9]{0,8}):(.+)$/.exec(item);
        if (match === null || match[2]!.length < 32) {
          context.addIssue({ code: 'custom', message: `${name} must be "version:secret" pairs, each secret at least 32 characters` });
          return z.NEVER;
        }
        previous.push({ version: Number(match[1]), secret: match[2]! });
      }
      return previous;
    });

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const serviceSchema = z.object({
  APP_DATABASE_URL: urlWithScheme('APP_DATABASE_URL', ['postgres', 'postgresql']),
  PG_POOL_SIZE: intFrom(1, 200).default(10),
  // Account selection has a pool of its own (its calls ask for asynchronous commits).
  PG_SELECTION_POOL_SIZE: intFrom(1, 200).default(4),
  REDIS_URL: urlWithScheme('REDIS_URL', ['redis', 'rediss']).default('redis://127.0.0.1:6379/0'),
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/, 'REDIS_KEY_PREFIX may use letters, digits, ":", "_" and "-"').default('relaypg:'),
  REDIS_COMMAND_TIMEOUT_MS: intFrom(5, 60_000).default(100),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: intFrom(0, 65_535).default(3000),
  ADMIN_TOKEN: secret('ADMIN_TOKEN', 32),
  API_KEY_HMAC_SECRET: secret('API_KEY_HMAC_SECRET', 32),
  API_KEY_HMAC_SECRET_VERSION: intFrom(1, 999_999_999).default(1),
  // "version:secret,version:secret": secrets in use before the current one (rotation).
  API_KEY_HMAC_PREVIOUS_SECRETS: previousSecrets('API_KEY_HMAC_PREVIOUS_SECRETS'),
  API_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/, 'API_KEY_PREFIX must be 1-16 letters, digits, "_" or "-"').default('cr_'),
  // Encrypts upstream account credentials in PostgreSQL (pgcrypto). Versioned
  // like the HMAC secret: previous keys stay readable during a rotation.
  ACCOUNT_SECRET_KEY: secret('ACCOUNT_SECRET_KEY', 32),
  ACCOUNT_SECRET_KEY_VERSION: intFrom(1, 999_999_999).default(1),
  ACCOUNT_SECRET_PREVIOUS_KEYS: previousSecrets('ACCOUNT_SECRET_PREVIOUS_KEYS'),
  STICKY_SESSION_TTL_HOURS: z.coerce.number().positive('STICKY_SESSION_TTL_HOURS must be positive').max(720).default(1),
  STICKY_SESSION_RENEWAL_THRESHOLD_MINUTES: z.coerce.number().min(0).max(43_200).default(15),
  // Remembered account selections for sessions (dropped on any relevant change): 0 disables.
  SELECTION_CACHE_TTL_MS: intFrom(0, 300_000).default(30_000),
  SELECTION_CACHE_MAX_ENTRIES: intFrom(0, 10_000_000).default(100_000),
  TIME_ZONE: z.string().refine(isTimeZone, 'TIME_ZONE must be an IANA time zone name (e.g. Asia/Shanghai, UTC)').default('Asia/Shanghai'),
  MAINTENANCE_INTERVAL_SECONDS: intFrom(0, 86_400).default(60),
  CONCURRENCY_LEASE_TTL_SECONDS: intFrom(1, 86_400).default(600),
  // The usage recorder (group commit): concurrent requests share one api.record_usage call.
  USAGE_BATCH_MAX_EVENTS: intFrom(1, 5_000).default(256),
  USAGE_FLUSH_LINGER_MS: intFrom(0, 10_000).default(0),
  USAGE_FLUSH_CONCURRENCY: intFrom(1, 64).default(2),
  USAGE_BUFFER_MAX_EVENTS: intFrom(1, 10_000_000).default(10_000),
  USAGE_RETRY_FOR_MS: intFrom(0, 3_600_000).default(60_000),
  CRS_ENCRYPTION_KEY: z.string().optional().transform((v) => (v === '' ? undefined : v)),
  // CRS's config.security.azureOpenaiSalt, if that installation set one (import only).
  CRS_AZURE_OPENAI_SALT: z.string().optional().transform((v) => (v === '' ? undefined : v)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AUTH_CACHE_L1_TTL_MS: intFrom(0, 600_000).default(15_000),
  AUTH_CACHE_L1_MAX_ENTRIES: intFrom(0, 10_000_000).default(50_000),
  AUTH_CACHE_REDIS_TTL_SECONDS: intFrom(0, 86_400).default(120),
  AUTH_CACHE_NEGATIVE_TTL_SECONDS: intFrom(0, 3_600).default(10),
  LAST_USED_FLUSH_INTERVAL_MS: intFrom(100, 3_600_000).default(10_000),
  MIGRATIONS_DIR: z.string().min(1).default('db/migrations/committed'),
});

export type Config = z.output<typeof serviceSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const variable = issue.path.join('.');
    // Messages written above already name the variable; zod's defaults do not.
    return issue.message.includes(variable) ? issue.message : `${variable}: ${issue.message}`;
  });
}

function versionProblem(name: string, previous: { version: number }[], currentName: string, current: number): string | undefined {
  const versions = previous.map((p) => p.version);
  if (versions.includes(current) || new Set(versions).size !== versions.length) {
    return `${name}: each version must be unique and differ from ${currentName}`;
  }
  return undefined;
}

type KeyringSettings = Pick<Config, 'ACCOUNT_SECRET_KEY' | 'ACCOUNT_SECRET_KEY_VERSION' | 'ACCOUNT_SECRET_PREVIOUS_KEYS'>;

/** The account-secret key ring in the shape the SQL functions take: {"current": v, "keys": {"v": key}}. */
export function accountKeyring(config: KeyringSettings): Keyring {
  const keys: Record<string, string> = {};
  for (const previous of config.ACCOUNT_SECRET_PREVIOUS_KEYS) keys[String(previous.version)] = previous.secret;
  keys[String(config.ACCOUNT_SECRET_KEY_VERSION)] = config.ACCOUNT_SECRET_KEY;
  return { current: config.ACCOUNT_SECRET_KEY_VERSION, keys };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = serviceSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error));
  const problems = [
    versionProblem('API_KEY_HMAC_PREVIOUS_SECRETS', parsed.data.API_KEY_HMAC_PREVIOUS_SECRETS, 'API_KEY_HMAC_SECRET_VERSION', parsed.data.API_KEY_HMAC_SECRET_VERSION),
    versionProblem('ACCOUNT_SECRET_PREVIOUS_KEYS', parsed.data.ACCOUNT_SECRET_PREVIOUS_KEYS, 'ACCOUNT_SECRET_KEY_VERSION', parsed.data.ACCOUNT_SECRET_KEY_VERSION),
  ].filter((problem) => problem !== undefined);
  if (problems.length > 0) throw new ConfigError(problems);
  return parsed.data;
}

// Settings of `relaypg import-crs` for the account domain: CRS's key decrypts
// the account secrets, relaypg's key ring encrypts them again.
const importSchema = serviceSchema
  .pick({ ACCOUNT_SECRET_KEY_VERSION: true, ACCOUNT_SECRET_PREVIOUS_KEYS: true, TIME_ZONE: true, CRS_ENCRYPTION_KEY: true, CRS_AZURE_OPENAI_SALT: true })
  .extend({ ACCOUNT_SECRET_KEY: secret('ACCOUNT_SECRET_KEY', 32).optional() });

/** The key ring of settings parsed on their own (outside loadConfig), its versions checked. */
function checkedKeyring(settings: KeyringSettings): Keyring {
  const problem = versionProblem('ACCOUNT_SECRET_PREVIOUS_KEYS', settings.ACCOUNT_SECRET_PREVIOUS_KEYS, 'ACCOUNT_SECRET_KEY_VERSION', settings.ACCOUNT_SECRET_KEY_VERSION);
  if (problem !== undefined) throw new ConfigError([problem]);
  return accountKeyring(settings);
}

export interface AccountImportConfig {
  crsEncryptionKey: string;
  azureOpenaiSalt?: string | undefined;
  keyring: Keyring;
  timeZone: string;
}

/** Undefined when neither key is set (the importer then refuses a Redis that holds accounts). */
export function loadAccountImportConfig(env: NodeJS.ProcessEnv = process.env): AccountImportConfig | undefined {
  const parsed = importSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error));
  const { ACCOUNT_SECRET_KEY, CRS_ENCRYPTION_KEY } = parsed.data;
  if (ACCOUNT_SECRET_KEY === undefined && CRS_ENCRYPTION_KEY === undefined) return undefined;
  if (ACCOUNT_SECRET_KEY === undefined) throw new ConfigError(['ACCOUNT_SECRET_KEY is required to import CRS accounts (it encrypts their secrets)']);
  if (CRS_ENCRYPTION_KEY === undefined) throw new ConfigError(["CRS_ENCRYPTION_KEY (CRS's ENCRYPTION_KEY) is required to import CRS accounts (it decrypts their secrets)"]);
  return {
    crsEncryptionKey: CRS_ENCRYPTION_KEY,
    azureOpenaiSalt: parsed.data.CRS_AZURE_OPENAI_SALT,
    keyring: checkedKeyring({ ...parsed.data, ACCOUNT_SECRET_KEY }),
    timeZone: parsed.data.TIME_ZONE,
  };
}

// Settings of the database-only commands (`relaypg maintenance`, `relaypg rotate-account-secrets`).
const commandSchema = serviceSchema.pick({
  APP_DATABASE_URL: true,
  ACCOUNT_SECRET_KEY_VERSION: true,
  ACCOUNT_SECRET_PREVIOUS_KEYS: true,
});

export function loadCommandConfig(env: NodeJS.ProcessEnv = process.env, options: { keyring: boolean }): {
  databaseUrl: string;
  keyring: Keyring | undefined;
} {
  const schema = options.keyring ? commandSchema.extend({ ACCOUNT_SECRET_KEY: secret('ACCOUNT_SECRET_KEY', 32) }) : commandSchema;
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error));
  const data = parsed.data as z.output<typeof commandSchema> & { ACCOUNT_SECRET_KEY?: string };
  if (!options.keyring || data.ACCOUNT_SECRET_KEY === undefined) return { databaseUrl: data.APP_DATABASE_URL, keyring: undefined };
  return { databaseUrl: data.APP_DATABASE_URL, keyring: checkedKeyring({ ...data, ACCOUNT_SECRET_KEY: data.ACCOUNT_SECRET_KEY }) };
}

// Settings of `relaypg db setup` (superuser bootstrap + migrations).
const setupSchema = z.object({
  ROOT_DATABASE_URL: urlWithScheme('ROOT_DATABASE_URL', ['postgres', 'postgresql']),
  DATABASE_URL: urlWithScheme('DATABASE_URL', ['postgres', 'postgresql']),
  DATABASE_OWNER: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'DATABASE_OWNER must be a lowercase SQL identifier').default('relaypg_owner'),
  DATABASE_OWNER_PASSWORD: z.string().min(1, 'DATABASE_OWNER_PASSWORD is required'),
  DATABASE_APP_USER: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'DATABASE_APP_USER must be a lowercase SQL identifier').default('relaypg_app'),
  DATABASE_APP_PASSWORD: z.string().min(1, 'DATABASE_APP_PASSWORD is required'),
});

export type SetupConfig = z.output<typeof setupSchema> & { databaseName: string };

export function loadSetupConfig(env: NodeJS.ProcessEnv = process.env): SetupConfig {
  const parsed = setupSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error));
  const databaseName = decodeURIComponent(new URL(parsed.data.DATABASE_URL).pathname.replace(/^\//, ''));
  const problems: string[] = [];
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(databaseName)) problems.push('DATABASE_URL must name a database with a lowercase SQL identifier');
  const owner = decodeURIComponent(new URL(parsed.data.DATABASE_URL).username);
  if (owner !== parsed.data.DATABASE_OWNER) problems.push(`DATABASE_URL must connect as DATABASE_OWNER (${parsed.data.DATABASE_OWNER}), not "${owner}"`);
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...parsed.data, databaseName };
}
