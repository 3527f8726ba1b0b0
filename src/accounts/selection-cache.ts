// Remembers api.select_account's decisions for sessions, in process: a session
// that returns to its account is answered without a database call. It never
// decides anything itself, and it forgets a decision
// - when the session's mapping could need a renewal (or expire): the next call
//   goes to the database, which renews it;
// - after its TTL;
// - as soon as anything it depends on changes, on any instance: the account
//   (NOTIFY relaypg_account_changed: paused, limited, deleted, ...), the key's
//   bindings (relaypg_api_key_changed), a group's members
//   (relaypg_account_group_changed: everything is dropped, it is rare), or the
//   session's mapping moving to another account (relaypg_session_remapped,
//   and here as soon as the database answers with another account);
// - while the change listener is down (changes would go unseen).
// A decision read while a change was being announced is not kept (an epoch
// counter moves with every invalidation). The database does not give an
// expiry for answers it may change without a write (a fallback from a bound
// account that cannot serve now): those are never kept.
import type { ChangeSubscriber } from '../change-listener.js';
import type { Selection } from './scheduler.js';

export const ACCOUNT_GROUP_CHANGED_CHANNEL = 'relaypg_account_group_changed';
export const SESSION_REMAPPED_CHANNEL = 'relaypg_session_remapped';

/** Model names longer than this are not remembered (a client sends them; memory is bounded by count). */
const MAX_REMEMBERED_MODEL_LENGTH = 256;
/** Margin for the clocks of the database and this process. */
const CLOCK_MARGIN_MS = 1_000;

interface Entry {
  selection: Readonly<Selection>;
  until: number;
  apiKeyId: string;
  session: string;
}

export interface SelectionCacheOptions {
  ttlMs: number;
  maxEntries: number;
  /** A mapping with less life left than this is renewed by the database: forget the decision before. */
  renewalThresholdMs: number;
  now?: () => number;
}

export class SelectionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byAccount = new Map<string, Set<string>>();
  private readonly byKey = new Map<string, Set<string>>();
  /** platform:sessionHash -> entries (one per key and model). */
  private readonly bySession = new Map<string, Set<string>>();
  private epochValue = 0;
  /** False while the change listener is down. */
  private live = true;
  private readonly now: () => number;

  constructor(private readonly options: SelectionCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.options.ttlMs > 0 && this.options.maxEntries > 0 && this.live;
  }

  static sessionKey(platform: string, sessionHash: string): string {
    return `${platform}:${sessionHash}`;
  }

  /** Moves on every invalidation: capture it before asking the database, pass it to store(). */
  get epoch(): number {
    return this.epochValue;
  }

  static entryKey(apiKeyId: string, platform: string, model: string, sessionHash: string): string {
    return `${apiKeyId}\u0000${platform}\u0000${sessionHash}\u0000${model}`;
  }

  get(entryKey: string): Readonly<Selection> | undefined {
    if (!this.live) return undefined;
    const entry = this.entries.get(entryKey);
    if (entry === undefined) return undefined;
    if (entry.until > this.now()) return entry.selection;
    this.drop(entryKey);
    return undefined;
  }

  /**
   * Takes the database's answer for a session: forgets what this session was
   * remembered to use with other keys or models if the answer names another
   * account, and remembers the answer unless something changed since `epoch`.
   */
  store(
    entryKey: string,
    request: { apiKeyId: string; platform: string; model: string; sessionHash: string },
    selection: Selection,
    sessionExpiresAt: Date | null,
    epoch: number,
  ): void {
    const session = SelectionCache.sessionKey(request.platform, request.sessionHash);
    for (const other of [...(this.bySession.get(session) ?? [])]) {
      if (this.entries.get(other)?.selection.accountId !== selection.accountId) this.drop(other);
    }
    if (!this.enabled || epoch !== this.epochValue || sessionExpiresAt === null) return;
    if (request.model.length > MAX_REMEMBERED_MODEL_LENGTH) return;
    const until = Math.min(this.now() + this.options.ttlMs, sessionExpiresAt.getTime() - this.options.renewalThresholdMs - CLOCK_MARGIN_MS);
    if (until <= this.now()) return;
    if (this.entries.size >= this.options.maxEntries) this.dropOldest();
    this.drop(entryKey);
    // Shared by every caller that hits it: frozen, so that none can change it for the others.
    this.entries.set(entryKey, { selection: Object.freeze({ ...selection, sticky: true }), until, apiKeyId: request.apiKeyId, session });
    this.index(this.byAccount, selection.accountId, entryKey);
    this.index(this.byKey, request.apiKeyId, entryKey);
    this.index(this.bySession, session, entryKey);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.epochValue++;
    this.entries.clear();
    this.byAccount.clear();
    this.byKey.clear();
    this.bySession.clear();
  }

  /** Subscribers for the channels whose changes a decision depends on. */
  get changeSubscribers(): ChangeSubscriber[] {
    // While the listener is down nothing is remembered or answered; it starts
    // again empty once the listener is back.
    const forgetAll = (reason: 'lost' | 'reconnected' | 'unreadable') => {
      if (reason === 'lost') this.live = false;
      if (reason === 'reconnected') this.live = true;
      this.clear();
    };
    return [
      { channel: 'relaypg_account_changed', changed: (id) => this.forget(this.byAccount, id), forgetAll },
      { channel: 'relaypg_api_key_changed', changed: (id) => this.forget(this.byKey, id), forgetAll },
      { channel: ACCOUNT_GROUP_CHANGED_CHANNEL, changed: () => this.clear(), forgetAll },
      { channel: SESSION_REMAPPED_CHANNEL, changed: (session) => this.forget(this.bySession, session), forgetAll },
    ];
  }

  forgetKey(apiKeyId: string): void {
    this.forget(this.byKey, apiKeyId);
  }

  /** Read-your-writes on this instance: a write through this process drops at once what its NOTIFY will drop everywhere. */
  forgetAccount(accountId: string): void {
    this.forget(this.byAccount, accountId);
  }

  private forget(index: Map<string, Set<string>>, id: string): void {
    this.epochValue++;
    for (const entryKey of index.get(id) ?? []) this.drop(entryKey);
  }

  private index(index: Map<string, Set<string>>, id: string, entryKey: string): void {
    let keys = index.get(id);
    if (keys === undefined) index.set(id, (keys = new Set()));
    keys.add(entryKey);
  }

  private drop(entryKey: string): void {
    const entry = this.entries.get(entryKey);
    if (entry === undefined) return;
    this.entries.delete(entryKey);
    this.unindex(this.byAccount, entry.selection.accountId, entryKey);
    this.unindex(this.byKey, entry.apiKeyId, entryKey);
    this.unindex(this.bySession, entry.session, entryKey);
  }

  private unindex(index: Map<string, Set<string>>, id: string, entryKey: string): void {
    const keys = index.get(id);
    if (keys === undefined) return;
    keys.delete(entryKey);
    if (keys.size === 0) index.delete(id);
  }

  /** Maps iterate in insertion order: drop the oldest tenth. */
  private dropOldest(): void {
    let toDrop = Math.max(1, Math.floor(this.options.maxEntries / 10));
    for (const entryKey of this.entries.keys()) {
      this.drop(entryKey);
      if (--toDrop === 0) break;
    }
  }
}
