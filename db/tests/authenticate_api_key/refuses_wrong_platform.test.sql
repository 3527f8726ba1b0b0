-- api.authenticate_api_key refuses a request for a platform the key's
-- permissions do not cover with AUNPL.
begin;
select plan(6);

select tests.create_key('claude-only', '{"permissions": "claude"}');
select tests.create_key('all');

select is(tests.refusal(tests.digest('claude-only'), 'claude'), null, 'a claude key is accepted on claude');
select is(tests.refusal(tests.digest('claude-only'), 'gemini'), 'AUNPL', 'a claude key is refused on gemini with AUNPL');
select is(tests.refusal(tests.digest('claude-only'), 'openai'), 'AUNPL', 'a claude key is refused on openai with AUNPL');
select is(tests.refusal(tests.digest('claude-only'), null), null, 'without a platform, the permission is not checked');
select is(tests.refusal(tests.digest('all'), 'gemini'), null, 'an all key is accepted on gemini');
select is(tests.refusal(tests.digest('all'), 'openai'), null, 'an all key is accepted on openai');

select * from finish();
rollback;
