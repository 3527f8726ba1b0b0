// The sticky-session key of a Claude request, computed exactly as CRS does it
// (utils/sessionHelper.generateSessionHash at commit 0881cc09), so that the
// `unified_claude_session_mapping:{hash}` keys imported from CRS keep routing
// the same conversations to the same accounts.
//
// First match wins:
//   1. the UUID in metadata.user_id (`…_session_{uuid}`, Claude Code): returned as is (36 chars);
//   2. SHA-256 of the `cache_control: {type: 'ephemeral'}` text: the marked system parts, then
//      the text of the first message that has any text (only if some message carries a marker);
//   3. SHA-256 of the whole system prompt text;
//   4. SHA-256 of the first message's text;
//   5. otherwise null (no stickiness).
// Rules 2–4 return the first 32 hex digits of the digest.
//
// The input is whatever JSON the client sent, so nothing is assumed about its
// shape. Where CRS itself would throw a TypeError on a malformed body (noted
// "CRS throws" below) this function carries on instead, treating the bad value
// as absent; CRS gives such a request no session hash at all (the route fails).
import { createHash } from 'node:crypto';

// Unanchored and case-sensitive, like CRS: the first `session_` followed by 36
// characters of [a-f0-9-] anywhere in user_id, even if they do not form a UUID.
const SESSION_IN_USER_ID = /session_([a-f0-9-]{36})/;

/** The session key CRS would compute for this request body, or null. */
export function sessionHashOf(body: unknown): string | null {
  // CRS: `if (!requestBody || typeof requestBody !== 'object') return null`. Arrays pass that test and
  // then simply have none of the fields.
  if (typeof body !== 'object' || body === null) return null;
  try {
    return compute(body);
  } catch {
    // Only reachable with exotic non-JSON input (throwing getters, proxies): never throw.
    return null;
  }
}

function compute(body: object): string | null {
  // 1. Claude Code's metadata.user_id. CRS only looks when metadata and user_id are truthy, and calls
  //    user_id.match(): a non-string user_id (number, object, true) makes CRS throw; here it is skipped.
  const userId = prop(prop(body, 'metadata'), 'user_id');
  if (typeof userId === 'string') {
    const sessionId = SESSION_IN_USER_ID.exec(userId)?.[1];
    if (sessionId !== undefined) return sessionId;
  }

  // CRS: `system = body.system || ''`, `messages = body.messages || []`. A truthy non-iterable messages
  // value (number, object, true) makes CRS's for-of throw; a string iterates harmlessly over its
  // characters and contributes nothing. Both are treated as "no messages" here.
  const system = prop(body, 'system');
  const rawMessages = prop(body, 'messages');
  const messages: unknown[] = Array.isArray(rawMessages) ? rawMessages : [];

  // 2. Cacheable content. Marked system parts count whatever their `type` (only `text` is read).
  let cacheable = '';
  if (Array.isArray(system)) {
    for (const part of system) {
      if (isEphemeral(part)) cacheable += jsText(prop(part, 'text'));
    }
  }
  // Only the FIRST message carrying a marker matters, and what it adds is not its own text but the
  // text of the first message (from the start) that has any. CRS throws on a null message here; it
  // is treated as a message without content.
  const marked = messages.find(hasEphemeralMarker);
  if (marked !== undefined) {
    for (const message of messages) {
      const text = messageText(message);
      if (text) {
        cacheable += text;
        break;
      }
    }
  }
  if (cacheable) return sha256Prefix(cacheable);

  // 3. The system prompt: a string as is, an array as the concatenation of every part's `text`
  //    (any part type, no separator). Other truthy values give no text. A null part makes CRS throw
  //    (`part.text`); it counts as empty here.
  let systemText = '';
  if (typeof system === 'string') systemText = system;
  else if (Array.isArray(system)) systemText = system.map((part) => jsText(prop(part, 'text'))).join('');
  if (systemText) return sha256Prefix(systemText);

  // 4. messages[0] only, whatever its role (even if it has no text while later messages do).
  if (messages.length > 0) {
    const text = messageText(messages[0]);
    if (text) return sha256Prefix(text);
  }

  return null;
}

/**
 * Whether a message carries an ephemeral cache marker in CRS's sense: one of its content parts has
 * `cache_control.type === 'ephemeral'`, or its content is a string and the message itself has the
 * marker. CRS computes `content = msg.content || ''`, so a message with missing or empty content
 * and a message-level marker counts too (a quirk, reproduced).
 */
function hasEphemeralMarker(message: unknown): boolean {
  const content = prop(message, 'content') || '';
  if (Array.isArray(content)) return content.some(isEphemeral);
  return typeof content === 'string' && isEphemeral(message);
}

/** `x && x.cache_control && x.cache_control.type === 'ephemeral'`. */
function isEphemeral(value: unknown): boolean {
  return prop(prop(value, 'cache_control'), 'type') === 'ephemeral';
}

/**
 * A message's text as CRS reads it: string content as is; for array content, the `text` of the parts
 * whose `type` is 'text', joined without separator (CRS throws on a null part; skipped here). Any
 * other content gives ''.
 */
function messageText(message: unknown): string {
  const content = prop(message, 'content');
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((part) => prop(part, 'type') === 'text')
    .map((part) => jsText(prop(part, 'text')))
    .join('');
}

/**
 * CRS's `value || ''` followed by JavaScript's string conversion (`+=` / `join`): falsy values
 * (0, false, null) give '', other non-strings their String() form (5 → '5', [1, 2] → '1,2',
 * {} → '[object Object]'). An object that cannot be converted (e.g. JSON `{"toString": 1}`, on
 * which CRS throws) gives ''.
 */
function jsText(value: unknown): string {
  if (!value) return '';
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch {
    return '';
  }
}

/**
 * `value[key]` for objects, undefined for anything else. Like CRS's `a && a.b` chains: primitives
 * have none of the fields read here, and CRS's guards skip null/undefined.
 */
function prop(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** The first 32 hex digits of SHA-256 over the UTF-8 bytes of `text` (Node's default encoding). */
function sha256Prefix(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
