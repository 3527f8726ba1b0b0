#!/usr/bin/env node
// relaypg's command line: serve, set up the database, import from CRS.
import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { Redis } from 'ioredis';
import { createApp } from './app.js';
import { AccountService } from './accounts/accounts.js';
import { ConfigError, loadAccountImportConfig, loadCommandConfig, loadConfig, loadSetupConfig } from './config.js';
import { ImportSetupError, importFromCrs, formatReport } from './crs-import/crs-import.js';
import { Maintenance } from './maintenance/maintenance.js';
import { AppError } from './errors.js';
import { DEFAULT_PRICING_FILE, PricingService } from './pricing/pricing.js';
import { createPool } from './db.js';
import { setupDatabase } from './db-setup.js';
import { createLogger } from './logger.js';
import { UsageService } from './usage/usage.js';

// A .env in the working directory fills in what the environment does not set.
if (existsSync('.env')) process.loadEnvFile('.env');

/** Prints a failure without a stack trace (set LOG_LEVEL=debug for one) and exits. */
function fail(error: unknown): never {
  if (error instanceof ConfigError || error instanceof ImportSetupError) {
    console.error(`relaypg: ${error.message}`);
    process.exit(2);
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`relaypg: ${message}`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) console.error(error.stack);
  process.exit(1);
}

const program = new Command()
  .name('relaypg')
  .description('PostgreSQL-first storage backend for Claude relay services (CRS-compatible).')
  .showHelpAfterError();

program
  .command('serve')
  .description('Run the HTTP service (health, admin API, key holder API). Configuration: see README.')
  .action(async () => {
    const config = loadConfig();
    const log = createLogger(config.LOG_LEVEL);
    const app = await createApp(config, log).catch((error: Error & { code?: string }) => {
      // Connection and authentication failures come from PostgreSQL: say which one.
      const fromPostgres = typeof error.code === 'string' && /^(E[A-Z]+|08...|28...|3D000)$/.test(error.code);
      const where = fromPostgres ? ` (PostgreSQL, APP_DATABASE_URL at ${new URL(config.APP_DATABASE_URL).host})` : '';
      throw new Error(`cannot start${where}: ${error.message}`);
    });
    const shutdown = async (signal: string) => {
      log.info({ signal }, 'shutting down');
      await app.close();
      process.exit(0);
    };
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));
    await app.server.listen({ host: config.HOST, port: config.PORT });
  });

const db = program.command('db').description('Database administration.');
db.command('setup')
  .description(
    'Create the owner and runtime roles and the database if missing (as ROOT_DATABASE_URL), apply committed migrations (as DATABASE_URL), then schedule maintenance in pg_cron where it is installed. Safe to re-run.',
  )
  .option('--reset', 'drop and recreate the database first (DESTROYS ITS DATA; for tests)')
  .option('--no-cron', 'do not schedule maintenance in pg_cron (for template databases; the service then runs it on a timer)')
  .action(async (options: { reset?: boolean; cron: boolean }) => {
    const config = loadSetupConfig();
    await setupDatabase(config, createLogger(process.env.LOG_LEVEL ?? 'info'), { reset: options.reset ?? false, schedule: options.cron });
  });

program
  .command('import-crs')
  .description(
    "Import a live CRS Redis into PostgreSQL: users, API keys (apikey:*, apikey:hash_map), accounts of every kind (secrets decrypted with CRS_ENCRYPTION_KEY, encrypted with ACCOUNT_SECRET_KEY), account groups, live sticky sessions and pending OAuth authorisations. Idempotent: running it again changes nothing. Reads Redis with SCAN; writes nothing to Redis.",
  )
  .requiredOption('--redis-url <url>', 'the CRS Redis, e.g. redis://127.0.0.1:6379/0')
  .option('--dry-run', 'report what would be imported, then roll back')
  .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
  .action(async (options: { redisUrl: string; dryRun?: boolean; format: 'text' | 'json' }) => {
    const databaseUrl = process.env.APP_DATABASE_URL;
    if (!databaseUrl) throw new ConfigError(['APP_DATABASE_URL is required']);
    const accounts = loadAccountImportConfig();
    if (!URL.canParse(options.redisUrl) || !/^rediss?:$/.test(new URL(options.redisUrl).protocol)) {
      throw new ConfigError(['--redis-url must be a URL like redis://host:6379/0']);
    }
    const redis = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    redis.on('error', () => undefined);
    await redis.connect().catch((error: Error) => {
      throw new Error(`cannot reach the CRS Redis at ${new URL(options.redisUrl).host}: ${error.message}`);
    });
    const pool = createPool(databaseUrl, 2, 'relaypg-import');
    await pool.query('select 1').catch(async (error: Error) => {
      redis.disconnect();
      await pool.end();
      throw new Error(`cannot reach PostgreSQL (APP_DATABASE_URL at ${new URL(databaseUrl).host}): ${error.message}`);
    });
    const bar = process.stderr.isTTY && options.format === 'text' ? new SingleBar({ format: ' {phase} [{bar}] {value}/{total}' }, Presets.shades_classic) : null;
    let phase = '';
    try {
      const report = await importFromCrs({
        redis,
        pool,
        dryRun: options.dryRun ?? false,
        accounts,
        onProgress: (current, done, total) => {
          if (bar === null) {
            if (done === total || done % 500 === 0) console.error(`import-crs: ${current} ${done}/${total}`);
            return;
          }
          if (current !== phase) {
            if (phase !== '') bar.stop();
            bar.start(total, 0, { phase: current });
            phase = current;
          }
          bar.update(done);
        },
      });
      bar?.stop();
      if (options.format === 'json') console.log(JSON.stringify(report, null, 2));
      else for (const line of formatReport(report)) console.log(line);
    } finally {
      bar?.stop();
      redis.disconnect();
      await pool.end();
    }
  });

/** A pool for a database-only command, failing with a readable message when PostgreSQL is unreachable. */
async function commandPool(databaseUrl: string, name: string) {
  const pool = createPool(databaseUrl, 2, name);
  await pool.query('select 1').catch(async (error: Error) => {
    await pool.end();
    throw new Error(`cannot reach PostgreSQL (APP_DATABASE_URL at ${new URL(databaseUrl).host}): ${error.message}`);
  });
  return pool;
}

program
  .command('maintenance')
  .description(
    'Run periodic maintenance once: purge expired sticky sessions, OAuth authorisations and concurrency leases; create usage partitions ahead and drop those past retention; roll recorded usage up. pg_cron runs it every minute where installed, else the service does; this is the same function, by hand.',
  )
  .action(async () => {
    const { databaseUrl } = loadCommandConfig(process.env, { keyring: false });
    const pool = await commandPool(databaseUrl, 'relaypg-maintenance');
    try {
      const run = await new Maintenance(pool, createLogger('silent')).runOnce();
      console.log(
        run.ran
          ? `maintenance: purged ${run.stickySessions} expired sticky session(s), ${run.oauthSessions} expired OAuth authorisation(s) and ${run.leases} expired lease(s); ` +
              `usage partitions: ${run.partitionsCreated} created, ${run.partitionsDropped} dropped; ${run.eventsRolledUp} event(s) rolled up`
          : 'maintenance: another run is in progress; nothing done',
      );
    } finally {
      await pool.end();
    }
  });

program
  .command('load-prices')
  .description(
    'Load model prices from a LiteLLM-format pricing file (model_prices_and_context_window.json, the file CRS ships), replacing the current ones. `db setup` loads the copy relaypg ships into an empty database.',
  )
  .option('--file <path>', 'the pricing file', DEFAULT_PRICING_FILE)
  .action(async (options: { file: string }) => {
    const { databaseUrl } = loadCommandConfig(process.env, { keyring: false });
    const pool = await commandPool(databaseUrl, 'relaypg-load-prices');
    try {
      const models = await new PricingService(pool).loadFile(options.file).catch((error: unknown) => {
        throw error instanceof AppError && error.status === 400 ? new ConfigError([error.message]) : error;
      });
      console.log(`load-prices: ${models} model prices loaded from ${options.file}`);
    } finally {
      await pool.end();
    }
  });

/** `table=interval` pairs of --retention ('forever' keeps every partition). */
function retentionSettings(values: string[]): [string, string | null][] {
  return values.map((value) => {
    const match = /^([a-z_]+)=(forever|\d+ (?:days?|months?|years?))$/.exec(value.trim());
    if (!match) throw new ConfigError([`--retention ${value}: expected TABLE=N days|months|years or TABLE=forever (e.g. usage_events=90 days)`]);
    return [match[1]!, match[2] === 'forever' ? null : match[2]!];
  });
}

program
  .command('partitions')
  .description(
    'Show the partitioned usage tables (events, hourly, daily and monthly rollups) with their retention, set a retention, and keep the partitions now: create them ahead (from --from for history) and drop those past retention. Maintenance does the same every minute.',
  )
  .option('--retention <table=interval...>', 'set how long a table keeps its partitions, e.g. usage_events=90 days, usage_rollups_monthly=forever')
  .option('--from <instant>', 'also create partitions from this instant (ISO 8601), e.g. before replaying or importing history')
  .action(async (options: { retention?: string[]; from?: string }) => {
    const settings = retentionSettings(options.retention ?? []);
    const from = options.from === undefined ? null : new Date(options.from);
    if (from !== null && Number.isNaN(from.getTime())) throw new ConfigError([`--from ${options.from}: expected an ISO 8601 instant`]);
    const { databaseUrl } = loadCommandConfig(process.env, { keyring: false });
    const pool = await commandPool(databaseUrl, 'relaypg-partitions');
    try {
      const usage = new UsageService(pool);
      for (const [table, retention] of settings) {
        await usage.setRetention(table, retention).catch((error: unknown) => {
          throw error instanceof AppError && error.status === 400 ? new ConfigError([`--retention ${table}: ${error.message}`]) : error;
        });
      }
      for (const change of await usage.maintainPartitions(new Date(), from)) console.log(`partitions: ${change.action} ${change.partitionName}`);
      for (const policy of await usage.partitionPolicies()) {
        const range = policy.oldestFrom && policy.newestTo ? `${policy.oldestFrom.toISOString().slice(0, 10)} to ${policy.newestTo.toISOString().slice(0, 10)}` : 'none';
        console.log(
          `${policy.tableName}: ${policy.partitions} ${policy.step} partition(s) (${range}), retention ${policy.retention ?? 'forever'}, ${policy.defaultRows} row(s) in the default partition`,
        );
      }
    } finally {
      await pool.end();
    }
  });

program
  .command('rotate-account-secrets')
  .description(
    'Re-encrypt every account secret under ACCOUNT_SECRET_KEY (version ACCOUNT_SECRET_KEY_VERSION), reading old ones with ACCOUNT_SECRET_PREVIOUS_KEYS. Runs in small batches while the service keeps serving; safe to interrupt and re-run.',
  )
  .option('--batch-size <n>', 'secrets re-encrypted per transaction', '100')
  .action(async (options: { batchSize: string }) => {
    const batchSize = Number(options.batchSize);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new ConfigError(['--batch-size must be an integer from 1 to 10000']);
    const { databaseUrl, keyring } = loadCommandConfig(process.env, { keyring: true });
    const pool = await commandPool(databaseUrl, 'relaypg-rotate');
    try {
      const accounts = new AccountService({ pool, keyring: keyring!, timeZone: 'UTC' });
      const total = await accounts.rotateSecrets(batchSize, (done) => console.error(`rotate-account-secrets: ${done} re-encrypted`));
      const versions = await accounts.secretVersions();
      console.log(`rotate-account-secrets: ${total} secret blob(s) re-encrypted; now ${versions.map((v) => `${v.count} under v${v.keyVersion}`).join(', ') || 'no secrets stored'}`);
    } finally {
      await pool.end();
    }
  });

program.parseAsync().catch(fail);
