#!/usr/bin/env bash
# make backup: archive of the data folder (SQLite database, artifacts, plugins), plus pg_dump when DB=postgres.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

dest="${BACKUP_DIR:-$ROOT/artifacts/backups}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$dest"

if [ -d "$DATA_DIR" ]; then
  archive="$dest/data-$stamp.tar.gz"
  tar -czf "$archive" -C "$(dirname "$DATA_DIR")" "$(basename "$DATA_DIR")"
  echo "data folder  $DATA_DIR -> $archive"
else
  echo "data folder  $DATA_DIR does not exist yet: nothing to archive"
fi

if [ "$DB" = postgres ]; then
  command -v pg_dump >/dev/null 2>&1 || { echo "error: pg_dump not found (apt-get install postgresql-client)" >&2; exit 1; }
  dump="$dest/postgres-$PGDATABASE-$stamp.dump"
  if ! PGPASSWORD="${PGPASSWORD:-$(cat "$POSTGRES_PASSWORD_FILE" 2>/dev/null)}" pg_dump --format=custom --file="$dump" \
      --host="$PGHOST" --port="$PGPORT" --username="$PGUSER" --no-password "$PGDATABASE"; then
    rm -f "$dump"
    echo "error: pg_dump of $PGDATABASE@$PGHOST:$PGPORT failed (see above)" >&2
    exit 1
  fi
  echo "database     $PGDATABASE@$PGHOST:$PGPORT -> $dump (restore: pg_restore --clean -d $PGDATABASE $dump)"
fi
