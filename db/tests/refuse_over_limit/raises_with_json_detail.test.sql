-- relaypg.refuse_over_limit(code, what, limit, current, reset_at) raises the
-- given LM* SQLSTATE with the message '<what> limit reached: <current> of
-- <limit>' and DETAIL the JSON object {"limit", "current", "resetAt"} (an
-- ISO 8601 instant; null when there is no reset time). Caught here in a DO
-- block with GET STACKED DIAGNOSTICS.
begin;
select plan(6);

create temp table caught (state text, message text, detail text) on commit drop;
do $$
declare
  v_state text;
  v_message text;
  v_detail text;
begin
  perform relaypg.refuse_over_limit('LMREQ', 'request', 5, 5, '2026-09-16T04:00:00Z');
exception when others then
  get stacked diagnostics v_state = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail;
  insert into caught values (v_state, v_message, v_detail);
end
$$;

select is((select state from caught), 'LMREQ', 'it raises the SQLSTATE it is given');
select is((select message from caught), 'request limit reached: 5 of 5', 'with a message naming the limit and the figures');
select is((select detail::jsonb - 'resetAt' from caught), '{"limit": 5, "current": 5}'::jsonb,
  'its detail is JSON holding the limit and the current figure');
select is((select (detail::jsonb ->> 'resetAt')::timestamptz from caught), '2026-09-16T04:00:00Z'::timestamptz,
  'and resetAt, the instant the limit resets');

select throws_like($$select relaypg.refuse_over_limit('LMCST', 'window cost', 1.5, 1.75, null)$$,
  'window cost limit reached: 1.75 of 1.5', 'a money limit keeps its decimals in the message');
select is((tests.error_info($$select relaypg.refuse_over_limit('LMCST', 'window cost', 1.5, 1.75, null)$$) ->> 'detail')::jsonb,
  '{"limit": 1.5, "current": 1.75, "resetAt": null}'::jsonb, 'and in the detail, where a missing reset time is null');

select * from finish();
rollback;
