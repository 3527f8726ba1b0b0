-- pgTAP fixtures for relaypg. Loaded ONCE into a migrated test database, as a
-- superuser, before pg_prove runs the *.test.sql files:
--
--   psql -v ON_ERROR_STOP=1 -v app_user=relaypg_app -f db/tests/_setup.sql
--   pg_prove $(find db/tests -name '*.test.sql' | sort)
--
-- Idempotent: the `tests` schema is dropped and recreated on every load. Never
-- load this into a production database: it adds a schema of test helpers.
--
-- Test files run as the superuser that pg_prove connects as. To act as the
-- runtime role (the service), a file switches role for the rest of its
-- transaction and switches back before assertions that need the superuser:
--
--   do $$ begin execute format('set local role %I', tests.app_role()); end $$;
--   select throws_ok('select * from relaypg.api_keys', '42501', null, '...');
--   reset role;
--
-- (`set role` needs a literal role name, hence the DO block.) pgTAP's own
-- temporary tables are granted to PUBLIC, so assertions work under any role.
-- To hand a value (e.g. a key id) to the part that runs as the runtime role,
-- stash it in a transaction-local setting, readable by any role:
--
--   select set_config('tests.key_id', tests.create_key('k1')::text, true);
--   ... api.get_api_key(current_setting('tests.key_id')::uuid) ...
--
-- Privileges: the runtime role gets NOTHING on schema `tests`. While a test
-- runs as the runtime role it calls only api.* functions, pgTAP and built-ins
-- (e.g. sha256(convert_to('key', 'UTF8')) instead of tests.digest('key')), so
-- that the privilege tests see exactly what the migration granted.

\set ON_ERROR_STOP 1
\if :{?app_user}
\else
  do $$ begin raise exception 'psql variable app_user (the runtime role) is required: -v app_user=relaypg_app'; end $$;
\endif

-- The tests assume a freshly migrated database: no keys, no users (only the
-- seeded client kinds). Every test file rolls back, so this stays true. This
-- also keeps the fixtures out of any database holding real data.
do $$
begin
  if exists (select 1 from relaypg.api_keys) or exists (select 1 from relaypg.users)
     or exists (select 1 from relaypg.accounts) then
    raise exception 'db/tests/_setup.sql: relaypg.api_keys or relaypg.users is not empty; use a freshly migrated test database';
  end if;
end
$$;

create extension if not exists pgtap with schema public;

drop schema if exists tests cascade;
create schema tests;
revoke all on schema tests from public;
comment on schema tests is 'pgTAP fixtures (db/tests/_setup.sql); only in test databases.';

-- The runtime role's name, baked in at load time (fails here if it does not exist).
create function tests.app_role()
returns text
language sql
immutable
return :'app_user';
comment on function tests.app_role() is 'The runtime role the service connects as.';

select tests.app_role()::regrole;

-- The digest the tests use for a plain key: sha256 of its UTF-8 bytes.
create function tests.digest(p_plain text)
returns bytea
language sql
immutable
return sha256(convert_to(p_plain, 'UTF8'));
comment on function tests.digest(text) is 'sha256 of a test key''s UTF-8 text (32 bytes).';

-- A user, username = id.
create function tests.create_user(p_id text, p_is_active boolean default true)
returns text
language sql
volatile
begin atomic
  insert into relaypg.users (id, username, is_active) values (p_id, p_id, p_is_active) returning id;
end;
comment on function tests.create_user(text, boolean) is 'Inserts a user (username = id) and returns its id.';

-- A key through the contract. Its plain key is p_name unless p_digest is given,
-- so tests.digest(p_name) authenticates it.
create function tests.create_key(
  p_name text, p_settings jsonb default '{}', p_digest bytea default null,
  p_scheme text default 'hmac-sha256:v1')
returns uuid
language sql
volatile
return (api.create_api_key(coalesce(p_digest, tests.digest(p_name)), p_scheme,
                           p_settings || jsonb_build_object('name', p_name))).id;
comment on function tests.create_key(text, jsonb, bytea, text) is
  'Creates a key via api.create_api_key (digest defaults to tests.digest(p_name)) and returns its id.';

-- The stored row of a key (superuser read, digest included).
create function tests.key(p_id uuid)
returns relaypg.api_keys
language sql
stable
return (select k from relaypg.api_keys k where k.id = p_id);
comment on function tests.key(uuid) is 'The stored relaypg.api_keys row of a key (null when absent).';

-- The refusal code api.authenticate_api_key returns (null = accepted).
create function tests.refusal(
  p_digest bytea, p_platform text default null, p_model text default null,
  p_client text default null, p_crs_digest bytea default null)
returns text
language sql
volatile
return (select a.refusal from api.authenticate_api_key(p_digest, p_crs_digest, p_platform, p_model, p_client) a);
comment on function tests.refusal(bytea, text, text, text, bytea) is
  'api.authenticate_api_key(...).refusal; null means accepted.';

-- What a statement raises, as jsonb {sqlstate, message, column, hint, detail}
-- (pgTAP's throws_ok checks only SQLSTATE and message). Null when it raises nothing.
create function tests.error_info(p_sql text)
returns jsonb
language plpgsql
volatile
as $$
declare
  v_state text;
  v_message text;
  v_column text;
  v_hint text;
  v_detail text;
begin
  execute p_sql;
  return null;
exception when others then
  get stacked diagnostics v_state = returned_sqlstate, v_message = message_text,
    v_column = column_name, v_hint = pg_exception_hint, v_detail = pg_exception_detail;
  return jsonb_build_object('sqlstate', v_state, 'message', v_message, 'column', v_column,
                            'hint', v_hint, 'detail', v_detail);
end
$$;
comment on function tests.error_info(text) is
  'Runs p_sql; returns its error as {sqlstate, message, column, hint, detail} (null if none).';

-- The COLUMN (the field name) of the error a statement raises; null if none.
create function tests.error_column(p_sql text)
returns text
language sql
volatile
return tests.error_info(p_sql) ->> 'column';
comment on function tests.error_column(text) is 'Runs p_sql; returns the COLUMN of its error (null if none).';

-- A realistic CRS apikey:{id} hash (every value a string). apiKey is the sha256
-- of the id's text, so tests.digest(p_id) is the key's CRS digest.
create function tests.crs_api_key(p_id text, p_overrides jsonb default '{}')
returns jsonb
language sql
immutable
return jsonb_build_object(
  'id', p_id, 'name', 'alice-dev', 'description', '', 'apiKey', encode(tests.digest(p_id), 'hex'),
  'tokenLimit', '0', 'concurrencyLimit', '5', 'rateLimitWindow', '0', 'rateLimitRequests', '0',
  'rateLimitCost', '0', 'isActive', 'true', 'claudeAccountId', '', 'claudeConsoleAccountId', '',
  'geminiAccountId', '', 'openaiAccountId', '', 'azureOpenaiAccountId', '', 'bedrockAccountId', '',
  'permissions', 'all', 'enableModelRestriction', 'false', 'restrictedModels', '[]',
  'enableClientRestriction', 'false', 'allowedClients', '[]', 'dailyCostLimit', '0',
  'weeklyOpusCostLimit', '0', 'tags', '["team-a","dev"]', 'activationDays', '0',
  'expirationMode', 'fixed', 'isActivated', 'true', 'activatedAt', '2025-08-07T06:03:00.000Z',
  'createdAt', '2025-08-07T06:03:00.000Z', 'lastUsedAt', '', 'expiresAt', '', 'createdBy', 'admin',
  'userId', '', 'userUsername', '', 'icon', '') || p_overrides;
comment on function tests.crs_api_key(text, jsonb) is
  'A realistic CRS apikey:{id} field map for p_id, with p_overrides merged on top.';

-- A realistic CRS user:{id} JSON document (a JSON document: real booleans/numbers).
create function tests.crs_user(p_id text, p_overrides jsonb default '{}')
returns jsonb
language sql
immutable
return jsonb_build_object(
  'id', p_id, 'username', 'alice', 'email', 'alice@example.com', 'displayName', 'Alice',
  'firstName', 'Alice', 'lastName', 'Liddell', 'role', 'user', 'isActive', true,
  'createdAt', '2025-08-01T09:00:00.000Z', 'updatedAt', '2025-08-02T09:00:00.000Z',
  'lastLoginAt', '2025-08-03T09:00:00.000Z', 'apiKeyCount', 1,
  'totalUsage', jsonb_build_object('requests', 0, 'inputTokens', 0, 'outputTokens', 0, 'totalCost', 0))
  || p_overrides;
comment on function tests.crs_user(text, jsonb) is
  'A realistic CRS user:{id} document for p_id, with p_overrides merged on top.';

-- Whether the runtime role holds an EXPLICIT grant of EXECUTE on a function
-- (has_function_privilege would also count PUBLIC's default grant).
create function tests.app_role_is_granted_execute(p_function regprocedure)
returns boolean
language sql
stable
return exists (
  select 1
    from pg_proc p, aclexplode(p.proacl) a
   where p.oid = p_function
     and a.grantee = tests.app_role()::regrole
     and a.privilege_type = 'EXECUTE');
comment on function tests.app_role_is_granted_execute(regprocedure) is
  'True when the function''s ACL grants EXECUTE to the runtime role itself.';

-- The id of the key named p_name (superuser read).
create function tests.key_id(p_name text)
returns uuid
language sql
stable
return (select k.id from relaypg.api_keys k where k.name = p_name);
comment on function tests.key_id(text) is 'The id of the key named p_name (null when absent).';

-- ---------------------------------------------------------------------------
-- Accounts
-- ---------------------------------------------------------------------------

-- A key ring with one key (version 1) unless told otherwise. Any role can
-- read it, so tests running as the runtime role pass it as a literal:
--   api.create_account('claude-official', '{"name":"a"}', '{}', tests.keyring())
create function tests.keyring(p_current integer default 1, p_versions integer[] default null)
returns jsonb
language sql
immutable
return jsonb_build_object('current', p_current, 'keys',
  (select jsonb_object_agg(v::text, 'test-account-secret-key-v' || v || '-0123456789abcdef')
     from unnest(coalesce(p_versions, array[p_current])) v));
comment on function tests.keyring(integer, integer[]) is
  'A key ring {"current", "keys"} with deterministic test keys for p_versions (default: only p_current).';

-- An account through the contract; name = p_name. Console and CCR accounts get
-- the apiUrl they require.
create function tests.create_account(
  p_name text, p_kind text default 'claude-official', p_settings jsonb default '{}',
  p_secrets jsonb default '{"accessToken": "test-access-token"}')
returns uuid
language sql
volatile
return (api.create_account(p_kind,
          case when p_kind in ('claude-console', 'ccr') then '{"options": {"apiUrl": "https://upstream.example"}}'::jsonb else '{}'::jsonb end
          || p_settings || jsonb_build_object('name', p_name),
          case when p_kind in ('claude-official', 'gemini', 'openai') then p_secrets
               when p_kind = 'bedrock' then '{"awsCredentials": {"accessKeyId": "AKIATEST", "secretAccessKey": "s"}}'::jsonb
               else '{"apiKey": "test-upstream-key"}'::jsonb end,
          tests.keyring())).id;
comment on function tests.create_account(text, text, jsonb, jsonb) is
  'Creates an account via api.create_account (kind-appropriate secrets, test key ring) and returns its id.';

create function tests.account_id(p_name text)
returns uuid
language sql
stable
return (select a.id from relaypg.accounts a where a.name = p_name);
comment on function tests.account_id(text) is 'The id of the account named p_name (null when absent).';

create function tests.account(p_id uuid)
returns relaypg.accounts
language sql
stable
return (select a from relaypg.accounts a where a.id = p_id);
comment on function tests.account(uuid) is 'The stored relaypg.accounts row (superuser read, ciphertext included).';

-- Moves time forward for one account: every timestamp it holds (and those of
-- its sticky sessions) is moved p_by into the past, which to the functions
-- (they read now()) is the same as p_by having passed.
create function tests.age_account(p_id uuid, p_by interval)
returns void
language plpgsql
volatile
as $$
declare
  v_columns text;
begin
  select string_agg(format('%1$I = %1$I - %2$L::interval', c.column_name, p_by), ', ')
    into v_columns
    from information_schema.columns c
   where c.table_schema = 'relaypg' and c.table_name = 'accounts' and c.data_type = 'timestamp with time zone';
  execute format('update relaypg.accounts set %s where id = %L', v_columns, p_id);
  update relaypg.sticky_sessions s set created_at = s.created_at - p_by, expires_at = s.expires_at - p_by
   where s.account_id = p_id;
end
$$;
comment on function tests.age_account(uuid, interval) is
  'Moves every timestamp of an account and its sticky sessions p_by into the past (= p_by of time passing).';

-- api.select_account's chosen account name for a key/session/model (platform claude by default).
create function tests.selected(
  p_key_id uuid, p_session text default null, p_model text default 'claude-sonnet-4-20250514',
  p_platform text default 'claude')
returns text
language sql
volatile
return (select a.name from api.select_account(p_key_id, p_platform, p_model, p_session) s
          join relaypg.accounts a on a.id = s.account_id);
comment on function tests.selected(uuid, text, text, text) is 'The name of the account api.select_account picks.';

-- A realistic CRS claude:account:{id} hash (OAuth shape; secrets are passed
-- decrypted to the importer, so the encrypted fields are left out here).
create function tests.crs_claude_account(p_id text, p_overrides jsonb default '{}')
returns jsonb
language sql
immutable
return jsonb_build_object(
  'id', p_id, 'name', 'claude-max-01', 'description', 'fixture max account', 'platform', 'claude',
  'accountType', 'shared', 'priority', '50', 'isActive', 'true', 'schedulable', 'true', 'status', 'active',
  'errorMessage', '', 'autoStopOnWarning', 'false', 'useUnifiedUserAgent', 'false',
  'scopes', 'user:inference user:profile', 'expiresAt', '1758016327913',
  'createdAt', '2025-08-07T04:06:00.000Z', 'lastUsedAt', '2025-09-16T03:58:26.198Z',
  'lastRefreshAt', '2025-09-16T01:52:07.913Z', 'proxy', '',
  'subscriptionInfo', '{"accountType":"claude_max","hasClaudeMax":true,"hasClaudePro":false}') || p_overrides;
comment on function tests.crs_claude_account(text, jsonb) is
  'A realistic CRS claude:account:{id} field map for p_id, with p_overrides merged on top.';

-- Nothing in `tests` is for anyone but the superuser running the tests.
revoke all on all functions in schema tests from public;
