// Account groups: a key bound to group:{id} is served by the group's members only.
import type pg from 'pg';
import { preparedConnection, type Queryable } from '../db.js';
import { mapDbErrors } from '../errors.js';
import { columnReader, iso } from '../rows.js';
import {
  createAccountGroup,
  deleteAccountGroup,
  getAccountGroup,
  listAccountGroups,
  setAccountGroupMembers,
  updateAccountGroup,
  type IGetAccountGroupResult,
  type Json,
} from './account-groups.queries.js';

export interface AccountGroup {
  id: string;
  name: string;
  platform: 'claude' | 'gemini' | 'openai';
  description: string;
  memberIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface AccountGroupSettings {
  name?: string | undefined;
  platform?: string | undefined;
  description?: string | null | undefined;
}

const required = columnReader('api.account_group');

function groupFromRow(row: IGetAccountGroupResult): AccountGroup {
  return {
    id: required(row.id, 'id'),
    name: required(row.name, 'name'),
    platform: required(row.platform, 'platform') as AccountGroup['platform'],
    description: row.description ?? '',
    memberIds: row.member_ids ?? [],
    createdAt: required(iso(row.created_at), 'created_at'),
    updatedAt: required(iso(row.updated_at), 'updated_at'),
  };
}

const defined = (settings: AccountGroupSettings): Json =>
  Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) as Json;

export class AccountGroupService {
  private readonly db: Queryable;

  /** onChanged: after a write that can change which accounts serve a group (before its NOTIFY arrives). */
  constructor(
    pool: pg.Pool,
    private readonly onChanged: () => void = () => undefined,
  ) {
    this.db = preparedConnection(pool);
  }

  async create(settings: AccountGroupSettings): Promise<AccountGroup> {
    const [row] = await mapDbErrors(() => createAccountGroup.run({ settings: defined(settings) }, this.db));
    return groupFromRow(row!);
  }

  async get(id: string): Promise<AccountGroup> {
    const [row] = await mapDbErrors(() => getAccountGroup.run({ id }, this.db));
    return groupFromRow(row!);
  }

  async list(platform: string | null = null): Promise<AccountGroup[]> {
    const rows = await mapDbErrors(() => listAccountGroups.run({ platform }, this.db));
    return rows.map(groupFromRow);
  }

  async update(id: string, changes: AccountGroupSettings): Promise<AccountGroup> {
    const [row] = await mapDbErrors(() => updateAccountGroup.run({ id, changes: defined(changes) }, this.db));
    return groupFromRow(row!);
  }

  /** Refused (ACBND) while keys are bound to the group unless unbindKeys; returns how many keys were unbound. */
  async delete(id: string, options: { unbindKeys: boolean }): Promise<number> {
    const [row] = await mapDbErrors(() => deleteAccountGroup.run({ id, unbindKeys: options.unbindKeys }, this.db));
    this.onChanged();
    return row!.unboundKeys;
  }

  async setMembers(id: string, accountIds: string[]): Promise<AccountGroup> {
    const [row] = await mapDbErrors(() => setAccountGroupMembers.run({ id, accountIds }, this.db));
    this.onChanged();
    return groupFromRow(row!);
  }
}
