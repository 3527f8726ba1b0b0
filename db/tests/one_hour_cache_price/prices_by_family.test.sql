-- relaypg.one_hour_cache_price: CRS's hard-coded price per token of a 1-hour
-- cache write, by family name anywhere in the model, case-insensitive: Opus
-- $30/MTok, Sonnet $6, Haiku $1.6; any other model (or none) 0.
begin;
select plan(10);

select is(relaypg.one_hour_cache_price('claude-opus-4-1-20250805'), 0.00003, 'Opus costs 0.00003');
select is(relaypg.one_hour_cache_price('claude-sonnet-4-20250514'), 0.000006, 'Sonnet costs 0.000006');
select is(relaypg.one_hour_cache_price('claude-3-5-haiku-20241022'), 0.0000016, 'Haiku costs 0.0000016');
select is(relaypg.one_hour_cache_price('us.anthropic.claude-3-OPUS-20240229-v1:0'), 0.00003, 'the match ignores case (OPUS)');
select is(relaypg.one_hour_cache_price('Claude-Sonnet-4-20250514[1m]'), 0.000006, 'the match ignores case (Sonnet)');
select is(relaypg.one_hour_cache_price('HAIKU'), 0.0000016, 'the match ignores case (HAIKU)');
select is(relaypg.one_hour_cache_price('gpt-5'), 0::numeric, 'another model costs 0');
select is(relaypg.one_hour_cache_price('claude-3-7'), 0::numeric, 'a Claude model of no known family costs 0');
select is(relaypg.one_hour_cache_price(''), 0::numeric, 'an empty name costs 0');
select is(relaypg.one_hour_cache_price(null), 0::numeric, 'no model costs 0');

select * from finish();
rollback;
