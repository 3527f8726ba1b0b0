-- api.select_accounts decides every request of a batch as api.select_account
-- would: a selection, or the request's own refusal (error_code, message,
-- column) in its row, while the other requests of the batch are served.
-- Requests of one session in one batch end on one account.
begin;
select plan(12);

select tests.create_key('k1');
select tests.create_account('first', p_settings => '{"priority": 10}');
select tests.create_account('second', p_settings => '{"priority": 20}');

create temp table batch on commit drop as
  select * from api.select_accounts(
    array[tests.key_id('k1'), '00000000-0000-4000-8000-000000000000', tests.key_id('k1'), tests.key_id('k1'), tests.key_id('k1')],
    array['claude', 'claude', 'bedrock', 'claude', 'claude'],
    array['claude-sonnet-4-20250514', 'claude-sonnet-4-20250514', 'm', 'ccr,claude-sonnet-4-20250514', 'claude-sonnet-4-20250514'],
    array['session-a', null, null, null, 'session-a']);

select is((select array_agg(ord order by ord) from batch), array[1, 2, 3, 4, 5], 'one row per request, ord = its position');
select is((select array_agg(coalesce(error_code, 'selected') order by ord) from batch),
  array['selected', 'KYNFD', 'RVINV', 'SLNAV', 'selected'], 'each request gets its own answer');
select is((select error_column from batch where ord = 3), 'platform', 'a refusal keeps the field it names');
select is((select error_detail from batch where ord = 4), 'no account of this kind exists', 'and its detail');
select ok((select error_message from batch where ord = 2) like 'API key % not found', 'and its message');
select is((select account_id from batch where ord = 2), null, 'a refused request has no selection');

-- The two requests of session-a: one picked from the pool, the other found its mapping.
select is((select array_agg(account_id) from batch where ord in (1, 5)), array[tests.account_id('first'), tests.account_id('first')],
  'both requests of a session get one account');
select is((select count(*)::int from batch where ord in (1, 5) and sticky), 1, 'the later one in session order is a sticky hit');
select is((select account_id from relaypg.sticky_sessions where session_hash = 'session-a'), tests.account_id('first'),
  'and the session is mapped to it');
select is((select session_expires_at from batch where ord = 1), now() + interval '1 hour', 'the mapping''s expiry is returned');
select is((select row(account_kind, upstream_model, account_version) from batch where ord = 1)::text,
  (select row(account_kind, upstream_model, account_version) from api.select_account(tests.key_id('k1'), 'claude', 'claude-sonnet-4-20250514', 'session-a'))::text,
  'a selection carries what the single call returns');

select is((select count(*)::int from api.select_accounts('{}', '{}', '{}', '{}')), 0, 'an empty batch returns no row');

select * from finish();
rollback;
