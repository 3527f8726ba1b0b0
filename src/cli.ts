#!/usr/bin/env node
// relaypg's command line: serve, set up the database, import from CRS.
import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { Redis } from 'ioredis';
import { createApp } from './app.js';
import { ConfigError, loadConfig, loadSetupConfig } from './config.js';
import { importFromCrs, formatReport } from './crs-import/crs-import.js';
import { createPool } from './db.js';
import { setupDatabase } from './db-setup.js';
import { createLogger } from './logger.js';

// A .env in the working directory fills in what the environment does not set.
if (existsSync('.env')) process.loadEnvFile('.env');

/** Prints a failure without a stack trace (set LOG_LEVEL=debug for one) and exits. */
function fail(error: unknown): never {
  if (error instanceof ConfigError) {
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
    'Create the owner and runtime roles and the database if missing (as ROOT_DATABASE_URL), then apply committed migrations (as DATABASE_URL). Safe to re-run.',
  )
  .option('--reset', 'drop and recreate the database first (DESTROYS ITS DATA; for tests)')
  .action(async (options: { reset?: boolean }) => {
    const config = loadSetupConfig();
    await setupDatabase(config, createLogger(process.env.LOG_LEVEL ?? 'info'), { reset: options.reset ?? false });
  });

program
  .command('import-crs')
  .description(
    "Import CRS's API-key domain (user:*, apikey:*, apikey:hash_map) from a live CRS Redis into PostgreSQL. Idempotent: running it again changes nothing. Reads Redis with SCAN; writes nothing to Redis.",
  )
  .requiredOption('--redis-url <url>', 'the CRS Redis, e.g. redis://127.0.0.1:6379/0')
  .option('--dry-run', 'report what would be imported, then roll back')
  .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
  .action(async (options: { redisUrl: string; dryRun?: boolean; format: 'text' | 'json' }) => {
    const databaseUrl = process.env.APP_DATABASE_URL;
    if (!databaseUrl) throw new ConfigError(['APP_DATABASE_URL is required']);
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

program.parseAsync().catch(fail);
