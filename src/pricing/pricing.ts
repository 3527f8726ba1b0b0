// Model prices (a LiteLLM-format pricing file, the one CRS ships) and the cost
// of a request, computed by the database (api.price_request) with CRS
// 0881cc09's rules. This module reads pricing files and maps results.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { preparedConnection, type Queryable } from '../db.js';
import { AppError, mapDbErrors, serviceErrors } from '../errors.js';
import { projectRoot } from '../paths.js';
import { loadModelPrices, priceRequest } from './pricing.queries.js';

/** The pricing file shipped with relaypg (CRS 0881cc09's copy of LiteLLM's file); loaded by `db setup` into an empty table. */
export const DEFAULT_PRICING_FILE = path.join(projectRoot, 'db/pricing/model_prices_and_context_window.json');

export interface RequestUsage {
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** All cache-write tokens. */
  cacheCreationTokens: number;
  /** The 5-minute / 1-hour split of the cache writes, when the upstream reported it. */
  cacheSplit?: { fiveMinutes: number; oneHour: number } | null;
  cacheReadTokens: number;
  /** CRS's two cost paths: 'details' (streaming Claude, pricingService) or 'plain' (CostCalculator). */
  path?: 'details' | 'plain';
}

/** USD, as decimal strings (exact numeric). */
export interface RequestCost {
  priceKey: string | null;
  longContext: boolean;
  input: string;
  output: string;
  cacheCreate: string;
  cacheCreate5m: string;
  cacheCreate1h: string;
  cacheRead: string;
  total: string;
}

export class PricingService {
  private readonly db: Queryable;

  constructor(pool: pg.Pool) {
    this.db = preparedConnection(pool);
  }

  /** Replaces every price with those of a pricing file; returns how many models it lists. */
  async loadFile(file: string = DEFAULT_PRICING_FILE): Promise<number> {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new AppError(serviceErrors.badRequest, { message: `cannot read the pricing file ${file}: ${error.code ?? error.message}` });
    });
    try {
      JSON.parse(text);
    } catch {
      throw new AppError(serviceErrors.badRequest, { message: `the pricing file ${file} is not JSON` });
    }
    // Sent as text and read as json (not jsonb) by the database: the file's key
    // order (CRS's fuzzy model matching follows it) and decimal prices are kept.
    const [row] = await mapDbErrors(() => loadModelPrices.run({ document: text, source: path.basename(file) }, this.db));
    return row!.models;
  }

  async price(usage: RequestUsage): Promise<RequestCost> {
    const [row] = await mapDbErrors(() =>
      priceRequest.run(
        {
          model: usage.model,
          inputTokens: usage.inputTokens,
          outputTokens: usage.outputTokens,
          cacheCreationTokens: usage.cacheCreationTokens,
          cache5mTokens: usage.cacheSplit?.fiveMinutes ?? 0,
          cache1hTokens: usage.cacheSplit?.oneHour ?? 0,
          cacheReadTokens: usage.cacheReadTokens,
          cacheSplit: usage.cacheSplit != null,
          path: usage.path ?? 'details',
        },
        this.db,
      ),
    );
    return row!;
  }
}
