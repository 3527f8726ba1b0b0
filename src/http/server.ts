// The HTTP surface: health, the admin API (keys here; accounts and groups in
// admin-accounts.ts), and the key holder's own view.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Registry } from 'prom-client';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { apiKeySettingsSchema, createApiKeySchema, storableText } from '../api-keys/api-key-settings.js';
import type { AccountGroupService } from '../accounts/account-groups.js';
import type { AccountService } from '../accounts/accounts.js';
import type { ApiKeyService } from '../api-keys/api-keys.js';
import { AppError, serviceErrors } from '../errors.js';
import type { HealthService } from '../health/health.js';
import type { UsageService } from '../usage/usage.js';
import type { Logger } from '../logger.js';
import { registerAdminAccountRoutes } from './admin-accounts.js';
import { registerUsageRoutes } from './admin-usage.js';
import { errorBody, handleClientError, handleError, parseInput } from './errors.js';

export interface ServerDeps {
  apiKeys: ApiKeyService;
  accounts: AccountService;
  accountGroups: AccountGroupService;
  health: HealthService;
  usage: UsageService;
  adminToken: string;
  metrics: Registry;
  log: Logger;
}

const BODY_LIMIT_BYTES = 1024 * 1024;

// Any hex UUID: imported CRS ids need not be RFC 4122 version 4.
const idParams = z.object({ id: z.guid({ error: 'id must be a UUID' }) });

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
const listQuery = z.strictObject({
  isActive: booleanQuery.optional(),
  isDeleted: booleanQuery.optional(),
  tag: storableText().min(1).max(100).optional(),
  userId: storableText().min(1).max(200).optional(),
  search: storableText().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** The key a request presents: x-api-key, else Authorization: Bearer. */
export function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header !== '') return header.trim();
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match ? match[1] : authorization; // a non-Bearer value is malformed, not missing
  }
  return undefined;
}

export function buildServer(deps: ServerDeps): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    clientErrorHandler: handleClientError,
  });
  // Only JSON bodies: without this, Fastify hands text/plain bodies to routes as strings.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((_request, reply) => reply.status(404).send(errorBody(serviceErrors.notFound.code, serviceErrors.notFound.message)));

  const adminDigest = sha256(deps.adminToken);
  const requireAdmin = async (request: FastifyRequest): Promise<void> => {
    const presented = presentedKey(request) ?? '';
    if (!timingSafeEqual(sha256(presented), adminDigest)) throw new AppError(serviceErrors.adminUnauthorized);
  };

  // Prometheus text format; the admin token guards it (traffic figures are not public).
  app.get('/metrics', { onRequest: requireAdmin }, async (_request, reply) => {
    return reply.type(deps.metrics.contentType).send(await deps.metrics.metrics());
  });

  app.get('/health', async (_request, reply) => {
    const report = await deps.health.check();
    return reply.status(report.status === 'down' ? 503 : 200).send(report);
  });

  // A key holder's own views, authenticated the way relay requests are.
  const authenticateHolder = (request: FastifyRequest) =>
    deps.apiKeys.authenticate(presentedKey(request), { platform: null, model: null, userAgent: request.headers['user-agent'] ?? null });

  app.get('/api/v1/key', async (request) => {
    const key = await authenticateHolder(request);
    return { key };
  });

  app.register(
    async (admin) => {
      admin.addHook('onRequest', requireAdmin);

      admin.post('/', async (request, reply) => {
        const input = parseInput(createApiKeySchema, request.body, 'body');
        const { apiKey, plainKey } = await deps.apiKeys.create(input);
        return reply.status(201).send({ apiKey, plainKey });
      });

      admin.get('/', async (request) => {
        const query = parseInput(listQuery, request.query, 'query');
        const { items, total } = await deps.apiKeys.list(query);
        return { items, total, limit: query.limit, offset: query.offset };
      });

      admin.get('/:id', async (request) => {
        const { id } = parseInput(idParams, request.params, 'id');
        return { apiKey: await deps.apiKeys.get(id) };
      });

      admin.patch('/:id', async (request) => {
        const { id } = parseInput(idParams, request.params, 'id');
        const changes = parseInput(apiKeySettingsSchema, request.body, 'body');
        return { apiKey: await deps.apiKeys.update(id, changes) };
      });

      admin.delete('/:id', async (request) => {
        const { id } = parseInput(idParams, request.params, 'id');
        return { apiKey: await deps.apiKeys.delete(id, { name: 'admin', type: 'admin' }) };
      });

      admin.post('/:id/restore', async (request) => {
        const { id } = parseInput(idParams, request.params, 'id');
        return { apiKey: await deps.apiKeys.restore(id, { name: 'admin', type: 'admin' }) };
      });

      admin.post('/:id/regenerate', async (request) => {
        const { id } = parseInput(idParams, request.params, 'id');
        return deps.apiKeys.regenerate(id);
      });

      admin.delete('/:id/permanent', async (request, reply) => {
        const { id } = parseInput(idParams, request.params, 'id');
        await deps.apiKeys.purge(id);
        return reply.status(204).send();
      });
    },
    { prefix: '/admin/api-keys' },
  );

  registerAdminAccountRoutes(app, { accounts: deps.accounts, accountGroups: deps.accountGroups, requireAdmin });
  registerUsageRoutes(app, { usage: deps.usage, requireAdmin, authenticateHolder });

  return app;
}
