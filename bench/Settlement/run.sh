#!/usr/bin/env bash
# Settlement's ledger and export scenario (outside CI): services up, the Host built, then the driver (BENCH_ROWS to tune;
# 5,000,000 by default). Run on a quiet machine for figures; BENCH_ROWS=50000 proves it end to end in well under a minute.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# Its own database and vhost, emptied at each start, apart from run.sh's and the tests'.
export MODULAR_PG_DATABASE=modular_bench_settlement MODULAR_RABBITMQ_VHOST=modular-bench-settlement
source scripts/lib/settings.sh
scripts/services up >/dev/null
MODULAR_PG_DATABASE=postgres scripts/services psql -q -c "DROP DATABASE IF EXISTS $MODULAR_PG_DATABASE WITH (FORCE)"
scripts/services rabbitmqctl delete_vhost "$MODULAR_RABBITMQ_VHOST" >/dev/null 2>&1 || true
scripts/services up >/dev/null
dotnet build src/Host -c Release -nologo -v quiet
dotnet build bench/Settlement -c Release -nologo -v quiet
sync
exec dotnet bench/Settlement/bin/Release/net10.0/Modular.Bench.Settlement.dll
