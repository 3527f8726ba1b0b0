#!/usr/bin/env bash
# The whole test suite, from a fresh machine of this kind: sets up the servers,
# installs dependencies, migrates a test database, runs the checks, pgTAP and
# vitest, and ends with one line "N passed, N failed" (every check, every pgTAP
# assertion and every vitest test counted). Exit status 0 only if nothing failed.
set -uo pipefail

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
  echo "usage: scripts/test.sh   (environment: TEST_ROOT_DATABASE_URL, TEST_REDIS_URL; see README)"
  exit 0
fi

cd "$(dirname "$0")/.."
out=.test-output
rm -rf "$out" && mkdir -p "$out"
passed=0
failed=0
failures=()

say() { printf '\n== %s\n' "$*"; }
check() { # check NAME COMMAND...: one counted check
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $name"
  else failed=$((failed + 1)); failures+=("$name"); echo "FAILED: $name"; fi
}
die() { echo "test.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

# ---- environment of the test run (the one place the suite's settings live)
export TEST_ROOT_DATABASE_URL=${TEST_ROOT_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
export TEST_DATABASE_OWNER=${TEST_DATABASE_OWNER:-relaypg_test_owner}
export TEST_DATABASE_OWNER_PASSWORD=${TEST_DATABASE_OWNER_PASSWORD:-relaypg_owner_test_password}
export TEST_DATABASE_APP_USER=${TEST_DATABASE_APP_USER:-relaypg_test_app}
export TEST_DATABASE_APP_PASSWORD=${TEST_DATABASE_APP_PASSWORD:-relaypg_app_test_password}
export TEST_TEMPLATE_DATABASE=${TEST_TEMPLATE_DATABASE:-relaypg_test_template}
root_url=$TEST_ROOT_DATABASE_URL
url_for() { # url_for USER PASSWORD DATABASE
  node -e 'const u=new URL(process.argv[1]);u.username=process.argv[2];u.password=process.argv[3];u.pathname="/"+process.argv[4];console.log(u.toString())' "$root_url" "$@"
}
owner_url=$(url_for "$TEST_DATABASE_OWNER" "$TEST_DATABASE_OWNER_PASSWORD" "$TEST_TEMPLATE_DATABASE")
app_url=$(url_for "$TEST_DATABASE_APP_USER" "$TEST_DATABASE_APP_PASSWORD" "$TEST_TEMPLATE_DATABASE")
pgtap_db=relaypg_test_pgtap

# ---- servers and dependencies (a failure here stops the run)
say "servers"
bash scripts/setup-services.sh || die "setting up PostgreSQL/Redis failed"

say "dependencies"
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f node_modules/.relaypg-lock-hash || "$(cat node_modules/.relaypg-lock-hash)" != "$lock_hash" ]]; then
  npm ci --no-audit --no-fund || die "npm ci failed"
  echo "$lock_hash" > node_modules/.relaypg-lock-hash
else
  echo "node_modules matches package-lock.json"
fi

# ---- migrated template database (vitest and pgTAP clone it)
say "test database"
ROOT_DATABASE_URL=$root_url DATABASE_URL=$owner_url DATABASE_OWNER=$TEST_DATABASE_OWNER \
  DATABASE_OWNER_PASSWORD=$TEST_DATABASE_OWNER_PASSWORD DATABASE_APP_USER=$TEST_DATABASE_APP_USER \
  DATABASE_APP_PASSWORD=$TEST_DATABASE_APP_PASSWORD LOG_LEVEL=warn \
  npx tsx src/cli.ts db setup --reset --no-cron || die "migrating the test database failed"
export RELAYPG_TEST_TEMPLATE_READY=1

# ---- checks
say "checks"
check "typescript type-check" npx tsc -p tsconfig.json --noEmit
check "build" npm run --silent build

current_sql_is_empty() {
  # What graphile-migrate would run: anything but comments and blank lines.
  if grep -v '^[[:space:]]*--' db/migrations/current.sql | grep -q '[^[:space:]]'; then
    echo "db/migrations/current.sql is not empty: commit it (graphile-migrate commit)"
    return 1
  fi
}
check "current.sql is empty" current_sql_is_empty

generated_queries_are_fresh() {
  DATABASE_URL=$app_url npx pgtyped -c pgtyped.config.json > "$out/pgtyped.log" 2>&1
  # pgtyped exits 0 even when a query is invalid (and leaves the old file): read its log.
  if grep -Eiq 'error|failed' "$out/pgtyped.log"; then cat "$out/pgtyped.log"; return 1; fi
  git diff --exit-code -- 'src/**/*.queries.ts' || { echo "generated queries differ: run npm run codegen and commit"; return 1; }
  [[ -z "$(git status --porcelain -- 'src/**/*.queries.ts')" ]] || { echo "new generated query files are not committed"; return 1; }
}
check "generated queries are fresh (pgtyped)" generated_queries_are_fresh

schema_dump_is_fresh() {
  bash scripts/dump-schema.sh "$(url_for postgres '' "$TEST_TEMPLATE_DATABASE")" "$TEST_DATABASE_OWNER" "$TEST_DATABASE_APP_USER" > "$out/schema.sql" || return 1
  diff -u db/schema.sql "$out/schema.sql" || { echo "db/schema.sql is stale: run scripts/dump-schema.sh and commit"; return 1; }
}
check "schema dump is fresh" schema_dump_is_fresh
check "docker-compose.yml is valid" bash scripts/check-compose.sh

# ---- pgTAP
say "pgTAP"
psql "$root_url" -qtA -v ON_ERROR_STOP=1 -c "drop database if exists $pgtap_db with (force)" -c "create database $pgtap_db template $TEST_TEMPLATE_DATABASE" >/dev/null \
  || die "cloning the pgTAP database failed"
pgtap_url=$(url_for postgres '' "$pgtap_db")
psql "$pgtap_url" -q -v ON_ERROR_STOP=1 -v app_user="$TEST_DATABASE_APP_USER" -f db/tests/_setup.sql >/dev/null || die "loading db/tests/_setup.sql failed"
mapfile -t pgtap_files < <(find db/tests -name '*.test.sql' | sort)
pg_prove --verbose -d "$pgtap_url" "${pgtap_files[@]}" > "$out/pgtap.tap" 2>&1
pgtap_status=$?
read -r pgtap_passed pgtap_failed < <(node scripts/count-tap.mjs "$out/pgtap.tap")
grep -E '^(not ok|# |Failed|Parse errors|Result|Files=)' "$out/pgtap.tap" | grep -v '^# Subtest' | tail -n 40
if (( pgtap_status != 0 && pgtap_failed == 0 )); then pgtap_failed=1; fi
passed=$((passed + pgtap_passed)); failed=$((failed + pgtap_failed))
(( pgtap_failed == 0 )) || failures+=("pgTAP ($pgtap_failed)")
echo "pgTAP: $pgtap_passed passed, $pgtap_failed failed"
psql "$root_url" -qtA -c "drop database if exists $pgtap_db with (force)" >/dev/null

# ---- vitest
say "vitest"
npx vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest.json"
vitest_status=$?
read -r vitest_passed vitest_failed vitest_skipped < <(node -e '
  try { const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
        console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0), r.numPendingTests + r.numTodoTests); }
  catch { console.log("0 1 0"); }' "$out/vitest.json")
if (( vitest_status != 0 && vitest_failed == 0 )); then vitest_failed=1; fi
passed=$((passed + vitest_passed)); failed=$((failed + vitest_failed))
(( vitest_failed == 0 )) || failures+=("vitest ($vitest_failed)")
(( vitest_skipped == 0 )) || echo "vitest: $vitest_skipped skipped (see the messages above)"

say "summary"
(( failed == 0 )) || printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed"
(( failed == 0 ))
