// The account service: thin orchestration over the generated query functions.
// The database validates, encrypts and interprets state (api.* functions);
// this module passes the key ring in, maps rows, and keeps decrypted
// credentials of selected accounts in process memory only, dropped as soon as
// the account changes (NOTIFY relaypg_account_changed).
import type pg from 'pg';
import type { ChangeSubscriber } from '../change-listener.js';
import { preparedConnection, type Queryable } from '../db.js';
import { AppError, mapDbErrors, serviceErrors } from '../errors.js';
import { accountFromRow, type Account, type AccountKind, type AccountPlatform } from './account.js';
import { toSqlAccountInput, type AccountSettings, type CreateAccountInput } from './account-settings.js';
import {
  accountCredentials,
  accountSecretVersions,
  countAccounts,
  createAccount,
  deleteAccount,
  getAccount,
  listAccounts,
  markAccountBlocked,
  markAccountOverloaded,
  markAccountQuotaExceeded,
  markAccountRateLimited,
  pauseAccount,
  recordAccountServerError,
  recordSessionWindow,
  recordTokenRefresh,
  recordTokenRefreshFailure,
  resetAccountState,
  resumeAccount,
  rotateAccountSecrets,
  updateAccount,
  type Json,
} from './accounts.queries.js';

/** NOTIFY channel of the accounts triggers: {id, version} of a changed account. */
export const ACCOUNT_CHANGED_CHANNEL = 'relaypg_account_changed';

export interface Keyring {
  current: number;
  keys: Record<string, string>;
}

export interface AccountCredentials {
  accountId: string;
  kind: AccountKind;
  /** The account's version these credentials were read at. */
  version: number;
  /** Decrypted secrets by name (accessToken, apiKey, awsCredentials, ...). */
  secrets: Record<string, unknown>;
  /** The proxy with its password, or null. */
  proxy: Record<string, unknown> | null;
  options: Record<string, unknown>;
}

export interface AccountListFilter {
  platform?: AccountPlatform | undefined;
  kind?: AccountKind | undefined;
  groupId?: string | undefined;
  limit: number;
  offset: number;
}

export interface ServerErrorPolicy {
  /** More than this many 5xx ... */
  threshold: number;
  /** ... within this many seconds ... */
  windowSeconds: number;
  /** ... make the account unavailable for this many seconds. */
  recoverySeconds: number;
}

export interface AccountServiceDeps {
  pool: pg.Pool;
  keyring: Keyring;
  timeZone: string;
  serverErrors?: ServerErrorPolicy;
  /** How long a failed token refresh keeps the account out before it is retried. */
  refreshRetrySeconds?: number;
  /** Called after every write to an account (before its NOTIFY is delivered), e.g. to drop remembered selections. */
  onAccountChanged?: (accountId: string) => void;
}

const asObject = (value: Json | null): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

export class AccountService {
  private readonly db: Queryable;
  private readonly credentialCache = new Map<string, AccountCredentials>();
  /** The newest version announced per account: older credentials are never cached. */
  private readonly announced = new Map<string, number>();
  private readonly serverErrors: ServerErrorPolicy;

  constructor(private readonly deps: AccountServiceDeps) {
    this.db = preparedConnection(deps.pool);
    this.serverErrors = deps.serverErrors ?? { threshold: 3, windowSeconds: 300, recoverySeconds: 300 };
  }

  async create(input: CreateAccountInput): Promise<Account> {
    const { kind, ...rest } = input;
    const { settings, secrets } = toSqlAccountInput(rest);
    const [row] = await mapDbErrors(() => createAccount.run({ kind, settings: settings as Json, secrets: secrets as Json, keyring: this.keyring }, this.db));
    return accountFromRow(row!);
  }

  async get(id: string): Promise<Account> {
    const [row] = await mapDbErrors(() => getAccount.run({ id }, this.db));
    return accountFromRow(row!);
  }

  async list(filter: AccountListFilter): Promise<{ items: Account[]; total: number }> {
    const where = { platform: filter.platform ?? null, kind: filter.kind ?? null, groupId: filter.groupId ?? null };
    const [rows, [count]] = await mapDbErrors(() =>
      Promise.all([listAccounts.run({ ...where, limit: filter.limit, offset: filter.offset }, this.db), countAccounts.run(where, this.db)]),
    );
    return { items: rows.map(accountFromRow), total: Number(count!.total) };
  }

  async update(id: string, changes: AccountSettings): Promise<Account> {
    const { settings, secrets } = toSqlAccountInput(changes);
    return this.one(() => updateAccount.run({ id, changes: settings as Json, secrets: secrets as Json, keyring: this.keyring }, this.db));
  }

  /** Deletes an account; refused (ACBND) while keys are bound to it unless unbindKeys. Returns how many keys were unbound. */
  async delete(id: string, options: { unbindKeys: boolean }): Promise<number> {
    const [row] = await mapDbErrors(() => deleteAccount.run({ id, unbindKeys: options.unbindKeys }, this.db));
    this.deps.onAccountChanged?.(id);
    return row!.unboundKeys;
  }

  pause(id: string): Promise<Account> {
    return this.one(() => pauseAccount.run({ id }, this.db));
  }

  resume(id: string): Promise<Account> {
    return this.one(() => resumeAccount.run({ id }, this.db));
  }

  /** Clears every automatic state (an admin pause stays). */
  resetState(id: string): Promise<Account> {
    return this.one(() => resetAccountState.run({ id }, this.db));
  }

  /** Upstream 429; resetAt from the upstream's reset header when it sent one. */
  markRateLimited(id: string, resetAt: Date | null = null): Promise<Account> {
    return this.one(() => markAccountRateLimited.run({ id, resetAt }, this.db));
  }

  /** Upstream 529. */
  markOverloaded(id: string, minutes = 10): Promise<Account> {
    return this.one(() => markAccountOverloaded.run({ id, minutes }, this.db));
  }

  /** Upstream 5xx: too many in the window make the account rest for a while. */
  recordServerError(id: string): Promise<Account> {
    const policy = this.serverErrors;
    return this.one(() =>
      recordAccountServerError.run(
        { id, threshold: policy.threshold, windowSeconds: policy.windowSeconds, recoverySeconds: policy.recoverySeconds },
        this.db,
      ),
    );
  }

  /** Upstream 401 (unauthorized) or 403 (blocked): out until an admin resets it. */
  markBlocked(id: string, reason: 'unauthorized' | 'blocked', message: string): Promise<Account> {
    return this.one(() => markAccountBlocked.run({ id, reason, message }, this.db));
  }

  recordTokenRefresh(
    id: string,
    refresh: { expiresAt: Date; tokens: { accessToken: string; refreshToken?: string }; subscriptionPlan?: 'max' | 'pro' | 'free' },
  ): Promise<Account> {
    return this.one(() =>
      recordTokenRefresh.run(
        { id, expiresAt: refresh.expiresAt, tokens: refresh.tokens as Json, keyring: this.keyring, subscriptionPlan: refresh.subscriptionPlan ?? null },
        this.db,
      ),
    );
  }

  recordTokenRefreshFailure(id: string, message: string): Promise<Account> {
    const retryAfterSeconds = this.deps.refreshRetrySeconds ?? 600;
    return this.one(() => recordTokenRefreshFailure.run({ id, message, retryAfterSeconds }, this.db));
  }

  /** The upstream's 5-hour window status header (anthropic-ratelimit-unified-5h-status), or null. */
  recordSessionWindow(id: string, status: 'allowed' | 'allowed_warning' | 'rejected' | null): Promise<Account> {
    return this.one(() => recordSessionWindow.run({ id, status }, this.db));
  }

  markQuotaExceeded(id: string): Promise<Account> {
    return this.one(() => markAccountQuotaExceeded.run({ id, timeZone: this.deps.timeZone }, this.db));
  }

  /**
   * Decrypted credentials of an account the relay selected. Held in process
   * memory until the account changes; minVersion (the version the selection
   * saw) forces a fresh read when the held copy is older.
   */
  async credentials(id: string, minVersion = 0): Promise<AccountCredentials> {
    const held = this.credentialCache.get(id);
    if (held !== undefined && held.version >= minVersion) return held;
    const [row] = await mapDbErrors(() => accountCredentials.run({ id, keyring: this.keyring }, this.db));
    if (row === undefined || row.account_id === null) throw new AppError(serviceErrors.internal);
    const credentials: AccountCredentials = {
      accountId: row.account_id,
      kind: row.kind as AccountKind,
      version: Number(row.version),
      secrets: asObject(row.secrets),
      proxy: row.proxy === null ? null : asObject(row.proxy),
      options: asObject(row.options),
    };
    if (credentials.version >= (this.announced.get(id) ?? 0)) this.credentialCache.set(id, credentials);
    return credentials;
  }

  /** How many credentials are held in memory (for tests and health). */
  get heldCredentials(): number {
    return this.credentialCache.size;
  }

  /**
   * Re-encrypts every secret still under an older key version with the
   * current one, in batches (each its own transaction, so reads never wait
   * long). Rows busy in another transaction are skipped by a batch and tried
   * again until none is left (or maxWaitMs passes: then it fails, saying how
   * many remain). Returns how many blobs were re-encrypted.
   */
  async rotateSecrets(batchSize = 100, onProgress?: (done: number) => void, maxWaitMs = 30_000): Promise<number> {
    let total = 0;
    let waitedSince: number | undefined;
    for (;;) {
      const [row] = await mapDbErrors(() => rotateAccountSecrets.run({ keyring: this.keyring, batchSize }, this.db));
      const rotated = row?.rotated ?? 0;
      if (rotated > 0) {
        total += rotated;
        waitedSince = undefined;
        onProgress?.(total);
        continue;
      }
      const remaining = (await this.secretVersions())
        .filter((v) => v.keyVersion !== this.deps.keyring.current)
        .reduce((sum, v) => sum + v.count, 0);
      if (remaining === 0) return total;
      waitedSince ??= Date.now();
      if (Date.now() - waitedSince > maxWaitMs) {
        throw new Error(`${remaining} secret(s) are still under an older key: their rows stayed busy for ${maxWaitMs / 1000} s; run the rotation again`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** How many secret blobs each key version encrypts. */
  async secretVersions(): Promise<{ keyVersion: number; count: number }[]> {
    const rows = await mapDbErrors(() => accountSecretVersions.run(undefined, this.db));
    return rows.map((row) => ({ keyVersion: row.keyVersion, count: Number(row.accounts) }));
  }

  /** Keeps the credential cache in step with relaypg_account_changed notices. */
  get changeSubscriber(): ChangeSubscriber {
    return {
      channel: ACCOUNT_CHANGED_CHANNEL,
      changed: (id, version) => {
        this.announced.set(id, Math.max(version, this.announced.get(id) ?? 0));
        this.credentialCache.delete(id);
      },
      forgetAll: () => this.credentialCache.clear(),
    };
  }

  private get keyring(): Json {
    return this.deps.keyring as unknown as Json;
  }

  /** A write that returns the account: mapped, and announced to this process at once. */
  private async one(call: () => Promise<Parameters<typeof accountFromRow>[0][]>): Promise<Account> {
    const [row] = await mapDbErrors(call);
    const account = accountFromRow(row!);
    this.deps.onAccountChanged?.(account.id);
    return account;
  }
}
