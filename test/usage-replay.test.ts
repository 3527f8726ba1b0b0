// Replays every request CRS recorded in the fixture (requests.jsonl) through
// relaypg's recording path at its original instant, then compares relaypg's
// statistics at the snapshot instant (UTC+8) with what CRS itself reported
// (expected.json crsReports): equal wherever CRS is right, and each place it
// is not is one of the documented CRS bugs (README "Usage and cost").
import { beforeAll, describe, expect, it } from 'vitest';
import type { UsageEvent } from '../src/usage/usage.js';
import { useTestApp } from './support/app.js';
import {
  asCrsFigures,
  crsFiguresOf,
  fixturePresent,
  readCrsUsageReports,
  readRecordedRequests,
  type CrsUsageReports,
  type RecordedRequest,
} from './support/crs-fixture.js';
import { testEnv } from './support/env.js';

const present = fixturePresent();
if (!present) {
  console.warn(`[usage-replay.test] SKIPPED: the CRS fixture was not found at ${testEnv.crsFixtureDir} (set RELAYPG_CRS_FIXTURE_DIR).`);
}

const testApp = useTestApp({ env: { MAINTENANCE_INTERVAL_SECONDS: '0', TIME_ZONE: 'Asia/Shanghai' } });
const SNAPSHOT = new Date('2025-09-16T04:00:00.000Z');
let recorded: RecordedRequest[] = [];
let reports: CrsUsageReports;

function toEvent(line: RecordedRequest): UsageEvent {
  const split = line.usage.cache_creation;
  return {
    requestId: `crs-fixture-${line.seq}`,
    occurredAt: new Date(line.at),
    apiKeyId: line.keyId,
    accountId: line.accountId,
    accountKind: line.accountType as UsageEvent['accountKind'],
    model: line.recordModel,
    inputTokens: line.usage.input_tokens ?? 0,
    outputTokens: line.usage.output_tokens ?? 0,
    cacheCreationTokens: line.usage.cache_creation_input_tokens ?? 0,
    cacheSplit: split ? { fiveMinutes: split.ephemeral_5m_input_tokens ?? 0, oneHour: split.ephemeral_1h_input_tokens ?? 0 } : null,
    cacheReadTokens: line.usage.cache_read_input_tokens ?? 0,
    stream: line.stream,
    costPath: line.recordPath === 'recordUsageWithDetails' ? 'details' : 'plain',
  };
}

/** Local (UTC+8) ISO week of an instant: its Monday, as YYYY-MM-DD. */
function localMonday(instant: Date): string {
  const local = new Date(instant.getTime() + 8 * 3_600_000);
  const weekday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - weekday * 86_400_000).toISOString().slice(0, 10);
}

describe.skipIf(!present)('replaying the fixture through api.record_usage', () => {
  beforeAll(async () => {
    recorded = await readRecordedRequests();
    reports = readCrsUsageReports();
    const { usage } = testApp.app;
    // Partitions for the fixture's months, as of its snapshot (nothing is past retention then).
    await usage.maintainPartitions(SNAPSHOT, new Date('2025-08-01T00:00:00Z'));
    for (let i = 0; i < recorded.length; i += 2000) {
      const results = await usage.recordBatch(recorded.slice(i, i + 2000).map(toEvent));
      expect(results.every((result) => result.recorded)).toBe(true);
    }
    await usage.rollUp();
  }, 180_000);

  it('recorded all 19 078 requests, and a second replay records nothing', async () => {
    expect(recorded).toHaveLength(19_078);
    const again = await testApp.app.usage.recordBatch(recorded.slice(0, 500).map(toEvent));
    expect(again.filter((result) => result.recorded)).toHaveLength(0);
  });

  it("each key's lifetime, today and this month equal CRS's getUsageStats", async () => {
    for (const [keyId, report] of Object.entries(reports.perKey)) {
      const figures = await testApp.app.usage.keyUsage(keyId, SNAPSHOT);
      const stats = report.getUsageStats;
      expect(asCrsFigures(figures.total), `${report.label} total`).toEqual(crsFiguresOf(stats.total));
      expect(asCrsFigures(figures.today), `${report.label} today`).toEqual(crsFiguresOf(stats.daily));
      expect(asCrsFigures(figures.month), `${report.label} month`).toEqual(crsFiguresOf(stats.monthly));
    }
  });

  it("each key's cost today equals CRS's; its lifetime cost is the sum CRS computed per request (CRS's own total was cut by init:costs)", async () => {
    const costByKey = new Map<string, number>();
    for (const line of recorded) costByKey.set(line.keyId, (costByKey.get(line.keyId) ?? 0) + line.cost);
    let truncated = 0;
    for (const [keyId, report] of Object.entries(reports.perKey)) {
      const figures = await testApp.app.usage.keyUsage(keyId, SNAPSHOT);
      expect(Number(figures.today.cost), `${report.label} today`).toBeCloseTo(report.getCostStats.daily, 9);
      expect(Number(figures.total.cost), `${report.label} total`).toBeCloseTo(costByKey.get(keyId) ?? 0, 9);
      if (report.getCostStats.total < Number(figures.total.cost) - 1e-6) truncated++;
    }
    // The documented CRS bug (costInitService): most keys' usage:cost:total is below their real lifetime cost.
    expect(truncated).toBeGreaterThan(10);
  });

  it("each key's weekly Opus cost is CRS's plus the non-streaming Opus requests CRS never counted", async () => {
    const monday = localMonday(SNAPSHOT);
    const claudeKinds = new Set(['claude-official', 'claude-console', 'ccr']);
    for (const [keyId, report] of Object.entries(reports.perKey)) {
      const opus = recorded.filter(
        (line) => line.keyId === keyId && line.recordModel.includes('claude-opus') && claudeKinds.has(line.accountType) && localMonday(new Date(line.at)) === monday,
      );
      const streamedOnly = opus.filter((line) => line.recordPath === 'recordUsageWithDetails').reduce((sum, line) => sum + line.cost, 0);
      const all = opus.reduce((sum, line) => sum + line.cost, 0);
      expect(report.getWeeklyOpusCost, `${report.label}: CRS counts streamed Opus only`).toBeCloseTo(streamedOnly, 9);
      expect(Number((await testApp.app.usage.keyUsage(keyId, SNAPSHOT)).week.opusCost), report.label).toBeCloseTo(all, 9);
    }
  });

  it("each account's lifetime, today and this month equal CRS's getAccountUsageStats", async () => {
    for (const [accountId, report] of Object.entries(reports.perAccount)) {
      const totals = await testApp.app.usage.totals('account', accountId, SNAPSHOT);
      const stats = report.getAccountUsageStats;
      expect(asCrsFigures(totals.total), `${report.label} total`).toEqual(crsFiguresOf(stats.total));
      expect(asCrsFigures(totals.today), `${report.label} today`).toEqual(crsFiguresOf(stats.daily));
      expect(asCrsFigures(totals.month), `${report.label} month`).toEqual(crsFiguresOf(stats.monthly));
    }
  });

  it("today's service-wide figures equal CRS's getTodayStats (its 'tokens' are input + output)", async () => {
    const today = (await testApp.app.usage.totals('all', '', SNAPSHOT)).today;
    const crs = reports.system.getTodayStats;
    expect({
      requests: Number(today.requests),
      tokens: Number(today.inputTokens) + Number(today.outputTokens),
      input: Number(today.inputTokens),
      output: Number(today.outputTokens),
      cacheCreate: Number(today.cacheCreateTokens),
      cacheRead: Number(today.cacheReadTokens),
    }).toEqual({
      requests: crs.requestsToday,
      tokens: crs.tokensToday,
      input: crs.inputTokensToday,
      output: crs.outputTokensToday,
      cacheCreate: crs.cacheCreateTokensToday,
      cacheRead: crs.cacheReadTokensToday,
    });
  });
});
