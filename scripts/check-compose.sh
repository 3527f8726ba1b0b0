#!/usr/bin/env bash
# Validate docker-compose.yml without a Docker engine: Debian's docker-compose 1.29 parses and
# checks the file offline. Required secrets get dummy values; also check they really are required.
set -euo pipefail

case "${1:-}" in
  -h|--help)
    echo "Usage: scripts/check-compose.sh [--help]"
    echo "Installs docker-compose (apt) if missing and runs 'docker-compose config -q' on"
    echo "docker-compose.yml with dummy secrets; prints 'compose: ok' or exits non-zero."
    exit 0 ;;
  "") ;;
  *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
esac

cd "$(dirname "$0")/.."

if ! command -v docker-compose >/dev/null; then
  echo "compose: installing docker-compose"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
fi

required=(DATABASE_OWNER_PASSWORD DATABASE_APP_PASSWORD ADMIN_TOKEN API_KEY_HMAC_SECRET ACCOUNT_SECRET_KEY)

# Run `config -q` with dummy secrets, all but the names given. An empty --env-file: a local
# .env must not fill in values (it would hide a missing one). 1.29 rejects /dev/null here.
empty_env="$(mktemp)"
trap 'rm -f "$empty_env"' EXIT
config_with_all_but() {
  local unset=() set=() v
  for v in "${required[@]}"; do
    unset+=(-u "$v")
    [[ " $* " == *" $v "* ]] || set+=("$v=dummy-$v")
  done
  env "${unset[@]}" "${set[@]}" docker-compose --env-file "$empty_env" -f docker-compose.yml config -q
}

config_with_all_but || { echo "compose: docker-compose.yml is invalid" >&2; exit 1; }

# Each secret must be enforced with ${VAR:?...}: config must fail when it is unset.
for v in "${required[@]}"; do
  if config_with_all_but "$v" 2>/dev/null; then
    echo "compose: $v is not required by docker-compose.yml" >&2; exit 1
  fi
done

echo "compose: ok"
