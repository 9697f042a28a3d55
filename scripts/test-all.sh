#!/usr/bin/env bash
# Runs every test of the repository: unit, store and HTTP tests on SQLite and on the local PostgreSQL, then the
# two-replica test, the restart and load tests, and the end-to-end suite in headless Chromium.
# `--unit` stops after the first part. Fails loudly if PostgreSQL is not reachable: the store tests must run on both
# databases, never skip one.
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

echo "== unit, store and HTTP tests (SQLite and PostgreSQL)"
node_modules/.bin/backstage-cli repo test --maxWorkers=2
[ "${1:-}" = "--unit" ] && exit 0

for tool in /usr/bin/chromium /usr/bin/prometheus; do
  if [ ! -x "$tool" ]; then
    echo "$tool is missing: apt-get install -y chromium prometheus (the end-to-end suite and the Prometheus test need them)" >&2
    exit 1
  fi
done

echo "== several replicas on one PostgreSQL"
node replicas/multi-replica-test.mjs

echo "== production config: the documented production command refuses every committed secret"
node reliability/production-config-test.mjs

echo "== reliability: SIGKILL mid-ingestion, then 200 concurrent clients (15 s here, 60 s in docs/reliability.md)"
node reliability/restart-test.mjs
node reliability/load-test.mjs --duration 15

echo "== end-to-end"
node --test e2e/portal.test.mjs
