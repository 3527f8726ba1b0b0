// Classifies a request's User-Agent into a client identity (claude_code,
// gemini_cli, ...) using the patterns stored in relaypg.client_kinds, so
// that keys restricted to clients can be decided (and cached) per identity.
import type { Queryable } from '../db.js';
import { listClientKinds } from './api-keys.queries.js';

export class ClientClassifier {
  private constructor(private readonly kinds: { id: string; pattern: RegExp }[]) {}

  static async load(db: Queryable): Promise<ClientClassifier> {
    const rows = await listClientKinds.run(undefined, db);
    return new ClientClassifier(rows.map((row) => ({ id: row.id, pattern: new RegExp(row.userAgentPattern, 'i') })));
  }

  /** The last User-Agent classified and its client (a client sends the same one request after request). */
  private last: { userAgent: string; client: string | null } = { userAgent: '', client: null };

  classify(userAgent: string | undefined | null): string | null {
    if (!userAgent) return null;
    if (userAgent === this.last.userAgent) return this.last.client;
    let client: string | null = null;
    for (const kind of this.kinds) {
      if (kind.pattern.test(userAgent)) {
        client = kind.id;
        break;
      }
    }
    this.last = { userAgent, client };
    return client;
  }
}
