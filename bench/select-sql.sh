#!/usr/bin/env bash
# The database side of account selection alone: pgbench runs api.select_account
# for a sticky hit (a session drawn from 9000 mapped ones), for a pool pick (a
# never-seen session), and, as the anchor in the same run, a primary-key SELECT
# on relaypg.accounts (all prepared, 4 clients, 2 threads, asynchronous commit
# as the service asks); 20 shared accounts. Prints tps and the ratios.
#   usage: bench/select-sql.sh [SECONDS_PER_RUN (default 5)] [ROUNDS (default 3)]
set -euo pipefail
if [[ "${1:-}" == "--help" ]]; then sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0; fi
cd "$(dirname "$0")/.."
seconds=${1:-5}
rounds=${2:-3}
source bench/sql-common.sh
keyring='{"current": 1, "keys": {"1": "bench-account-secret-key-0123456789abcdef"}}'
psql "$db_url" -qv ON_ERROR_STOP=1 >/dev/null <<SQL
select api.create_account('claude-official', jsonb_build_object('name', 'bench-' || i, 'priority', 10 * (1 + i % 5)),
                          '{"accessToken": "bench"}', '$keyring') from generate_series(1, 20) i;
select api.create_api_key(sha256('bench'::bytea), 'hmac-sha256:v1', '{"name": "bench"}');
select api.select_account((select id from relaypg.api_keys), 'claude', 'claude-sonnet-4-20250514', md5(i::text))
  from generate_series(1, 9000) i;
vacuum analyze;
SQL
key_id=$(psql "$db_url" -qAtc "select id from relaypg.api_keys")
account_id=$(psql "$db_url" -qAtc "select id from relaypg.accounts limit 1")
call="select * from api.select_account('$key_id', 'claude', 'claude-sonnet-4-20250514'"
printf '%s\n' '\set i random(1, 9000)' "$call, md5(:i::text), '1 hour', '15 minutes', true);" > "$work/sticky.sql"
echo "$call, md5(random()::text), '1 hour', '15 minutes', true);" > "$work/pick.sql"
echo "select id, name, is_active from relaypg.accounts where id = '$account_id';" > "$work/anchor.sql"

declare -a sticky pick anchor
for ((r = 0; r < rounds; r++)); do
  anchor+=("$(tps anchor)"); sticky+=("$(tps sticky)"); pick+=("$(tps pick)")
  psql "$db_url" -qc 'vacuum analyze' >/dev/null
  echo "round $((r + 1)): sticky hit ${sticky[-1]} tps, pool pick ${pick[-1]} tps, primary-key select ${anchor[-1]} tps" >&2
done
s=$(median "${sticky[@]}"); k=$(median "${pick[@]}"); p=$(median "${anchor[@]}")
echo "sql-select: sticky_tps=${s%.*} pick_tps=${k%.*} pk_select_tps=${p%.*} sticky_ratio=$(awk -v a="$s" -v p="$p" 'BEGIN {printf "%.2f", a / p}') pick_ratio=$(awk -v a="$k" -v p="$p" 'BEGIN {printf "%.2f", a / p}')"
