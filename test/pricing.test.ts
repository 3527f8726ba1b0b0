// Model prices and request cost (src/pricing/pricing.ts over api.load_model_prices
// and api.price_request): the shipped pricing file is loaded by db setup, a
// newer file replaces it, and every request CRS recorded in the fixture costs,
// here, what CRS computed for it (within 1e-9 USD).
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRICING_FILE } from '../src/pricing/pricing.js';
import { useTestApp } from './support/app.js';
import { fixturePresent, readRecordedRequests } from './support/crs-fixture.js';
import { appErrorOf } from './support/errors.js';
import { cli, noStack } from './support/cli.js';

const testApp = useTestApp();

describe('prices', () => {
  it('db setup loaded the shipped pricing file: Sonnet 4 at $3 / $15 / $3.75 / $0.30 per million', async () => {
    const cost = await testApp.app.pricing.price({
      model: 'claude-sonnet-4-20250514',
      inputTokens: 1_000_000,
      outputTokens: 1_000_000,
      cacheCreationTokens: 1_000_000,
      cacheReadTokens: 1_000_000,
    });
    expect(cost).toMatchObject({ priceKey: 'claude-sonnet-4-20250514', longContext: false });
    expect([cost.input, cost.output, cost.cacheCreate, cost.cacheRead].map(Number)).toEqual([3, 15, 3.75, 0.3]);
    expect(Number(cost.total)).toBeCloseTo(22.05, 12);
  });

  it('1-hour cache writes and [1m] long context follow CRS', async () => {
    const cost = await testApp.app.pricing.price({
      model: 'claude-sonnet-4-20250514[1m]',
      inputTokens: 150_000,
      outputTokens: 1_000,
      cacheCreationTokens: 60_000,
      cacheSplit: { fiveMinutes: 20_000, oneHour: 40_000 },
      cacheReadTokens: 0,
    });
    // 150k + 60k > 200k: input at $6, output at $22.5 per million; 1-hour writes at $6 per million.
    expect(cost).toMatchObject({ priceKey: 'claude-sonnet-4-20250514', longContext: true });
    expect([cost.input, cost.output, cost.cacheCreate5m, cost.cacheCreate1h].map(Number)).toEqual([0.9, 0.0225, 0.075, 0.24]);
  });

  it('a newer file replaces the prices; a file that is not JSON is refused, the prices stay', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'relaypg-prices-'));
    const newer = path.join(dir, 'prices.json');
    await writeFile(newer, JSON.stringify({ 'test-model-x': { input_cost_per_token: 1e-6, output_cost_per_token: 2e-6, litellm_provider: 'test' } }));
    try {
      expect(await testApp.app.pricing.loadFile(newer)).toBe(1);
      const cost = await testApp.app.pricing.price({ model: 'test-model-x', inputTokens: 1_000, outputTokens: 1_000, cacheCreationTokens: 0, cacheReadTokens: 0 });
      expect(cost.priceKey).toBe('test-model-x');
      expect(Number(cost.total)).toBe(0.003);
      const broken = path.join(dir, 'broken.json');
      await writeFile(broken, '{ not json');
      expect((await appErrorOf(testApp.app.pricing.loadFile(broken))).message).toMatch(/is not JSON/);
      expect((await testApp.app.pricing.price({ model: 'test-model-x', inputTokens: 1, outputTokens: 0, cacheCreationTokens: 0, cacheReadTokens: 0 })).priceKey).toBe('test-model-x');
    } finally {
      expect(await testApp.app.pricing.loadFile(DEFAULT_PRICING_FILE)).toBeGreaterThan(1000);
    }
  });
});

describe.skipIf(!fixturePresent())('the fixture: every recorded request costs what CRS computed', () => {
  it('all 19 078 recorded requests within 1e-9 USD, with the same long-context verdict', async () => {
    let priced = 0;
    const wrong: string[] = [];
    const byModel = new Map<string, number>();
    for (const request of await readRecordedRequests()) {
      const { usage } = request;
      const split = usage.cache_creation !== undefined && usage.cache_creation !== null;
      const cost = await testApp.app.pricing.price({
        model: request.recordModel,
        inputTokens: usage.input_tokens ?? 0,
        outputTokens: usage.output_tokens ?? 0,
        cacheCreationTokens: usage.cache_creation_input_tokens ?? 0,
        cacheSplit: split ? { fiveMinutes: usage.cache_creation!.ephemeral_5m_input_tokens ?? 0, oneHour: usage.cache_creation!.ephemeral_1h_input_tokens ?? 0 } : null,
        cacheReadTokens: usage.cache_read_input_tokens ?? 0,
        path: request.recordPath === 'recordUsageWithDetails' ? 'details' : 'plain',
      });
      priced++;
      byModel.set(request.recordModel, (byModel.get(request.recordModel) ?? 0) + 1);
      if (Math.abs(Number(cost.total) - request.cost) > 1e-9 || cost.longContext !== request.longContext) {
        wrong.push(`seq ${request.seq} ${request.recordModel}: relaypg ${cost.total} (long ${cost.longContext}), CRS ${request.cost} (long ${request.longContext})`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(priced).toBe(19_078);
    expect(byModel.get('claude-sonnet-4-20250514[1m]')).toBeGreaterThan(0);
  }, 300_000);
});

describe('relaypg load-prices', () => {
  it('loads a file (exit 0, says how many); a missing file is exit 2 with a readable message', async () => {
    const env = { APP_DATABASE_URL: testApp.database.appUrl };
    const ok = await cli(['load-prices'], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^load-prices: \d{4} model prices loaded from .*model_prices_and_context_window\.json/);
    const missing = await cli(['load-prices', '--file', '/nonexistent/prices.json'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the pricing file \/nonexistent\/prices\.json/);
    noStack(missing.stderr);
    const help = await cli(['load-prices', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: relaypg load-prices/);
  }, 120_000);
});
