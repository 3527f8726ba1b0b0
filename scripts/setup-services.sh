#!/usr/bin/env bash
# Prepare PostgreSQL (+ pg_cron, pgTAP, pg_prove) and Redis on a Debian machine of the
# node-svc kind (root, cluster 'main', trust auth). Idempotent: a second run changes nothing.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: scripts/setup-services.sh [--help]

Installs (only if missing) postgresql-$V-cron, postgresql-$V-pgtap, pg_prove and redis-server,
writes /etc/postgresql/$V/main/conf.d/relaypg.conf (pg_cron preload), starts or restarts the
'main' cluster only when needed, starts Redis if it does not answer, waits for both, and
creates the pg_cron extension in database 'postgres'. Safe to run repeatedly.

Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), REDIS_PORT (6379),
WAIT_SECONDS (30).
USAGE
}
case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  "") ;;
  *) usage >&2; exit 2 ;;
esac

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
REDIS_PORT="${REDIS_PORT:-6379}"
WAIT_SECONDS="${WAIT_SECONDS:-30}"
changed=0

log() { echo "setup: $*"; }
die() { echo "setup: ERROR: $*" >&2; exit 1; }
psql_su() { psql -X -q -At -d postgres -v ON_ERROR_STOP=1 "$@"; }

# --- PostgreSQL major version: whatever cluster the machine has (never hard-coded) ---
mapfile -t versions < <(ls /etc/postgresql 2>/dev/null)
[[ ${#versions[@]} -eq 1 ]] || die "expected exactly one version in /etc/postgresql, found: ${versions[*]:-none}"
V="${versions[0]}"
CONF_DIR="/etc/postgresql/$V/main"
[[ -f "$CONF_DIR/postgresql.conf" ]] || die "no cluster config at $CONF_DIR"
log "PostgreSQL $V (cluster main)"

# --- Packages: apt only when something is actually missing ---
installed() { dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null | grep -q '^ii'; }
missing=()
for pkg in "postgresql-$V-cron" "postgresql-$V-pgtap" libtap-parser-sourcehandler-pgtap-perl; do
  installed "$pkg" || missing+=("$pkg")
done
command -v redis-server >/dev/null || missing+=(redis-server)
if [[ ${#missing[@]} -gt 0 ]]; then
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  changed=1
fi

# --- Config: pg_cron must be preloaded; only rewrite when the content differs ---
# Background workers let jobs run without libpq/pg_hba; each running job takes one worker,
# so raise the pool above the default 8 (parallel query and the launchers share it).
conf_file="$CONF_DIR/conf.d/relaypg.conf"
desired="# Managed by relaypg scripts/setup-services.sh; edits are overwritten.
shared_preload_libraries = 'pg_cron'
cron.database_name = 'postgres'
cron.use_background_workers = on
max_worker_processes = 16"
conf_changed=0
# Debian ships include_dir = 'conf.d'; verify it instead of trusting it.
if ! grep -Eq "^[[:space:]]*include_dir[[:space:]]*=?[[:space:]]*'conf\.d'" "$CONF_DIR/postgresql.conf"; then
  log "adding include_dir = 'conf.d' to $CONF_DIR/postgresql.conf"
  printf "\n# Added by relaypg setup-services.sh\ninclude_dir = 'conf.d'\n" >> "$CONF_DIR/postgresql.conf"
  conf_changed=1
fi
mkdir -p "$CONF_DIR/conf.d"
if ! printf '%s\n' "$desired" | cmp -s - "$conf_file"; then
  log "writing $conf_file"
  printf '%s\n' "$desired" > "$conf_file"
  conf_changed=1
fi

# ALTER SYSTEM writes postgresql.auto.conf, which is read last and would override conf.d.
data_dir="$(pg_lsclusters -h "$V" main | awk '{print $6}')"
auto_spl="$(grep -E '^[[:space:]]*shared_preload_libraries' "$data_dir/postgresql.auto.conf" 2>/dev/null | tail -n1 || true)"
if [[ -n "$auto_spl" && "$auto_spl" != *pg_cron* ]]; then
  die "$data_dir/postgresql.auto.conf overrides conf.d with: $auto_spl
  (this drops pg_cron). Fix: psql -c \"ALTER SYSTEM RESET shared_preload_libraries\" (or include pg_cron), then rerun."
fi

wait_for() { # name, command...: poll for up to WAIT_SECONDS
  local name="$1"; shift
  for ((i = 0; i < WAIT_SECONDS; i++)); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  die "$name did not answer within ${WAIT_SECONDS}s ($*)"
}
pg_ready() { pg_isready -h "$PGHOST" -p "$PGPORT" -q; }

# --- Start or restart the cluster only when needed ---
if ! pg_ctlcluster "$V" main status >/dev/null 2>&1; then
  log "starting PostgreSQL $V main"
  pg_ctlcluster --skip-systemctl-redirect "$V" main start
  changed=1
  wait_for PostgreSQL pg_ready
else
  wait_for PostgreSQL pg_ready
  spl="$(psql_su -c 'SHOW shared_preload_libraries')"
  reason=""
  [[ $conf_changed -eq 1 ]] && reason="config changed"
  [[ "$spl" == *pg_cron* ]] || reason="${reason:+$reason; }running server lacks pg_cron (shared_preload_libraries='$spl')"
  if [[ -n "$reason" ]]; then
    log "restarting PostgreSQL $V main: $reason"
    pg_ctlcluster --skip-systemctl-redirect "$V" main restart
    changed=1
    wait_for PostgreSQL pg_ready
  fi
fi
spl="$(psql_su -c 'SHOW shared_preload_libraries')"
[[ "$spl" == *pg_cron* ]] || die "server still lacks pg_cron in shared_preload_libraries ('$spl'); another config file overrides $conf_file"

# --- Redis: used only as a cache, so nothing is persisted ---
redis_ping() { [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }
if ! redis_ping; then
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  changed=1
fi
wait_for Redis redis_ping

# --- pg_cron lives only in cron.database_name = postgres ---
if [[ "$(psql_su -c "SELECT count(*) FROM pg_extension WHERE extname = 'pg_cron'")" != 1 ]]; then
  log "creating extension pg_cron in database postgres"
  psql_su -c 'CREATE EXTENSION IF NOT EXISTS pg_cron'
  changed=1
fi

if [[ $((changed | conf_changed)) -eq 0 ]]; then
  log "nothing changed; PostgreSQL $V (pg_cron) and Redis are ready"
else
  log "done; PostgreSQL $V (pg_cron) and Redis are ready"
fi
