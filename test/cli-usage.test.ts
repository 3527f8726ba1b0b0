// `relaypg partitions`, run as a child process on a test database: it lists
// the partitioned usage tables, sets retention, creates partitions for
// history on request, and refuses bad settings readably (exit 2, no stack).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, noStack } from './support/cli.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { withRootPool } from './support/http.js';

describe('relaypg partitions', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('lists every usage table with its partitions and retention', async () => {
    const run = await cli(['partitions'], { APP_DATABASE_URL: database.appUrl });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^usage_events: 3 month partition\(s\) \(\d{4}-\d{2}-01 to \d{4}-\d{2}-01\), retention 90 days, 0 row\(s\) in the default partition$/m);
    expect(run.stdout).toMatch(/^usage_rollups_monthly: \d+ year partition\(s\) .*retention forever/m);
  });

  it('sets a retention and creates the partitions of history from --from', async () => {
    const run = await cli(['partitions', '--retention', 'usage_events=2 years', 'usage_rollups_hourly=forever', '--from', '2025-08-01T00:00:00Z'], {
      APP_DATABASE_URL: database.appUrl,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('partitions: created usage_events_p2025_08');
    expect(run.stdout).toContain('partitions: created usage_rollups_hourly_p2025_08');
    expect(run.stdout).toMatch(/^usage_events: .*retention 2 years/m);
    const policies = await withRootPool(database, (pool) =>
      pool.query<{ table_name: string; retention: string | null }>("select table_name, retention::text from relaypg.partition_policies where table_name in ('usage_events', 'usage_rollups_hourly') order by 1"),
    );
    expect(policies.rows).toEqual([
      { table_name: 'usage_events', retention: '2 years' },
      { table_name: 'usage_rollups_hourly', retention: null },
    ]);
  });

  it('refuses a malformed retention, an unknown table or a bad instant: exit 2, one readable line', async () => {
    for (const args of [['--retention', 'usage_events=soon'], ['--retention', 'users=3 days'], ['--from', 'yesterday']]) {
      const run = await cli(['partitions', ...args], { APP_DATABASE_URL: database.appUrl });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/--(retention|from)/);
      noStack(run.stderr);
    }
  });
});
