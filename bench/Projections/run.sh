#!/usr/bin/env bash
# Read-side projection load scenario (outside CI): services up, then the driver (BENCH_ORDERS, BENCH_PUBLISHERS to tune).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# Its own database and vhost, emptied at each start, apart from run.sh's and the tests'.
export MODULAR_PG_DATABASE=modular_bench_projections MODULAR_RABBITMQ_VHOST=modular-bench-projections
source scripts/lib/settings.sh
scripts/services up >/dev/null
MODULAR_PG_DATABASE=postgres scripts/services psql -q -c "DROP DATABASE IF EXISTS $MODULAR_PG_DATABASE WITH (FORCE)"
scripts/services rabbitmqctl delete_vhost "$MODULAR_RABBITMQ_VHOST" >/dev/null 2>&1 || true
scripts/services up >/dev/null
dotnet build bench/Projections -c Release -nologo -v quiet
sync
exec dotnet bench/Projections/bin/Release/net10.0/Modular.Bench.Projections.dll
