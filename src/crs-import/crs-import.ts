// Imports a live CRS Redis: users (key owners), every apikey:{id} hash, and
// apikey:hash_map, which is checked against the keys (CRS keeps old digests
// there and still accepts them; relaypg does not); then the account domain
// (crs-accounts.ts): accounts, groups, sticky sessions, OAuth authorisations.
// The mapping of every field is SQL (api.import_crs_*); this module reads
// Redis, runs each record under a savepoint and reports what happened.
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { preparedConnection } from '../db.js';
import { ImportSetupError } from './import-errors.js';
import { findAccountKeys, importAccountsDomain, scanKeys, type AccountsImportSettings, type Action } from './crs-accounts.js';
import { checkCrsApiKeyIndex, importCrsApiKey, importCrsUser, listCrsImportNotes } from './crs-import.queries.js';
import { findUsageKeys, importUsageDomain } from './crs-usage.js';

export type Outcome = 'inserted' | 'updated' | 'unchanged';

export interface Refusal {
  redisKey: string;
  field: string | null;
  reason: string;
}

export interface DomainReport {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Read but deliberately not imported (e.g. a sticky mapping to an unknown account); see notes. */
  skipped: number;
  refused: Refusal[];
}

export interface IndexEntry {
  digestPrefix: string;
  keyId: string;
}

export interface ImportReport {
  dryRun: boolean;
  users: DomainReport;
  apiKeys: DomainReport;
  hashMap: { current: number; stale: IndexEntry[]; orphan: IndexEntry[]; unindexed: IndexEntry[] };
  /** Keys read but deliberately not imported, with why. */
  ignored: { redisKey: string; reason: string }[];
  /** Keys imported with a change CRS did not have (disabled, owner-less), with why. */
  notes: { keyId: string; note: string }[];
  accounts: DomainReport;
  groups: DomainReport;
  stickySessions: DomainReport;
  oauthSessions: DomainReport;
  /** Account-domain records imported differently from CRS, or skipped, with why. */
  accountNotes: { redisKey: string; note: string }[];
  /** Key bindings naming no imported account or group. */
  danglingBindings: { apiKeyId: string; field: string; binding: string }[];
  /** CRS usage aggregates (skipped: keys relaypg derives from others). */
  usage: DomainReport;
  /** The instant the imported usage covers: events of imported keys that occurred before it are not recorded. */
  usageCutOff: string;
}

export type Phase = 'users' | 'apiKeys' | 'accounts' | 'groups' | 'stickySessions' | 'oauthSessions' | 'usage';

export interface ImportOptions {
  redis: Redis;
  pool: pg.Pool;
  dryRun?: boolean;
  /** Needed as soon as the Redis holds accounts or OAuth authorisations. */
  accounts?: AccountsImportSettings | undefined;
  onProgress?: (phase: Phase, done: number, total: number) => void;
}

export { ImportSetupError } from './import-errors.js';

function emptyDomain(read: number): DomainReport {
  return { read, inserted: 0, updated: 0, unchanged: 0, skipped: 0, refused: [] };
}

interface PgErrorFields {
  code?: string;
  column?: string;
  message?: string;
}

/** Runs one record's import under a savepoint so a refusal leaves the rest intact. */
async function importRecord(client: pg.PoolClient, report: DomainReport, redisKey: string, run: () => Promise<Outcome | Action>): Promise<void> {
  await client.query('savepoint crs_record');
  try {
    report[await run()] += 1;
    await client.query('release savepoint crs_record');
  } catch (error) {
    await client.query('rollback to savepoint crs_record');
    const { code, column, message } = error as PgErrorFields;
    // The record's fault: IMBAD (unusable CRS data), IMCNF (changed in relaypg),
    // data exceptions (22xxx, e.g. a NUL byte) and constraint violations (23xxx).
    // Anything else (connection lost, privileges) stops the import.
    if (!(code === 'IMBAD' || code === 'IMCNF' || code?.startsWith('22') || code?.startsWith('23'))) throw error;
    report.refused.push({ redisKey, field: column ?? null, reason: message ?? String(error) });
  }
}

async function readHashes(redis: Redis, keys: string[]): Promise<Map<string, Record<string, string>>> {
  const hashes = new Map<string, Record<string, string>>();
  for (let i = 0; i < keys.length; i += 500) {
    const slice = keys.slice(i, i + 500);
    const results = await slice.reduce((pipe, key) => pipe.hgetall(key), redis.pipeline()).exec();
    slice.forEach((key, j) => {
      const [error, value] = results![j]!;
      if (!error) hashes.set(key, value as Record<string, string>);
    });
  }
  return hashes;
}

export async function importFromCrs(options: ImportOptions): Promise<ImportReport> {
  const { redis, pool } = options;
  const ignored: ImportReport['ignored'] = [];

  const userKeys = (await scanKeys(redis, 'user:*')).filter((key) => /^user:[^:]+$/.test(key));
  const apiKeyKeys: string[] = [];
  for (const key of await scanKeys(redis, 'apikey:*')) {
    if (key === 'apikey:hash_map') continue;
    const type = await redis.type(key);
    if (type === 'hash') apiKeyKeys.push(key);
    else ignored.push({ redisKey: key, reason: `expected a hash, found ${type}` });
  }
  for (const key of await scanKeys(redis, 'apikey_hash:*')) {
    // The key name is a full digest: report only its prefix.
    ignored.push({ redisKey: `apikey_hash:${key.slice('apikey_hash:'.length, 'apikey_hash:'.length + 12)}…`, reason: 'legacy index written by CRS restoreApiKey; CRS never reads it for authentication' });
  }
  const hashMap = await redis.hgetall('apikey:hash_map');
  const keyHashes = await readHashes(redis, apiKeyKeys);
  const accountKeys = await findAccountKeys(redis);
  ignored.push(...accountKeys.ignored);
  const usageKeys = await findUsageKeys(redis);
  ignored.push(...usageKeys.ignored);
  if (usageKeys.minuteMetrics > 0) {
    ignored.push({ redisKey: `system:metrics:minute:* (${usageKeys.minuteMetrics} keys)`, reason: 'per-minute totals CRS never expires (a leak); relaypg reads recent traffic from its events' });
  }

  if (options.accounts === undefined && accountKeys.accounts.length + accountKeys.oauth.length > 0) {
    throw new ImportSetupError(
      `the CRS Redis holds ${accountKeys.accounts.length} account(s) and ${accountKeys.oauth.length} OAuth authorisation(s): set CRS_ENCRYPTION_KEY (CRS's ENCRYPTION_KEY, to decrypt them) and ACCOUNT_SECRET_KEY (relaypg's key, to encrypt them)`,
    );
  }

  const report: ImportReport = {
    dryRun: options.dryRun ?? false,
    users: emptyDomain(userKeys.length),
    apiKeys: emptyDomain(apiKeyKeys.length),
    hashMap: { current: 0, stale: [], orphan: [], unindexed: [] },
    ignored,
    notes: [],
    accounts: emptyDomain(accountKeys.accounts.length),
    groups: emptyDomain(accountKeys.groups.length),
    stickySessions: emptyDomain(accountKeys.sticky.length),
    oauthSessions: emptyDomain(accountKeys.oauth.length),
    accountNotes: [],
    danglingBindings: [],
    usage: emptyDomain(usageKeys.keys.length),
    usageCutOff: '',
  };

  const client = await pool.connect();
  const db = preparedConnection(client);
  let usageCutOff: Date;
  try {
    await client.query('begin');
    // The usage baseline covers CRS's traffic up to the start of the import,
    // on the database's clock (the one api.import_crs_usage checks against).
    usageCutOff = (await client.query<{ now: Date }>('select now() as now')).rows[0]!.now;
    report.usageCutOff = usageCutOff.toISOString();
    for (const [i, redisKey] of userKeys.entries()) {
      const raw = await redis.get(redisKey);
      await importRecord(client, report.users, redisKey, async () => {
        let document: unknown;
        try {
          document = JSON.parse(raw ?? '');
        } catch {
          throw Object.assign(new Error(`${redisKey} is not a JSON document`), { code: 'IMBAD', column: '(document)' });
        }
        const [row] = await importCrsUser.run({ redisKey, document: document as never }, db);
        return row!.outcome as Outcome;
      });
      options.onProgress?.('users', i + 1, userKeys.length);
    }
    for (const [i, redisKey] of apiKeyKeys.entries()) {
      const fields = keyHashes.get(redisKey);
      await importRecord(client, report.apiKeys, redisKey, async () => {
        if (fields === undefined) throw Object.assign(new Error(`${redisKey} vanished while reading`), { code: 'IMBAD' });
        // CRS authenticates a key only through apikey:hash_map.
        const inHashMap = hashMap[(fields.apiKey ?? '').toLowerCase()] === fields.id;
        const [row] = await importCrsApiKey.run({ redisKey, fields, inHashMap }, db);
        return row!.outcome as Outcome;
      });
      options.onProgress?.('apiKeys', i + 1, apiKeyKeys.length);
    }
    for (const entry of await checkCrsApiKeyIndex.run({ hashMap }, db)) {
      if (entry.verdict === 'current') report.hashMap.current += 1;
      else report.hashMap[entry.verdict as 'stale' | 'orphan' | 'unindexed'].push({ digestPrefix: entry.digestPrefix, keyId: entry.keyId });
    }
    const keyIds = apiKeyKeys.map((key) => key.slice('apikey:'.length)).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    report.notes = await listCrsImportNotes.run({ keyIds }, db);
    if (options.accounts !== undefined) {
      const accountNotes = await importAccountsDomain(
        redis,
        db,
        accountKeys,
        options.accounts,
        (domain, redisKey, run) => importRecord(client, report[domain], redisKey, run),
        (phase, done, total) => options.onProgress?.(phase, done, total),
      );
      report.accountNotes = accountNotes.notes;
      report.danglingBindings = accountNotes.danglingBindings;
    }
    await client.query(report.dryRun ? 'rollback' : 'commit');
    // Usage comes last, in transactions of its own (a batch of CRS keys each,
    // idempotent): a key's ledger rows stay locked only for its batch, not
    // for the whole import, so live traffic of imported keys goes on.
    await importUsageDomain(
      redis,
      db,
      usageKeys,
      usageCutOff,
      (redisKey, run) => importRecord(client, report.usage, redisKey, run),
      (done, total) => options.onProgress?.('usage', done, total),
      async (batch) => {
        await client.query('begin');
        await batch();
        await client.query(report.dryRun ? 'rollback' : 'commit');
      },
    );
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return report;
}

/** The report as lines a person reads (no digests beyond a 12-hex prefix, no secrets). */
export function formatReport(report: ImportReport): string[] {
  const lines: string[] = [];
  const domain = (label: string, d: DomainReport) => {
    lines.push(
      `${label}: read ${d.read}, inserted ${d.inserted}, updated ${d.updated}, unchanged ${d.unchanged}, ${d.skipped > 0 ? `skipped ${d.skipped}, ` : ''}refused ${d.refused.length}`,
    );
    for (const r of d.refused) lines.push(`  refused ${r.redisKey}${r.field ? ` (${r.field})` : ''}: ${r.reason}`);
  };
  domain('users', report.users);
  domain('api keys', report.apiKeys);
  domain('accounts', report.accounts);
  domain('account groups', report.groups);
  domain('sticky sessions', report.stickySessions);
  domain('OAuth authorisations', report.oauthSessions);
  domain('usage aggregates', report.usage);
  lines.push(`  usage cut-off ${report.usageCutOff}: events of imported keys that occurred before it are not recorded again`);
  for (const n of report.accountNotes) lines.push(`  note ${n.redisKey}: ${n.note}`);
  for (const b of report.danglingBindings) lines.push(`  note apikey:${b.apiKeyId}: ${b.field} names ${b.binding}, which was not imported`);
  const { hashMap } = report;
  lines.push(
    `apikey:hash_map: ${hashMap.current} current, ${hashMap.stale.length} stale refused, ${hashMap.orphan.length} orphan refused, ${hashMap.unindexed.length} keys missing from the map (imported disabled, see notes)`,
  );
  for (const e of hashMap.stale) {
    lines.push(`  refused digest ${e.digestPrefix}… -> apikey:${e.keyId}: stale (an old digest of a regenerated key; CRS still accepted it, relaypg does not)`);
  }
  for (const e of hashMap.orphan) lines.push(`  refused digest ${e.digestPrefix}… -> apikey:${e.keyId}: orphan (no such key)`);
  for (const n of report.notes) lines.push(`  note apikey:${n.keyId}: ${n.note}`);
  for (const i of report.ignored) lines.push(`  ignored ${i.redisKey}: ${i.reason}`);
  if (report.dryRun) lines.push('dry run: nothing was written');
  return lines;
}
