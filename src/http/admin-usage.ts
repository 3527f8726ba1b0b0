// Statistics over HTTP: the admin's views of keys, accounts, models and the
// whole service, and the key holder's own usage. Every figure is computed by
// the database (src/usage/usage.ts); token counts and USD are decimal strings.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuthenticatedKey } from '../api-keys/auth-decision.js';
import type { UsageService } from '../usage/usage.js';
import { parseInput } from './errors.js';

export interface UsageRouteDeps {
  usage: UsageService;
  requireAdmin: (request: FastifyRequest) => Promise<void>;
  /** The key a holder's request presents, authenticated like a relay request. */
  authenticateHolder: (request: FastifyRequest) => Promise<AuthenticatedKey>;
}

// Any hex UUID: imported CRS ids need not be RFC 4122 version 4.
const guid = z.guid({ error: 'id must be a UUID' }).transform((id) => id.toLowerCase());
const idParams = z.object({ id: guid });
// Year 0 is no date PostgreSQL takes.
const localDay = z.iso.date({ error: 'must be a date YYYY-MM-DD' }).refine((day) => !day.startsWith('0000'), 'must be a date YYYY-MM-DD');
const atQuery = z.strictObject({ at: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant' }).optional() });
const rangeQuery = z.strictObject({
  grain: z.enum(['hour', 'day', 'month']).default('day'),
  from: localDay,
  to: localDay,
});
const trendQuery = rangeQuery.extend({
  scope: z.enum(['key', 'account', 'all']).default('all'),
  id: guid.optional(),
});
const recentQuery = z.strictObject({ minutes: z.coerce.number().int().min(1).max(1440).default(5) });

const instant = (at: string | undefined) => (at === undefined ? new Date() : new Date(at));

export function registerUsageRoutes(app: FastifyInstance, deps: UsageRouteDeps): void {
  // The key holder's own figures, authenticated like relay requests.
  app.get('/api/v1/key/usage', async (request) => {
    const key = await deps.authenticateHolder(request);
    const [usage, averages] = await Promise.all([deps.usage.keyUsage(key.id), deps.usage.averages('key', key.id)]);
    return { keyId: key.id, usage, averages };
  });

  app.register(
    async (admin) => {
      admin.addHook('onRequest', deps.requireAdmin);

      admin.get('/keys/:id', async (request) => {
        const { id } = parseInput(idParams, request.params, 'id');
        const { at } = parseInput(atQuery, request.query, 'query');
        const [usage, averages] = await Promise.all([deps.usage.keyUsage(id, instant(at)), deps.usage.averages('key', id, instant(at))]);
        return { keyId: id, usage, averages };
      });

      admin.get('/accounts/:id', async (request) => {
        const { id } = parseInput(idParams, request.params, 'id');
        const { at } = parseInput(atQuery, request.query, 'query');
        const [usage, averages] = await Promise.all([deps.usage.totals('account', id, instant(at)), deps.usage.averages('account', id, instant(at))]);
        return { accountId: id, usage, averages };
      });

      admin.get('/dashboard', async (request) => {
        const { at } = parseInput(atQuery, request.query, 'query');
        const [totals, averages, recent, counts] = await Promise.all([
          deps.usage.totals('all', '', instant(at)),
          deps.usage.averages('all', '', instant(at)),
          deps.usage.recent(5, instant(at)),
          deps.usage.counts(instant(at)),
        ]);
        return { usage: totals, averages, recent, ...counts };
      });

      admin.get('/recent', async (request) => {
        const { minutes } = parseInput(recentQuery, request.query, 'query');
        return { recent: await deps.usage.recent(minutes) };
      });

      // Per model and bucket: a key's, an account's or the whole service's.
      admin.get('/trend', async (request) => {
        const query = parseInput(trendQuery, request.query, 'query');
        const scopeId = query.scope === 'all' ? '' : parseInput(guid, query.id, 'id');
        const items = await deps.usage.byModel(query.scope, scopeId, query.grain, query.from, query.to);
        return { scope: query.scope, id: scopeId || null, grain: query.grain, items };
      });
    },
    { prefix: '/admin/usage' },
  );
}
