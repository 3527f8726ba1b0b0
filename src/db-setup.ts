// `relaypg db setup`: the superuser's part (roles, database), then migrations
// as the owner role. Idempotent: re-running changes nothing but passwords.
import { migrate } from 'graphile-migrate';
// Not re-exported by the package (pinned at 1.4.1): see the call below.
import { clearAllPools } from 'graphile-migrate/dist/pgReal.js';
import pg from 'pg';
import type { SetupConfig } from './config.js';
import type { Logger } from './logger.js';
import { createPool } from './db.js';
import { MAINTENANCE_JOB } from './maintenance/maintenance.js';
import { DEFAULT_PRICING_FILE, PricingService } from './pricing/pricing.js';
import { migrationsFolder } from './paths.js';

export interface SetupOptions {
  /** Drop and recreate the database first (tests; destroys data). */
  reset?: boolean;
  /**
   * Schedule maintenance in pg_cron when it is installed (default true). Off
   * for template databases: a job connecting to a template every minute would
   * make CREATE DATABASE ... TEMPLATE fail while it runs.
   */
  schedule?: boolean;
}

/** What pg_cron runs, every minute, in the app database. */
const MAINTENANCE_SCHEDULE = '* * * * *';
const MAINTENANCE_COMMAND = 'select api.run_maintenance()';

/** pg_cron job names are per cluster: one job per database. */
const cronJobName = (databaseName: string) => `${MAINTENANCE_JOB}@${databaseName}`;

async function ensureRole(root: pg.Client, name: string, password: string, log: Logger): Promise<void> {
  const { rowCount } = await root.query('select 1 from pg_roles where rolname = $1', [name]);
  const verb = rowCount === 0 ? 'create' : 'alter';
  // format() quotes the identifier and the password literal server-side.
  const { rows } = await root.query<{ sql: string }>(`select format('${verb} role %I with login noinherit password %L', $1::text, $2::text) as sql`, [name, password]);
  await root.query(rows[0]!.sql);
  log.info(`db setup: role ${name} ${verb === 'create' ? 'created' : 'up to date'}`);
}

export function graphileMigrateSettings(config: SetupConfig) {
  return {
    connectionString: config.DATABASE_URL,
    rootConnectionString: config.ROOT_DATABASE_URL,
    migrationsFolder,
    placeholders: { ':DATABASE_OWNER': config.DATABASE_OWNER, ':DATABASE_APP_USER': config.DATABASE_APP_USER },
    pgSettings: { search_path: 'pg_catalog' },
  };
}

export async function setupDatabase(config: SetupConfig, log: Logger, options: SetupOptions = {}): Promise<void> {
  const root = new pg.Client({ connectionString: config.ROOT_DATABASE_URL, application_name: 'relaypg-setup' });
  await root.connect();
  try {
    await ensureRole(root, config.DATABASE_OWNER, config.DATABASE_OWNER_PASSWORD, log);
    await ensureRole(root, config.DATABASE_APP_USER, config.DATABASE_APP_PASSWORD, log);
    // The service passes the account key ring and credentials as bind
    // parameters: PostgreSQL must never write them to its log, whatever
    // statement logging a DBA turns on.
    for (const setting of ['log_parameter_max_length', 'log_parameter_max_length_on_error']) {
      await root.query(`alter role ${pg.escapeIdentifier(config.DATABASE_APP_USER)} set ${setting} = 0`);
    }
    const quoted = pg.escapeIdentifier(config.databaseName);
    if (options.reset) {
      await unscheduleMaintenance(root, config, log);
      await root.query(`drop database if exists ${quoted} with (force)`);
      log.info(`db setup: dropped database ${config.databaseName}`);
    }
    const { rowCount } = await root.query('select 1 from pg_database where datname = $1', [config.databaseName]);
    if (rowCount === 0) {
      await root.query(`create database ${quoted} owner ${pg.escapeIdentifier(config.DATABASE_OWNER)}`);
      await root.query(`revoke all on database ${quoted} from public`);
      log.info(`db setup: created database ${config.databaseName}`);
    }
    await root.query(`grant connect on database ${quoted} to ${pg.escapeIdentifier(config.DATABASE_APP_USER)}`);
  } finally {
    await root.end();
  }
  await migrate(graphileMigrateSettings(config));
  // graphile-migrate keeps its pools 200 ms after use, and exits the process
  // if one of their idle connections is terminated (e.g. a later reset drops
  // the database): close them now.
  clearAllPools();
  log.info('db setup: migrations up to date');
  await loadDefaultPrices(config, log);
  if (options.schedule ?? true) await scheduleMaintenance(config, log);
}

/** A database without prices gets the pricing file relaypg ships (`relaypg load-prices` loads a newer one). */
async function loadDefaultPrices(config: SetupConfig, log: Logger): Promise<void> {
  const owner = createPool(config.DATABASE_URL, 1, 'relaypg-setup');
  try {
    const { rows } = await owner.query<{ n: number }>('select count(*)::int as n from relaypg.model_prices');
    if (rows[0]!.n > 0) return;
    const models = await new PricingService(owner).loadFile(DEFAULT_PRICING_FILE);
    log.info(`db setup: loaded ${models} model prices from the default pricing file`);
  } finally {
    await owner.end();
  }
}

/** The root URL pointed at another database of the same cluster. */
function rootUrlFor(config: SetupConfig, database: string): string {
  const url = new URL(config.ROOT_DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function pgCronInstalled(root: pg.Client): Promise<boolean> {
  const { rows } = await root.query<{ installed: boolean }>("select exists (select from pg_extension where extname = 'pg_cron') as installed");
  return rows[0]!.installed;
}

async function unscheduleMaintenance(root: pg.Client, config: SetupConfig, log: Logger): Promise<void> {
  if (!(await pgCronInstalled(root))) return;
  const { rowCount } = await root.query('select cron.unschedule(jobid) from cron.job where jobname = $1', [cronJobName(config.databaseName)]);
  if (rowCount) log.info(`db setup: removed pg_cron job ${cronJobName(config.databaseName)}`);
}

/**
 * pg_cron lives in the root database (cron.database_name = postgres); it runs
 * api.run_maintenance in the app database as the owner role. Where pg_cron is
 * absent, nothing is recorded and every service instance runs the same
 * function on a timer (see Maintenance).
 */
async function scheduleMaintenance(config: SetupConfig, log: Logger): Promise<void> {
  const root = new pg.Client({ connectionString: config.ROOT_DATABASE_URL, application_name: 'relaypg-setup' });
  const app = new pg.Client({ connectionString: rootUrlFor(config, config.databaseName), application_name: 'relaypg-setup' });
  await root.connect();
  await app.connect();
  try {
    if (!(await pgCronInstalled(root))) {
      await app.query('select relaypg.forget_scheduled_job($1)', [MAINTENANCE_JOB]);
      log.info('db setup: pg_cron is not installed in the root database; the service will run maintenance on a timer');
      return;
    }
    await root.query('select cron.schedule_in_database($1, $2, $3, $4, $5)', [
      cronJobName(config.databaseName),
      MAINTENANCE_SCHEDULE,
      MAINTENANCE_COMMAND,
      config.databaseName,
      config.DATABASE_OWNER,
    ]);
    await app.query('select relaypg.record_scheduled_job($1, $2)', [MAINTENANCE_JOB, MAINTENANCE_SCHEDULE]);
    log.info(`db setup: pg_cron runs maintenance every minute (job ${cronJobName(config.databaseName)})`);
  } finally {
    await app.end();
    await root.end();
  }
}
