-- relaypg.raise_invalid raises RVINV with the field in COLUMN and the hint.
begin;
select plan(5);

select throws_ok($$select relaypg.raise_invalid('token_limit', 'must not be negative')$$,
  'RVINV', null, 'raise_invalid raises RVINV');
select is(tests.error_column($$select relaypg.raise_invalid('token_limit', 'must not be negative')$$),
  'token_limit', 'the field travels in COLUMN');
select is(tests.error_info($$select relaypg.raise_invalid('token_limit', 'must not be negative')$$) ->> 'message',
  'token_limit: must not be negative', 'the message is "<field>: <message>"');
select is(tests.error_info($$select relaypg.raise_invalid('token_limit', 'x', '0 means no limit')$$) ->> 'hint',
  '0 means no limit', 'the hint is passed through');
select is(tests.error_info($$select relaypg.raise_invalid('token_limit', 'x')$$) ->> 'hint',
  '', 'without a hint, HINT is empty');

select * from finish();
rollback;
