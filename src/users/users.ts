// Users own keys; today relaypg only needs to switch them on and off (a
// disabled owner's keys are refused, and their cached decisions dropped).
import type pg from 'pg';
import { preparedConnection, type Queryable } from '../db.js';
import { mapDbErrors } from '../errors.js';
import { setUserActive } from './users.queries.js';

export class UserService {
  private readonly db: Queryable;

  constructor(pool: pg.Pool) {
    this.db = preparedConnection(pool);
  }

  async setActive(userId: string, isActive: boolean): Promise<boolean> {
    const [row] = await mapDbErrors(() => setUserActive.run({ userId, isActive }, this.db));
    return row!.isActive;
  }
}
