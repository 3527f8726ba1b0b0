-- relaypg.normalise_model, CRS's statistics name (redis._normalizeModelName):
-- a Bedrock id (containing '.anthropic.' or '.claude') loses its region
-- prefix, the first 'anthropic.' and a trailing -vN:M; any other model loses
-- a trailing -vN:M or :latest. null, '' and 'unknown' are kept; so is [1m].
-- Immutable.
begin;
select plan(13);

select volatility_is('relaypg', 'normalise_model', array['text'], 'immutable', 'normalise_model is immutable');

select is(relaypg.normalise_model('us.anthropic.claude-sonnet-4-20250514-v1:0'), 'claude-sonnet-4-20250514',
  'a Bedrock id loses its region, anthropic. and -v1:0');
select is(relaypg.normalise_model('us-east-1.anthropic.claude-3-5-haiku-20241022-v2:1'), 'claude-3-5-haiku-20241022',
  'any region prefix of letters, digits and dashes is removed, and any -vN:M');
select is(relaypg.normalise_model('anthropic.claude-3-haiku-20240307-v1:0'), 'claude-3-haiku-20240307',
  'an id without a region loses anthropic. (taken as the prefix) and its version');
select is(relaypg.normalise_model('apac.claude-opus-4-v1:0'), 'claude-opus-4',
  'an id containing .claude is a Bedrock id too');
select is(relaypg.normalise_model('eu.anthropic.claude-sonnet-4-20250514-v1:0:latest'), 'claude-sonnet-4-20250514-v1:0:latest',
  'a Bedrock id keeps a -vN:M that is not at the end, and :latest');
select is(relaypg.normalise_model('claude-sonnet-4-20250514[1m]'), 'claude-sonnet-4-20250514[1m]', '[1m] is kept');
select is(relaypg.normalise_model('claude-sonnet-4-20250514'), 'claude-sonnet-4-20250514', 'a plain model is unchanged');
select is(relaypg.normalise_model('llama3:latest'), 'llama3', 'another model loses a trailing :latest');
select is(relaypg.normalise_model('gpt-4o-v2:1'), 'gpt-4o', 'another model loses a trailing -vN:M');
select is(relaypg.normalise_model('model-v1:0:latest'), 'model-v1:0', 'only the trailing suffix goes (one of the two)');
select is(relaypg.normalise_model('unknown'), 'unknown', 'unknown is kept');
select is(row(relaypg.normalise_model(null), relaypg.normalise_model(''))::text, row(null::text, ''::text)::text,
  'null and the empty string are kept');

select * from finish();
rollback;
