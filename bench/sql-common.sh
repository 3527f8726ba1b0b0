# Shared by the pgbench scripts (bench/*-sql.sh), sourced, not run: a database
# of their own built with `relaypg db setup` (the test roles), dropped on exit;
# tps FILE runs one pgbench measurement (prepared, 4 clients, 2 threads);
# median of numbers. Settings: TEST_ROOT_DATABASE_URL and the TEST_DATABASE_*
# variables of the tests. Expects $seconds and cwd = the project root.
root=${TEST_ROOT_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
db=relaypg_bench_sql_$$
url_for() { node -e 'const u=new URL(process.argv[1]);u.username=process.argv[2];u.password=process.argv[3];u.pathname="/"+process.argv[4];console.log(u.toString())' "$root" "$@"; }
owner=${TEST_DATABASE_OWNER:-relaypg_test_owner}
app=${TEST_DATABASE_APP_USER:-relaypg_test_app}
db_url=$(url_for postgres '' "$db")
work=$(mktemp -d)
cleanup() { psql "$root" -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

ROOT_DATABASE_URL=$root DATABASE_URL=$(url_for "$owner" x "$db") DATABASE_OWNER=$owner DATABASE_APP_USER=$app \
  DATABASE_OWNER_PASSWORD=${TEST_DATABASE_OWNER_PASSWORD:-relaypg_owner_test_password} \
  DATABASE_APP_PASSWORD=${TEST_DATABASE_APP_PASSWORD:-relaypg_app_test_password} LOG_LEVEL=warn \
  npx tsx src/cli.ts db setup --no-cron >&2

tps() { pgbench -n -M prepared -c 4 -j 2 -T "$seconds" -f "$work/$1.sql" "$db_url" 2>/dev/null | sed -nE 's/^tps = ([0-9.]+).*/\1/p'; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
