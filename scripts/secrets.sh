#!/usr/bin/env bash
# make secrets: writes the Docker Compose .env with fresh random secrets (refuses to overwrite an existing one).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
env_file="${ENV_FILE:-$ROOT/.env}"

if [ -e "$env_file" ]; then
  echo "error: ${env_file#"$ROOT"/} exists; it is not overwritten (its keys open the vault and sign tokens)." >&2
  echo "       Move it away first if you really want new secrets: credentials sealed with the old vault key can no longer be read." >&2
  exit 1
fi
key() { head -c 32 /dev/urandom | base64; }
word() { head -c 24 /dev/urandom | base64 | tr -d '/+='; }
(
  umask 077
  cat >"$env_file" <<ENV
# Written by 'make secrets' on $(date -u +%Y-%m-%dT%H:%M:%SZ). Back it up: TOOLKIT_VAULT_KEY opens the credential vault.
TOOLKIT_VAULT_KEY=$(key)
TOOLKIT_BUS_CREDENTIAL_KEY=$(key)
TOOLKIT_AUTH_SIGNING_KEY=$(head -c 48 /dev/urandom | base64)
TOOLKIT_ADMIN_USER=admin
TOOLKIT_ADMIN_PASSWORD=$(word)
RABBITMQ_USER=toolkit
RABBITMQ_PASSWORD=$(word)
POSTGRES_PASSWORD=$(word)
ENV
)
echo "wrote ${env_file#"$ROOT"/} (mode 600) with fresh keys and passwords; sign in as 'admin' with TOOLKIT_ADMIN_PASSWORD from it."
echo "back it up: without TOOLKIT_VAULT_KEY the stored credentials cannot be opened."
