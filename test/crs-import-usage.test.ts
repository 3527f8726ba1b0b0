// The CRS importer's usage domain (src/crs-import/crs-usage.ts over
// api.import_crs_usage) on the real fixture: CRS's aggregates become a
// baseline, so that relaypg's statistics at the snapshot instant (UTC+8) are
// CRS's own reports (expected.json crsReports), costs as CRS recorded them;
// a re-import changes nothing; requests that occurred before the cut-off are
// never counted again, later ones add to the baseline.
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFromCrs, type ImportReport } from '../src/crs-import/crs-import.js';
import { FIXTURE_CRS_SECRET, TEST_ACCOUNT_SECRET_KEY, useTestApp } from './support/app.js';
import {
  asCrsFigures,
  crsFiguresOf,
  fixturePresent,
  flushScratch,
  loadFixtureIntoRedis,
  openScratchRedis,
  readCrsUsageReports,
  type CrsUsageReports,
} from './support/crs-fixture.js';
import { testEnv } from './support/env.js';

/** This file's Redis database (not the ones the other importer test files flush). */
const USAGE_REDIS_DB = Number(process.env.TEST_REDIS_USAGE_SCRATCH_DB ?? 13);
const SNAPSHOT = new Date('2025-09-16T04:00:00.000Z');
const present = fixturePresent();
if (!present) {
  console.warn(`[crs-import-usage.test] SKIPPED: the CRS fixture was not found at ${testEnv.crsFixtureDir} (set RELAYPG_CRS_FIXTURE_DIR).`);
}

const testApp = useTestApp({ env: { MAINTENANCE_INTERVAL_SECONDS: '0', TIME_ZONE: 'Asia/Shanghai' } });
const settings = { crsEncryptionKey: FIXTURE_CRS_SECRET, keyring: { current: 1, keys: { '1': TEST_ACCOUNT_SECRET_KEY } }, timeZone: 'Asia/Shanghai' };
let redis: Redis;
let report: ImportReport;
let reports: CrsUsageReports;

describe.skipIf(!present)('importing CRS usage', () => {
  beforeAll(async () => {
    reports = readCrsUsageReports();
    redis = openScratchRedis(USAGE_REDIS_DB);
    await loadFixtureIntoRedis(redis);
    report = await importFromCrs({ redis, pool: testApp.app.pool, accounts: settings });
  }, 180_000);

  afterAll(async () => {
    if (redis !== undefined) {
      await flushScratch(redis).catch((error: unknown) => console.warn(`could not flush Redis db ${USAGE_REDIS_DB}: ${String(error)}`));
      redis.disconnect();
    }
  });

  it('imports every usage aggregate, skips those relaypg derives, refuses none, and leaves the minute metrics out', () => {
    expect(report.usage.refused).toEqual([]);
    expect(report.usage.inserted).toBeGreaterThan(5_000);
    expect(report.usage.skipped).toBeGreaterThan(0);
    expect(report.usage.inserted + report.usage.skipped).toBe(report.usage.read);
    expect(report.ignored.some((entry) => entry.redisKey.startsWith('system:metrics:minute:* (13561 keys)'))).toBe(true);
  });

  it("each key's lifetime, today and this month are CRS's getUsageStats; its costs and weekly Opus cost are CRS's as recorded", async () => {
    for (const [keyId, crs] of Object.entries(reports.perKey)) {
      const figures = await testApp.app.usage.keyUsage(keyId, SNAPSHOT);
      expect(asCrsFigures(figures.total), `${crs.label} total`).toEqual(crsFiguresOf(crs.getUsageStats.total));
      expect(asCrsFigures(figures.today), `${crs.label} today`).toEqual(crsFiguresOf(crs.getUsageStats.daily));
      expect(asCrsFigures(figures.month), `${crs.label} month`).toEqual(crsFiguresOf(crs.getUsageStats.monthly));
      expect(Number(figures.today.cost), `${crs.label} cost today`).toBeCloseTo(crs.getCostStats.daily, 12);
      expect(Number(figures.total.cost), `${crs.label} total cost`).toBeCloseTo(crs.getCostStats.total, 12);
      expect(Number(figures.week.opusCost), `${crs.label} weekly Opus`).toBeCloseTo(crs.getWeeklyOpusCost, 12);
    }
  });

  it("each account's lifetime, today and this month are CRS's getAccountUsageStats", async () => {
    for (const [accountId, crs] of Object.entries(reports.perAccount)) {
      const totals = await testApp.app.usage.totals('account', accountId, SNAPSHOT);
      expect(asCrsFigures(totals.total), `${crs.label} total`).toEqual(crsFiguresOf(crs.getAccountUsageStats.total));
      expect(asCrsFigures(totals.today), `${crs.label} today`).toEqual(crsFiguresOf(crs.getAccountUsageStats.daily));
      expect(asCrsFigures(totals.month), `${crs.label} month`).toEqual(crsFiguresOf(crs.getAccountUsageStats.monthly));
    }
  });

  it("today's service-wide figures are CRS's getTodayStats", async () => {
    const today = asCrsFigures((await testApp.app.usage.totals('all', '', SNAPSHOT)).today);
    const crs = reports.system.getTodayStats;
    expect([today.requests, today.inputTokens, today.outputTokens, today.cacheCreateTokens, today.cacheReadTokens]).toEqual([
      crs.requestsToday, crs.inputTokensToday, crs.outputTokensToday, crs.cacheCreateTokensToday, crs.cacheReadTokensToday,
    ]);
  });

  it("each key's averages are CRS's (days since created, at least 1), to the cent CRS's double rounding leaves", async () => {
    for (const [keyId, crs] of Object.entries(reports.perKey)) {
      const averages = await testApp.app.usage.averages('key', keyId, SNAPSHOT);
      const ours = [averages.requestsPerMinute, averages.tokensPerMinute, averages.requestsPerDay, averages.tokensPerDay].map(Number);
      const theirs = [crs.getUsageStats.averages.rpm, crs.getUsageStats.averages.tpm, crs.getUsageStats.averages.dailyRequests, crs.getUsageStats.averages.dailyTokens];
      // relaypg rounds exact decimals half up; CRS rounds doubles (38.675 -> 38.67).
      ours.forEach((value, i) => expect(Math.abs(value - theirs[i]!), `${crs.label} [${i}]`).toBeLessThanOrEqual(0.0100001));
    }
  });

  it("an account's averages use its own age: CRS's for OpenAI accounts; CRS divides the others' by one day (its documented bug)", async () => {
    for (const [accountId, crs] of Object.entries(reports.perAccount)) {
      const stats = crs.getAccountUsageStats;
      const averages = await testApp.app.usage.averages('account', accountId, SNAPSHOT);
      expect(averages.days, crs.label).toBeGreaterThan(30);
      if (['openai', 'openai-responses'].includes(crs.type)) {
        expect(Math.abs(Number(averages.requestsPerDay) - stats.averages.dailyRequests), crs.label).toBeLessThanOrEqual(0.0100001);
      } else {
        expect(stats.averages.dailyRequests, `${crs.label}: CRS`).toBe(stats.total.requests);
        expect(Number(averages.requestsPerDay), crs.label).toBe(Math.round((stats.total.requests / averages.days) * 100) / 100);
      }
    }
  });

  it("the service's averages count every request; CRS's leave out the purged key's (K17)", async () => {
    const averages = await testApp.app.usage.averages('all', '', SNAPSHOT);
    const crs = reports.system.getSystemAverages;
    const purged = Object.values(reports.perKey).find((key) => key.label === 'K17')!.getUsageStats.total;
    expect(averages.days).toBe(40);
    expect(Number(averages.tokens)).toBe(crs.totalInputTokens + crs.totalOutputTokens + purged.inputTokens + purged.outputTokens);
    expect(Number(averages.tokensPerMinute)).toBeGreaterThan(crs.systemTPM);
  });

  it("the dashboard's counts: CRS's key counts, and every account kind on its own row", async () => {
    const counts = await testApp.app.usage.counts(SNAPSHOT);
    const overview = reports.admin.dashboard.data.overview;
    expect([Number(counts.apiKeys.total), Number(counts.apiKeys.active)]).toEqual([overview.totalApiKeys, overview.activeApiKeys]);
    expect(Object.fromEntries(Object.entries(counts.accountsByKind).map(([kind, c]) => [kind, Number(c.total)]))).toEqual({
      'claude-official': 8, 'claude-console': 1, ccr: 1, bedrock: 1, gemini: 1, openai: 1, 'openai-responses': 1, 'azure-openai': 1,
    });
    for (const [kind, c] of Object.entries(counts.accountsByKind)) {
      expect(Number(c.available) + Number(c.paused) + Number(c.rateLimited) + Number(c.otherUnavailable), kind).toBe(Number(c.total));
    }
    // A3 is rate-limited at the snapshot (until 06:00Z).
    expect(Number(counts.accountsByKind['claude-official']!.rateLimited)).toBeGreaterThanOrEqual(1);
  });

  it('a second import changes nothing', async () => {
    const again = await importFromCrs({ redis, pool: testApp.app.pool, accounts: settings });
    expect(again.usage).toMatchObject({ inserted: 0, updated: 0, refused: [] });
    expect(again.usage.unchanged).toBe(report.usage.inserted);
    const [keyId, crs] = Object.entries(reports.perKey)[0]!;
    expect(asCrsFigures((await testApp.app.usage.keyUsage(keyId, SNAPSHOT)).total)).toEqual(crsFiguresOf(crs.getUsageStats.total));
  });

  it('a request that occurred before the cut-off is not counted again; one after it adds to the baseline', async () => {
    const [keyId, crs] = Object.entries(reports.perKey)[0]!;
    const before = await testApp.app.usage.record({ requestId: 'replayed-from-crs', occurredAt: new Date('2025-09-16T03:59:00Z'), apiKeyId: keyId, model: 'claude-sonnet-4-20250514', inputTokens: 5 });
    expect(before.recorded).toBe(false);
    const after = await testApp.app.usage.record({ requestId: 'after-the-switch', apiKeyId: keyId, model: 'claude-sonnet-4-20250514', inputTokens: 5 });
    expect(after.recorded).toBe(true);
    const total = (await testApp.app.usage.keyUsage(keyId)).total;
    expect(Number(total.requests)).toBe(crs.getUsageStats.total.requests + 1);
    expect(Number(total.inputTokens)).toBe(crs.getUsageStats.total.inputTokens + 5);
  });
});
