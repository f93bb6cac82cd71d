#!/usr/bin/env bash
# Messaging backbone load scenario (outside CI): services up, then the driver (BENCH_DURATION_S, BENCH_CONCURRENCY to tune).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# Its own database and vhost, emptied at each start: every run measures the same clean state and never touches the
# queues run.sh and the tests use.
export MODULAR_PG_DATABASE=modular_bench MODULAR_RABBITMQ_VHOST=modular-bench
source scripts/lib/settings.sh
scripts/services up >/dev/null
MODULAR_PG_DATABASE=postgres scripts/services psql -q -c "DROP DATABASE IF EXISTS $MODULAR_PG_DATABASE WITH (FORCE)"
scripts/services rabbitmqctl delete_vhost "$MODULAR_RABBITMQ_VHOST" >/dev/null
scripts/services up >/dev/null
dotnet build bench/Messaging -c Release -nologo -v quiet
# Dirty pages left by earlier runs (a dropped database, gigabytes of WAL) are written back now, not during the
# measurement.
sync
exec dotnet bench/Messaging/bin/Release/net10.0/Modular.Bench.Messaging.dll
