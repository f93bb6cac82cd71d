#!/usr/bin/env bash
# Messaging backbone load scenario: services up, then the driver (BENCH_DURATION_S, BENCH_CONCURRENCY to tune).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source scripts/lib/settings.sh
scripts/services up
dotnet build bench/Messaging -c Release -nologo -v quiet
exec dotnet bench/Messaging/bin/Release/net10.0/Modular.Bench.Messaging.dll
