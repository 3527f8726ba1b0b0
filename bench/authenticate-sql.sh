#!/usr/bin/env bash
# The database side of authentication alone: pgbench runs api.authenticate_api_key
# and, as the anchor in the same run, a primary-key SELECT on the same table
# (both prepared, 4 clients, 2 threads), alternating; prints tps and the ratio.
#   usage: bench/authenticate-sql.sh [SECONDS_PER_RUN (default 5)] [ROUNDS (default 3)]
set -euo pipefail
if [[ "${1:-}" == "--help" ]]; then sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0; fi
cd "$(dirname "$0")/.."
seconds=${1:-5}
rounds=${2:-3}
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
  npx tsx src/cli.ts db setup >&2
key_id=$(psql "$db_url" -qAtc "select id from api.create_api_key(sha256('bench'::bytea), 'hmac-sha256:v1', '{\"name\": \"bench\"}')")
echo "select * from api.authenticate_api_key(sha256('bench'::bytea), null, 'claude', 'claude-sonnet-4-20250514', 'claude_code');" > "$work/authenticate.sql"
echo "select id, name, is_active from relaypg.api_keys where id = '$key_id';" > "$work/anchor.sql"

tps() { pgbench -n -M prepared -c 4 -j 2 -T "$seconds" -f "$work/$1.sql" "$db_url" 2>/dev/null | sed -nE 's/^tps = ([0-9.]+).*/\1/p'; }
declare -a auth anchor
for ((r = 0; r < rounds; r++)); do
  if (( r % 2 == 0 )); then anchor+=("$(tps anchor)"); auth+=("$(tps authenticate)")
  else auth+=("$(tps authenticate)"); anchor+=("$(tps anchor)"); fi
  echo "round $((r + 1)): authenticate ${auth[-1]} tps, primary-key select ${anchor[-1]} tps" >&2
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
a=$(median "${auth[@]}"); p=$(median "${anchor[@]}")
echo "sql-auth: authenticate_tps=${a%.*} pk_select_tps=${p%.*} ratio=$(awk -v a="$a" -v p="$p" 'BEGIN {printf "%.2f", a / p}')"
