#!/usr/bin/env bash
# make admin-password: prints the first admin's password (only the password, on one line).
# Toolkit__Auth__AdminPassword when set; otherwise the one the AppHost generated at the first 'make start' and keeps in
# its user secrets (parameter auth-admin-password).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

if [ -n "${Toolkit__Auth__AdminPassword:-}" ]; then
  printf '%s\n' "$Toolkit__Auth__AdminPassword"
  exit 0
fi
password="$(dotnet user-secrets list --project "$ROOT/IgnitionToolkit.AppHost/IgnitionToolkit.AppHost.csproj" 2>/dev/null \
  | sed -n 's/^Parameters:auth-admin-password = //p')"
if [ -z "$password" ]; then
  echo "no admin password yet: 'make start' generates one at its first start (or set Toolkit__Auth__AdminPassword)" >&2
  exit 1
fi
printf '%s\n' "$password"
