#!/usr/bin/env bash
# Prints the reviewable schema dump of a migrated database (db/schema.sql is
# this output, committed; CI regenerates it and fails on a difference).
#   usage: scripts/dump-schema.sh SUPERUSER_DATABASE_URL > db/schema.sql
set -euo pipefail
if [[ $# -ne 1 || "$1" == "--help" ]]; then
  sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'
  [[ "${1:-}" == "--help" ]]; exit
fi
# pg_dump >= 15.14 writes \restrict lines with a random key, and its own
# version in comments: drop both so the dump only changes with the schema.
pg_dump --schema-only --schema=api --schema=relaypg "$1" | sed -E '/^\\(un)?restrict /d; /^-- Dumped (from|by) /d'
