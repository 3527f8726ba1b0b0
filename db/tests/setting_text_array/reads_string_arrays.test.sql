-- relaypg.setting_text_array trims and de-duplicates entries, keeping the
-- first-seen order.
begin;
select plan(4);

select is(relaypg.setting_text_array('tags', '["b", "a"]', 10, 10), array['b', 'a'],
  'entries keep their order');
select is(relaypg.setting_text_array('tags', '[" team-a ", "dev", "team-a", "dev "]', 10, 10),
  array['team-a', 'dev'], 'entries are trimmed and de-duplicated in first-seen order');
select is(relaypg.setting_text_array('tags', '[]', 10, 10), '{}'::text[], 'an empty array reads as {}');
select is(relaypg.setting_text_array('tags', '["a", "b", "a"]', 2, 10), array['a', 'b'],
  'the entry limit counts distinct entries');

select * from finish();
rollback;
