-- relaypg.usage_time_zone is the zone stored in relaypg.usage_settings (one
-- row; Asia/Shanghai after migration).
begin;
select plan(3);

select is(relaypg.usage_time_zone(), 'Asia/Shanghai', 'the migrated default is Asia/Shanghai');
update relaypg.usage_settings set time_zone = 'Europe/Paris';
select is(relaypg.usage_time_zone(), 'Europe/Paris', 'it reads the stored zone');
select throws_ok($$insert into relaypg.usage_settings (singleton, time_zone) values (false, 'UTC')$$, '23514', null,
  'the settings table holds one row only');

select * from finish();
rollback;
