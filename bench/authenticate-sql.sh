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
source bench/sql-common.sh
key_id=$(psql "$db_url" -qAtc "select id from api.create_api_key(sha256('bench'::bytea), 'hmac-sha256:v1', '{\"name\": \"bench\"}')")
echo "select * from api.authenticate_api_key(sha256('bench'::bytea), null, 'claude', 'claude-sonnet-4-20250514', 'claude_code');" > "$work/authenticate.sql"
echo "select id, name, is_active from relaypg.api_keys where id = '$key_id';" > "$work/anchor.sql"

declare -a auth anchor
for ((r = 0; r < rounds; r++)); do
  if (( r % 2 == 0 )); then anchor+=("$(tps anchor)"); auth+=("$(tps authenticate)")
  else auth+=("$(tps authenticate)"); anchor+=("$(tps anchor)"); fi
  echo "round $((r + 1)): authenticate ${auth[-1]} tps, primary-key select ${anchor[-1]} tps" >&2
done
a=$(median "${auth[@]}"); p=$(median "${anchor[@]}")
echo "sql-auth: authenticate_tps=${a%.*} pk_select_tps=${p%.*} ratio=$(awk -v a="$a" -v p="$p" 'BEGIN {printf "%.2f", a / p}')"
