-- relaypg.kind_platform: the platform each account kind serves. Console, CCR
-- and Bedrock serve claude; OpenAI-Responses serves openai. The table's check
-- holds every row to it.
begin;
select plan(2);

select results_eq(
  $$select k, relaypg.kind_platform(k) from unnest(array['claude-official', 'claude-console', 'ccr', 'bedrock',
      'gemini', 'openai', 'openai-responses', 'azure-openai']) k$$,
  $$values ('claude-official', 'claude'), ('claude-console', 'claude'), ('ccr', 'claude'), ('bedrock', 'claude'),
           ('gemini', 'gemini'), ('openai', 'openai'), ('openai-responses', 'openai'), ('azure-openai', 'azure-openai')$$,
  'every kind maps to its platform');
select tests.create_account('c1', 'claude-console');
select throws_ok($$update relaypg.accounts set platform = 'openai' where id = tests.account_id('c1')$$,
  '23514', null, 'the table refuses a platform that is not kind_platform(kind)');

select * from finish();
rollback;
