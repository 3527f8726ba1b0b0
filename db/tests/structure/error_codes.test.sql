-- Every SQLSTATE a function raises (errcode = '...', or a limit code handed to
-- relaypg.refuse_over_limit) or returns as a refusal is in the registry
-- db/error-codes.md, every registry code is used, and every code follows
-- graphile/starter's rules.
--
-- The registry is hard-coded below; test/error-codes.test.ts checks that this
-- list and the markdown table stay in sync.
begin;
select plan(5);

create temp table registry (code text primary key) on commit drop;
insert into registry (code) values
  ('RVINV'), ('USNFD'), ('KYNFD'), ('KYDEL'), ('KYNDL'), ('KYDUP'),
  ('AUUNK'), ('AUDEL'), ('AUDIS'), ('AUEXP'), ('AUOWN'), ('AUNPL'), ('AUMOD'), ('AUCLI'),
  ('IMBAD'), ('IMCNF'),
  ('ACNFD'), ('ACBND'), ('ACKEY'), ('GRNFD'), ('GRMBR'), ('SLNAV'), ('OANFD'),
  ('ADVER'), ('LMCON'), ('LMREQ'), ('LMTOK'), ('LMCST'), ('LMDAY'), ('LMOPS'), ('LMTOT');

create temp view raised_codes as
  select distinct m[1] as code, p.oid::regprocedure::text as fn
    from pg_proc p, regexp_matches(p.prosrc, 'errcode\s*=\s*''([^'']*)''', 'gi') m
   where p.pronamespace in ('api'::regnamespace, 'relaypg'::regnamespace)
  union
  -- relaypg.refuse_over_limit raises the code it is given (errcode = p_code).
  select distinct m[1], p.oid::regprocedure::text
    from pg_proc p, regexp_matches(p.prosrc, 'refuse_over_limit\(\s*''([^'']*)''', 'g') m
   where p.pronamespace in ('api'::regnamespace, 'relaypg'::regnamespace);

create temp view refusal_codes as
  select distinct m[1] as code
    from pg_proc p, regexp_matches(p.prosrc, '''(AU[A-Z]{3})''', 'g') m
   where p.oid = 'api.authenticate_api_key(bytea, bytea, text, text, text, text, bytea[], text[])'::regprocedure;

select is_empty(
  $$select fn || ' raises ' || code from raised_codes where code not in (select code from registry)$$,
  'every errcode raised in api and relaypg is in the registry');

select is_empty(
  $$select code from refusal_codes where code not in (select code from registry)$$,
  'every refusal authenticate_api_key returns is in the registry');

select is_empty(
  $$select code from registry
     where code not in (select code from raised_codes)
       and code not in (select code from refusal_codes)$$,
  'every registry code is raised or returned by some function');

select cmp_ok((select count(*)::int from refusal_codes), '=', 8,
  'authenticate_api_key returns the eight AU* refusals');

select is_empty(
  $$select code from registry
     where code !~ '^[A-EGI-OQ-WYZ][A-Z0-9][A-OQ-Z1-9][A-Z][A-Z0-9]$'
        or code ~ '000$'$$,
  'registry codes follow the rules (5 chars; 1st a letter, not F/H/P/X; 3rd not 0/P; 4th a letter; not ...000)');

select * from finish();
rollback;
