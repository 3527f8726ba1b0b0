-- relaypg.crs_model_mapping normalises CRS supportedModels to a mapping:
-- a JSON object (Console/CCR), a JSON array (Azure) or a comma-joined string
-- (Gemini), as JSON text or a JSON value; empty = every model ({}); anything
-- unusable is IMBAD naming the field.
begin;
select plan(14);

select is(relaypg.crs_model_mapping('{"supportedModels": "{\"claude-sonnet-4-20250514\":\"upstream-sonnet\"}"}', 'supportedModels'),
  '{"claude-sonnet-4-20250514": "upstream-sonnet"}'::jsonb, 'a mapping as JSON text is kept');
select is(relaypg.crs_model_mapping('{"supportedModels": "[\"gpt-4o\",\"gpt-4o-mini\"]"}', 'supportedModels'),
  '{"gpt-4o": "gpt-4o", "gpt-4o-mini": "gpt-4o-mini"}'::jsonb, 'a list as JSON text becomes an identity mapping');
select is(relaypg.crs_model_mapping('{"supportedModels": "gemini-2.5-pro, gemini-2.5-flash"}', 'supportedModels'),
  '{"gemini-2.5-pro": "gemini-2.5-pro", "gemini-2.5-flash": "gemini-2.5-flash"}'::jsonb,
  'a comma-joined string becomes an identity mapping (names trimmed)');
select is(relaypg.crs_model_mapping('{"supportedModels": "gemini-2.5-pro"}', 'supportedModels'),
  '{"gemini-2.5-pro": "gemini-2.5-pro"}'::jsonb, 'a single name too');
select is(relaypg.crs_model_mapping('{"supportedModels": "a,,b, "}', 'supportedModels'),
  '{"a": "a", "b": "b"}'::jsonb, 'empty names in a comma-joined string are dropped');
select is(relaypg.crs_model_mapping('{"supportedModels": {"m": "u"}}', 'supportedModels'), '{"m": "u"}'::jsonb,
  'a JSON object value is kept');
select is(relaypg.crs_model_mapping('{"supportedModels": ["m"]}', 'supportedModels'), '{"m": "m"}'::jsonb,
  'a JSON array value becomes an identity mapping');
select is(relaypg.crs_model_mapping('{"supportedModels": ""}', 'supportedModels'), '{}'::jsonb, ''''' is every model');
select is(relaypg.crs_model_mapping('{"supportedModels": "{}"}', 'supportedModels'), '{}'::jsonb, '{} is every model');
select is(relaypg.crs_model_mapping('{"supportedModels": "[]"}', 'supportedModels'), '{}'::jsonb, '[] is every model');
select is(relaypg.crs_model_mapping('{}', 'supportedModels'), '{}'::jsonb, 'a missing field is every model');
select throws_ok($$select relaypg.crs_model_mapping('{"supportedModels": "{\"m\": "}', 'supportedModels')$$,
  'IMBAD', null, 'invalid JSON text is IMBAD');
select is(tests.error_column($$select relaypg.crs_model_mapping('{"supportedModels": "{\"m\": 1}"}', 'supportedModels')$$),
  'supportedModels', 'a mapping to a non-string is IMBAD naming the field');
select is(tests.error_column($$select relaypg.crs_model_mapping('{"supportedModels": "[\"\"]"}', 'supportedModels')$$),
  'supportedModels', 'an empty model name is IMBAD naming the field');

select * from finish();
rollback;
