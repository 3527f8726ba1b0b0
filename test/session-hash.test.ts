// sessionHashOf against CRS's sessionHelper.generateSessionHash (commit 0881cc09): one block per
// rule, malformed bodies, and every request of the crs-2025-09 fixture whose hash CRS computed.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { sessionHashOf } from '../src/accounts/session-hash.js';
import { fixturePath, readExpected, type Expected } from './support/crs-fixture.js';

/** The test's own oracle for rules 2–4: first 32 hex digits of SHA-256. */
function h(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

const EPHEMERAL = { type: 'ephemeral' } as const;
const UUID = '798ce0cc-d715-4a43-b1db-623f16452fdf';
const CLAUDE_CODE_USER_ID = `user_19955857bcd37b048298ab5b950055cfa2506e302e8a10168d98098af5ef4915_account__session_${UUID}`;

describe('rule 1: the session UUID in metadata.user_id', () => {
  it('returns the UUID itself, ahead of every other rule', () => {
    expect(
      sessionHashOf({
        metadata: { user_id: CLAUDE_CODE_USER_ID },
        system: [{ type: 'text', text: 'sys', cache_control: EPHEMERAL }],
        messages: [{ role: 'user', content: 'hi' }],
      }),
    ).toBe(UUID);
  });

  it('matches anywhere in the string and takes the first occurrence', () => {
    const other = '00000000-1111-2222-3333-444444444444';
    expect(sessionHashOf({ metadata: { user_id: `xsession_${UUID}-tail_session_${other}` } })).toBe(UUID);
  });

  it('takes 36 characters of [a-f0-9-] even when they are not a UUID (CRS does not validate)', () => {
    expect(sessionHashOf({ metadata: { user_id: `session_${'-'.repeat(36)}` } })).toBe('-'.repeat(36));
    expect(sessionHashOf({ metadata: { user_id: `session_${'a'.repeat(40)}` } })).toBe('a'.repeat(36));
  });

  it('is case-sensitive and needs 36 characters, otherwise the next rules apply', () => {
    const body = (userId: string) => ({ metadata: { user_id: userId }, system: 'sys' });
    expect(sessionHashOf(body(`session_${UUID.toUpperCase()}`))).toBe(h('sys'));
    expect(sessionHashOf(body(`session_${UUID.slice(0, 35)}`))).toBe(h('sys'));
    expect(sessionHashOf(body(`user_abc_account__session_`))).toBe(h('sys'));
    expect(sessionHashOf(body(''))).toBe(h('sys'));
  });

  it('ignores a metadata that is not an object', () => {
    expect(sessionHashOf({ metadata: `session_${UUID}`, system: 'sys' })).toBe(h('sys'));
    expect(sessionHashOf({ metadata: [`session_${UUID}`], system: 'sys' })).toBe(h('sys'));
  });

  it('skips a non-string user_id, on which CRS would throw, and goes on to the next rules', () => {
    for (const userId of [42, true, { id: `session_${UUID}` }, [`session_${UUID}`]]) {
      expect(sessionHashOf({ metadata: { user_id: userId }, system: 'sys' })).toBe(h('sys'));
    }
  });
});

describe('rule 2: cache_control ephemeral content', () => {
  it('concatenates the marked system parts only, in order, whatever their type', () => {
    const system = [
      { type: 'text', text: 'A', cache_control: EPHEMERAL },
      { type: 'text', text: 'B' },
      { type: 'other', text: 'C', cache_control: EPHEMERAL },
    ];
    expect(sessionHashOf({ system, messages: [{ role: 'user', content: 'hi' }] })).toBe(h('AC'));
  });

  it('ignores cache_control whose type is not ephemeral, or that is not an object', () => {
    const system = [
      { type: 'text', text: 'A', cache_control: { type: 'persistent' } },
      { type: 'text', text: 'B', cache_control: 'ephemeral' },
    ];
    expect(sessionHashOf({ system })).toBe(h('AB')); // rule 3: the whole system text
  });

  it('adds the text of the FIRST message with text, not that of the marked message', () => {
    const messages = [
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'second' },
      { role: 'user', content: [{ type: 'text', text: 'marked', cache_control: EPHEMERAL }] },
    ];
    expect(sessionHashOf({ system: 'ignored: a string system is never cacheable', messages })).toBe(h('first'));
  });

  it('puts the marked system text first, then the message text, without separator', () => {
    const body = {
      system: [
        { type: 'text', text: 'S1', cache_control: EPHEMERAL },
        { type: 'text', text: 'unmarked' },
        { type: 'text', text: 'S2', cache_control: EPHEMERAL },
      ],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'M', cache_control: EPHEMERAL }] }],
    };
    expect(sessionHashOf(body)).toBe(h('S1S2M'));
  });

  it('skips messages without text and joins only the text parts of the first one that has some', () => {
    const messages = [
      { role: 'user', content: [{ type: 'image', source: { type: 'base64', data: 'xx' } }] },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a' },
          { type: 'image', text: 'not a text part' },
          { type: 'text', text: 'b', cache_control: EPHEMERAL },
        ],
      },
    ];
    expect(sessionHashOf({ messages })).toBe(h('ab'));
  });

  it('counts a message-level marker on string content', () => {
    const messages = [{ role: 'user', content: 'hello', cache_control: EPHEMERAL }];
    expect(sessionHashOf({ system: [{ type: 'text', text: 'plain' }], messages })).toBe(h('hello'));
  });

  it('counts a message-level marker on a message with no content (CRS reads content || \'\')', () => {
    const messages = [
      { role: 'user', cache_control: EPHEMERAL },
      { role: 'user', content: 'later' },
    ];
    expect(sessionHashOf({ messages })).toBe(h('later'));
    // Without the marker, rule 4 looks at messages[0] only, which has no text.
    expect(sessionHashOf({ messages: [{ role: 'user' }, { role: 'user', content: 'later' }] })).toBeNull();
  });

  it('ignores a message-level marker on array content', () => {
    const messages = [
      { role: 'user', content: 'first' },
      { role: 'user', content: [{ type: 'text', text: 'x' }], cache_control: EPHEMERAL },
    ];
    expect(sessionHashOf({ system: 'sys', messages })).toBe(h('sys'));
  });

  it('falls through when all the marked content is empty', () => {
    const system = [
      { type: 'text', text: '', cache_control: EPHEMERAL },
      { type: 'text', text: 'plain' },
    ];
    expect(sessionHashOf({ system })).toBe(h('plain'));
    const messages = [{ role: 'user', content: [{ type: 'image', cache_control: EPHEMERAL }] }];
    expect(sessionHashOf({ system: 'sys', messages })).toBe(h('sys'));
  });

  it('converts non-string text the way JavaScript does, falsy values giving nothing', () => {
    const system = [
      { type: 'text', text: 5, cache_control: EPHEMERAL },
      { type: 'text', text: 0, cache_control: EPHEMERAL },
      { type: 'text', text: [1, 2], cache_control: EPHEMERAL },
      { type: 'text', text: {}, cache_control: EPHEMERAL },
    ];
    expect(sessionHashOf({ system })).toBe(h('51,2[object Object]'));
  });
});

describe('rule 3: the system prompt', () => {
  it('hashes a string system (value CRS computed in the fixture)', () => {
    const system = 'fixture system prompt for victor-restored session 8af5dffb-2e0a-4c1c-b74f-0470264c204a';
    expect(sessionHashOf({ system, messages: [{ role: 'user', content: 'request 0' }] })).toBe(
      'a4213ca7ece9700ceb3b0737e3059eeb',
    );
  });

  it('joins the text of every part of an array system, whatever its type, without separator', () => {
    const system = [
      { type: 'text', text: 'You are ' },
      { type: 'image' },
      { type: 'other', text: 'Claude' },
      'a bare string part has no .text',
    ];
    expect(sessionHashOf({ system, messages: [{ role: 'user', content: 'hi' }] })).toBe(h('You are Claude'));
  });

  it('hashes the Claude Code system prompt when there is no session id', () => {
    const system = [{ type: 'text', text: "You are Claude Code, Anthropic's official CLI for Claude." }];
    expect(sessionHashOf({ system })).toBe(h("You are Claude Code, Anthropic's official CLI for Claude."));
  });

  it('falls through on an empty or non-text system', () => {
    const messages = [{ role: 'user', content: 'hi' }];
    for (const system of ['', [], [{ type: 'text', text: '' }], 42, { text: 'object system' }, true, null]) {
      expect(sessionHashOf({ system, messages })).toBe(h('hi'));
    }
  });
});

describe('rule 4: the first message', () => {
  it('hashes string content', () => {
    expect(sessionHashOf({ messages: [{ role: 'user', content: 'hello' }] })).toBe(h('hello'));
  });

  it('joins the text parts of array content, whatever the role', () => {
    const content = [
      { type: 'text', text: 'one ' },
      { type: 'tool_result', content: 'ignored' },
      { type: 'text', text: 'two' },
      { type: 'text' },
    ];
    expect(sessionHashOf({ messages: [{ role: 'assistant', content }] })).toBe(h('one two'));
  });

  it('uses messages[0] only', () => {
    const messages = [
      { role: 'user', content: 'first' },
      { role: 'user', content: 'second' },
    ];
    expect(sessionHashOf({ messages })).toBe(h('first'));
    expect(sessionHashOf({ messages: [{ role: 'user', content: [{ type: 'image' }] }, messages[1]] })).toBeNull();
  });
});

describe('rule 5 and malformed bodies: null, never an exception', () => {
  it('returns null for bodies that are not objects, and for empty ones', () => {
    for (const body of [null, undefined, '', 'text', 42, 0, true, false, [], [{ system: 'sys' }], {}]) {
      expect(sessionHashOf(body)).toBeNull();
    }
  });

  it('returns null when nothing has text', () => {
    expect(sessionHashOf({ system: '', messages: [] })).toBeNull();
    expect(sessionHashOf({ messages: [{ role: 'user', content: '' }] })).toBeNull();
    expect(sessionHashOf({ messages: [{ role: 'user', content: 42 }] })).toBeNull();
    expect(sessionHashOf({ metadata: { user_id: 'anonymous' }, messages: [] })).toBeNull();
  });

  it('treats a non-array messages (CRS throws on the non-iterable ones) as no messages', () => {
    for (const messages of [{ 0: { content: 'x' }, length: 1 }, 42, true, 'a string', {}]) {
      expect(sessionHashOf({ messages })).toBeNull();
      expect(sessionHashOf({ system: 'sys', messages })).toBe(h('sys'));
    }
  });

  it('survives null and primitive messages, parts and texts where CRS would throw', () => {
    expect(sessionHashOf({ messages: [null, { content: 'x' }] })).toBeNull(); // messages[0] has no text
    expect(sessionHashOf({ messages: [{ content: [null, 'str', 7, { type: 'text', text: 'ok' }] }] })).toBe(h('ok'));
    expect(
      sessionHashOf({
        messages: [
          { content: [{ type: 'image', cache_control: EPHEMERAL }] },
          null,
          { content: [null, { type: 'text', text: 'later' }] },
        ],
      }),
    ).toBe(h('later'));
    expect(sessionHashOf({ system: [null, { text: 'sys' }] })).toBe(h('sys'));
    expect(sessionHashOf({ system: [null, { text: 'marked', cache_control: EPHEMERAL }] })).toBe(h('marked'));
    // `{"toString": 1}` cannot be turned into a string: CRS throws, here it gives no text.
    const unconvertible: unknown = JSON.parse('{"toString": 1}');
    expect(sessionHashOf({ system: [{ text: unconvertible }, { text: 'rest' }] })).toBe(h('rest'));
  });

  it('does not throw on exotic objects either', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    expect(sessionHashOf(hostile)).toBeNull();
    expect(sessionHashOf({ system: hostile, messages: [hostile] })).toBeNull();
  });
});

// ---------------------------------------------------------------------------

const REQUESTS = 'requests.jsonl';
const requestsPresent = existsSync(fixturePath(REQUESTS));
if (!requestsPresent) {
  console.warn(
    `[session-hash.test] SKIPPED the fixture check: ${fixturePath(REQUESTS)} was not found ` +
      '(set RELAYPG_CRS_FIXTURE_DIR to the crs-2025-09 fixture directory).',
  );
}

/** The fields of a requests.jsonl line this test reads. */
interface RequestLine {
  seq: number;
  sessionHash?: string | null;
  /** 'sessionHelper.generateSessionHash' when CRS computed the hash from the body. */
  sessionHashSource?: string | null;
  body: unknown;
}

const CRS_SOURCE = 'sessionHelper.generateSessionHash';
const UUID_SHAPE = /^[a-f0-9-]{36}$/;
const HEX32_SHAPE = /^[a-f0-9]{32}$/;

describe.skipIf(!requestsPresent)('the crs-2025-09 requests (requests.jsonl)', () => {
  it('gives the hash CRS computed for every request it computed one for', async () => {
    let lines = 0;
    let lastSeq = 0;
    let compared = 0;
    let fromUserId = 0; // rule 1
    let fromContent = 0; // rules 2-4
    let notComputed = 0; // rejected and in-flight requests: CRS handed no hash to the scheduler
    let byHarness = 0; // Gemini / Codex: the harness hashed its own session id, not a body
    const mismatches: string[] = [];

    const input = createReadStream(fixturePath(REQUESTS), { encoding: 'utf8' });
    for await (const text of createInterface({ input, crlfDelay: Infinity })) {
      if (text.trim() === '') continue;
      const line = JSON.parse(text) as RequestLine;
      lines += 1;
      expect(line.seq, 'seq numbers run 1, 2, 3 …').toBe(lastSeq + 1);
      lastSeq = line.seq;

      if (line.sessionHashSource === 'harness') {
        byHarness += 1;
        continue;
      }
      if (line.sessionHashSource !== CRS_SOURCE) {
        expect(line.sessionHash ?? null, `seq ${line.seq}: a hash without a source`).toBeNull();
        notComputed += 1;
        continue;
      }

      compared += 1;
      const expected = line.sessionHash ?? null;
      const actual = sessionHashOf(line.body);
      if (actual !== expected) {
        if (mismatches.length < 10) mismatches.push(`seq ${line.seq}: CRS ${String(expected)}, got ${String(actual)}`);
        continue;
      }
      if (expected !== null && UUID_SHAPE.test(expected)) fromUserId += 1;
      else if (expected !== null && HEX32_SHAPE.test(expected)) fromContent += 1;
    }

    expect(mismatches, 'first mismatches').toEqual([]);
    if (existsSync(fixturePath('expected.json'))) {
      // expected.json records how many lines the harness wrote.
      const run = (readExpected() as Expected & { harnessRun?: { requestLog?: { lines?: number } } }).harnessRun;
      if (run?.requestLog?.lines !== undefined) expect(lines).toBe(run.requestLog.lines);
    }
    expect(compared).toBe(lines - notComputed - byHarness);
    // Both kinds of client are in the fixture: Claude Code (rule 1) and plain system prompts (rule 3).
    expect(fromUserId).toBeGreaterThan(0);
    expect(fromContent).toBeGreaterThan(0);
    expect(fromUserId + fromContent).toBe(compared);
  });
});
