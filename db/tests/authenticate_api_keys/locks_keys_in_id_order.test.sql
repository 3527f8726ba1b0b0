-- api.authenticate_api_keys decides its requests in the order of their keys'
-- ids (the order everything else that locks several keys uses), whatever the
-- order of the arrays or of the digests: the keys it locks (here: six first
-- uses of activation-mode keys) are locked, and updated, in id order.
begin;
select plan(2);

select tests.create_key('k' || i, '{"expiration_mode": "activation", "activation_days": 1}') from generate_series(1, 6) i;

-- Record the order in which the batch updates the keys.
create temp table updated (seq serial, id uuid) on commit drop;
grant insert, select on updated to public;  -- the trigger runs as the function's owner
grant usage on sequence updated_seq_seq to public;
create function pg_temp.record_update() returns trigger language plpgsql as $$
begin
  insert into updated (id) values (new.id);
  return new;
end $$;
create trigger record_update after update on relaypg.api_keys for each row execute function pg_temp.record_update();

select is((select count(*)::int from api.authenticate_api_keys(
    array[tests.digest('k3'), tests.digest('k6'), tests.digest('unknown'), tests.digest('k1'), tests.digest('k5'), tests.digest('k2'), tests.digest('k4')],
    array_fill(null::bytea, array[7]), array_fill('claude'::text, array[7]), array_fill(null::text, array[7]), array_fill(null::text, array[7]))
  where activated_now), 6, 'the six first uses activate their keys');
select is((select array_agg(id order by seq) from updated), (select array_agg(id order by id) from updated),
  'the keys were updated in id order');

drop trigger record_update on relaypg.api_keys;
select * from finish();
rollback;
