-- api.usage_averages: requests and core tokens (input + output) per minute
-- and per day over the scope's life up to p_at, days since created rounded
-- up and at least 1, rounded to 2 decimals; a key from its ledger and its
-- created_at, an account from the rollups and its own created_at, the whole
-- service from the rollups and the oldest key's created_at.
begin;
select plan(6);

select set_config('tests.key_id', tests.create_key('avg')::text, true);
update relaypg.api_keys set created_at = '2025-08-07T06:03:00Z' where id = current_setting('tests.key_id')::uuid;
insert into relaypg.api_key_usage (api_key_id, requests, input_tokens, output_tokens, cache_read_tokens)
values (current_setting('tests.key_id')::uuid, 2778, 2958451, 1477199, 999);

select is((select row(days, requests, tokens, requests_per_minute, tokens_per_minute, requests_per_day, tokens_per_day)::text
             from api.usage_averages('key', current_setting('tests.key_id'), now())),
  row(ceil(extract(epoch from now() - '2025-08-07T06:03:00Z'::timestamptz) / 86400)::integer, 2778::bigint, 4435650::bigint,
      round(2778::numeric / (ceil(extract(epoch from now() - '2025-08-07T06:03:00Z'::timestamptz) / 86400) * 1440), 2),
      round(4435650::numeric / (ceil(extract(epoch from now() - '2025-08-07T06:03:00Z'::timestamptz) / 86400) * 1440), 2),
      round(2778::numeric / ceil(extract(epoch from now() - '2025-08-07T06:03:00Z'::timestamptz) / 86400), 2),
      round(4435650::numeric / ceil(extract(epoch from now() - '2025-08-07T06:03:00Z'::timestamptz) / 86400), 2))::text,
  'a key: its ledger, core tokens only, over the days since it was created');

select tests.create_account('a-avg');
update relaypg.accounts set created_at = now() - interval '10 days 1 hour' where id = tests.account_id('a-avg');
insert into relaypg.usage_rollups_monthly (bucket, scope, scope_id, model, requests, input_tokens, output_tokens, cache_create_tokens,
                                           cache_create_5m_tokens, cache_create_1h_tokens, cache_read_tokens, long_context_requests, cost)
values (date_trunc('month', now() at time zone relaypg.usage_time_zone())::date, 'account', tests.account_id('a-avg')::text, 'm',
        110, 1000, 100, 5, 0, 0, 7, 0, 1);
select is((select row(days, requests, tokens, requests_per_day)::text from api.usage_averages('account', tests.account_id('a-avg')::text, now())),
  row(11, 110::bigint, 1100::bigint, 10.00)::text,
  'an account: its rollups over its own age (11 days, rounded up), not one day as CRS');

select is((select days from api.usage_averages('key', '00000000-0000-4000-8000-00000000dead', now())), 1,
  'an unknown key counts as one day old, with nothing in it');
select is((select days from api.usage_averages('all', '', now())),
  ceil(extract(epoch from now() - '2025-08-07T06:03:00Z'::timestamptz) / 86400)::integer,
  'the whole service: since the oldest key was created');
select throws_ok($$select * from api.usage_averages('team', 'x', now())$$, 'RVINV', null, 'an unknown scope is RVINV');
select throws_ok($$select * from api.usage_averages('key', 'not-a-key', now())$$, 'RVINV', null, 'a key scope with an id that is not a UUID is RVINV');

select * from finish();
rollback;
