// Admin API for upstream accounts and account groups. Secrets are accepted on
// write and never returned (reads show them as '********').
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ACCOUNT_KINDS, ACCOUNT_PLATFORMS } from '../accounts/account.js';
import type { AccountGroupService } from '../accounts/account-groups.js';
import { accountSettingsSchema, createAccountSchema } from '../accounts/account-settings.js';
import type { AccountService } from '../accounts/accounts.js';
import { storableText } from '../api-keys/api-key-settings.js';
import { parseInput } from './errors.js';

export interface AdminAccountDeps {
  accounts: AccountService;
  accountGroups: AccountGroupService;
  requireAdmin: (request: FastifyRequest) => Promise<void>;
}

// Any hex UUID: imported CRS ids need not be RFC 4122 version 4.
const idParams = z.object({ id: z.guid({ error: 'id must be a UUID' }) });
const unbindQuery = z.strictObject({
  unbindKeys: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
});

const listQuery = z.strictObject({
  platform: z.enum(ACCOUNT_PLATFORMS).optional(),
  kind: z.enum(ACCOUNT_KINDS).optional(),
  groupId: z.guid({ error: 'groupId must be a UUID' }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const groupSettingsSchema = z
  .strictObject({
    name: storableText(),
    platform: storableText(),
    description: storableText().nullable(),
  })
  .partial();
const createGroupSchema = groupSettingsSchema.extend({ name: storableText(), platform: storableText() });
const membersSchema = z.strictObject({ accountIds: z.array(z.guid({ error: 'accountIds must be UUIDs' })).max(10_000) });
const groupListQuery = z.strictObject({ platform: z.enum(['claude', 'gemini', 'openai']).optional() });

export function registerAdminAccountRoutes(app: FastifyInstance, deps: AdminAccountDeps): void {
  app.register(
    async (admin) => {
      admin.addHook('onRequest', deps.requireAdmin);

      admin.post('/', async (request, reply) => {
        const input = parseInput(createAccountSchema, request.body, 'body');
        return reply.status(201).send({ account: await deps.accounts.create(input) });
      });

      admin.get('/', async (request) => {
        const query = parseInput(listQuery, request.query, 'query');
        const { items, total } = await deps.accounts.list(query);
        return { items, total, limit: query.limit, offset: query.offset };
      });

      admin.get('/:id', async (request) => {
        const { id } = parseInput(idParams, request.params, 'id');
        return { account: await deps.accounts.get(id) };
      });

      admin.patch('/:id', async (request) => {
        const { id } = parseInput(idParams, request.params, 'id');
        const changes = parseInput(accountSettingsSchema, request.body, 'body');
        return { account: await deps.accounts.update(id, changes) };
      });

      admin.delete('/:id', async (request) => {
        const { id } = parseInput(idParams, request.params, 'id');
        const { unbindKeys } = parseInput(unbindQuery, request.query, 'query');
        return { unboundKeys: await deps.accounts.delete(id, { unbindKeys }) };
      });

      admin.post('/:id/pause', async (request) => {
        const { id } = parseInput(idParams, request.params, 'id');
        return { account: await deps.accounts.pause(id) };
      });

      admin.post('/:id/resume', async (request) => {
        const { id } = parseInput(idParams, request.params, 'id');
        return { account: await deps.accounts.resume(id) };
      });

      admin.post('/:id/reset-state', async (request) => {
        const { id } = parseInput(idParams, request.params, 'id');
        return { account: await deps.accounts.resetState(id) };
      });
    },
    { prefix: '/admin/accounts' },
  );

  app.register(
    async (admin) => {
      admin.addHook('onRequest', deps.requireAdmin);

      admin.post('/', async (request, reply) => {
        const input = parseInput(createGroupSchema, request.body, 'body');
        return reply.status(201).send({ group: await deps.accountGroups.create(input) });
      });

      admin.get('/', async (request) => {
        const { platform } = parseInput(groupListQuery, request.query, 'query');
        return { items: await deps.accountGroups.list(platform ?? null) };
      });

      admin.get('/:id', async (request) => {
        const { id } = parseInput(idParams, request.params, 'id');
        return { group: await deps.accountGroups.get(id) };
      });

      admin.patch('/:id', async (request) => {
        const { id } = parseInput(idParams, request.params, 'id');
        const changes = parseInput(groupSettingsSchema, request.body, 'body');
        return { group: await deps.accountGroups.update(id, changes) };
      });

      admin.delete('/:id', async (request) => {
        const { id } = parseInput(idParams, request.params, 'id');
        const { unbindKeys } = parseInput(unbindQuery, request.query, 'query');
        return { unboundKeys: await deps.accountGroups.delete(id, { unbindKeys }) };
      });

      admin.put('/:id/members', async (request) => {
        const { id } = parseInput(idParams, request.params, 'id');
        const { accountIds } = parseInput(membersSchema, request.body, 'body');
        return { group: await deps.accountGroups.setMembers(id, accountIds) };
      });
    },
    { prefix: '/admin/account-groups' },
  );
}
