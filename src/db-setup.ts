// `relaypg db setup`: the superuser's part (roles, database), then migrations
// as the owner role. Idempotent: re-running changes nothing but passwords.
import { migrate } from 'graphile-migrate';
// Not re-exported by the package (pinned at 1.4.1): see the call below.
import { clearAllPools } from 'graphile-migrate/dist/pgReal.js';
import pg from 'pg';
import type { SetupConfig } from './config.js';
import type { Logger } from './logger.js';
import { migrationsFolder } from './paths.js';

export interface SetupOptions {
  /** Drop and recreate the database first (tests; destroys data). */
  reset?: boolean;
}

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
    const quoted = pg.escapeIdentifier(config.databaseName);
    if (options.reset) {
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
}
