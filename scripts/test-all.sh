#!/usr/bin/env bash
# Runs every test of the repository once, on SQLite and on the local PostgreSQL. Fails loudly if PostgreSQL is not
# reachable: the store tests must run on both databases, never skip one.
set -euo pipefail
cd "$(dirname "$0")/.."

export CI=true
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"

if ! node -e "
  const { Client } = require('pg');
  const c = new Client({ connectionString: process.env.BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING });
  c.connect().then(() => c.end()).catch(e => { console.error(e.message); process.exit(1); });
"; then
  echo "PostgreSQL is not reachable at $BACKSTAGE_TEST_DATABASE_POSTGRES16_CONNECTION_STRING; start it with:" >&2
  echo "  pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start" >&2
  exit 1
fi

node_modules/.bin/backstage-cli repo test --maxWorkers=2 "$@"
