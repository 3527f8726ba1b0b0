#!/usr/bin/env bash
# Prints the reviewable schema dump of a migrated database (db/schema.sql is
# this output, committed; the test run regenerates it and fails on a difference).
#   usage: scripts/dump-schema.sh SUPERUSER_DATABASE_URL [OWNER_ROLE APP_ROLE] > db/schema.sql
# Role names are written as the migrations' placeholders (:DATABASE_OWNER,
# :DATABASE_APP_USER), so the dump does not depend on how roles are named.
set -euo pipefail
if [[ $# -ne 1 && $# -ne 3 || "$1" == "--help" ]]; then
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
  [[ "${1:-}" == "--help" ]]; exit
fi
owner=${2:-${DATABASE_OWNER:-relaypg_owner}}
app=${3:-${DATABASE_APP_USER:-relaypg_app}}
# pg_dump >= 15.14 writes \restrict lines with a random key, and its own
# version in comments: drop both so the dump only changes with the schema.
# The dated partitions of the usage tables (usage_events_p2026_12, ...) are
# left out: which exist depends on the day the database was migrated
# (maintenance makes them); their parents and default partitions stay.
pg_dump --schema-only --schema=api --schema=relaypg --exclude-table='relaypg.usage_*_p[0-9]*' "$1" \
  | sed -E '/^\\(un)?restrict /d; /^-- Dumped (from|by) /d' \
  | sed -E "s/\b${owner}\b/:DATABASE_OWNER/g; s/\b${app}\b/:DATABASE_APP_USER/g"
