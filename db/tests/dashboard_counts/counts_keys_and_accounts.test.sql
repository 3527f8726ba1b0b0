-- api.dashboard_counts: keys (not deleted: total, active, created on the
-- local day of p_at) and accounts per kind, each counted once under its state at p_at
-- (available, paused, rate-limited, otherwise unavailable).
begin;
select plan(4);

select tests.create_key('live');
select tests.create_key('off', '{"is_active": false}');
select tests.create_key('gone');
update relaypg.api_keys set deleted_at = now(), is_active = false where id = tests.key_id('gone');
update relaypg.api_keys set created_at = now() - interval '3 days' where id = tests.key_id('off');

select tests.create_account('a-ok');
select tests.create_account('a-paused', 'claude-official', '{"is_paused": true}');
select tests.create_account('a-limited');
select tests.create_account('a-blocked');
select tests.create_account('g-ok', 'gemini');
update relaypg.accounts set rate_limited_until = now() + interval '1 hour' where id = tests.account_id('a-limited');
update relaypg.accounts set blocked_reason = 'unauthorized' where id = tests.account_id('a-blocked');

select is((select row(total, active, created_today)::text from api.dashboard_counts() where subject = 'api_keys'),
  row(2::bigint, 1::bigint, 1::bigint)::text, 'keys: deleted ones left out; the active one; one created today (deleted ones not counted)');
select is((select row(total, available, paused, rate_limited, other_unavailable)::text from api.dashboard_counts()
            where subject = 'claude-official'),
  row(4::bigint, 1::bigint, 1::bigint, 1::bigint, 1::bigint)::text, 'Claude accounts by state, each once');
select is((select row(total, available)::text from api.dashboard_counts() where subject = 'gemini'),
  row(1::bigint, 1::bigint)::text, 'every kind has its own row');
select is((select row(available, rate_limited)::text from api.dashboard_counts(now() + interval '2 hours') where subject = 'claude-official'),
  row(2::bigint, 0::bigint)::text, 'states are read by time: two hours on, the rate limit has ended');

select * from finish();
rollback;
