-- relaypg.setting_model_mapping: an object {requested: upstream} is kept, an
-- array of models becomes an identity mapping (CRS's old supportedModels
-- format), null means every model ({}); anything else is RVINV naming the field.
begin;
select plan(12);

create function pg_temp.column_of(p_value jsonb) returns text language sql as $$
  select tests.error_column(format('select relaypg.setting_model_mapping(%L, %L)', 'my_mapping', p_value));
$$;

select is(relaypg.setting_model_mapping('m', '{"claude-sonnet-4": "claude-sonnet-4-20250514"}'),
  '{"claude-sonnet-4": "claude-sonnet-4-20250514"}'::jsonb, 'an object is kept as given');
select is(relaypg.setting_model_mapping('m', '["claude-opus-4", "claude-sonnet-4"]'),
  '{"claude-opus-4": "claude-opus-4", "claude-sonnet-4": "claude-sonnet-4"}'::jsonb, 'an array becomes an identity mapping');
select is(relaypg.setting_model_mapping('m', '[]'), '{}'::jsonb, 'an empty array is every model');
select is(relaypg.setting_model_mapping('m', '{}'), '{}'::jsonb, 'an empty object is every model');
select is(relaypg.setting_model_mapping('m', 'null'), '{}'::jsonb, 'JSON null is every model');
select is(relaypg.setting_model_mapping('m', null), '{}'::jsonb, 'SQL null is every model');
select throws_ok($$select relaypg.setting_model_mapping('m', '"claude-opus-4"')$$, 'RVINV', null, 'a string raises RVINV');
select is(pg_temp.column_of('"claude-opus-4"'), 'my_mapping', 'the error names the field passed in');
select is(pg_temp.column_of('["claude-opus-4", ""]'), 'my_mapping', 'a blank model in an array is refused');
select is(pg_temp.column_of('["claude-opus-4", 4]'), 'my_mapping', 'a non-string model in an array is refused');
select is(pg_temp.column_of('{"claude-opus-4": ""}'), 'my_mapping', 'a blank upstream model is refused');
select is(pg_temp.column_of('{"": "claude-opus-4"}'), 'my_mapping', 'a blank requested model is refused');

select * from finish();
rollback;
