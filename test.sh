#!/usr/bin/env bash
# Runs every test (unit, architecture, integration, the console's component and browser tests). The integration tests bring their own RabbitMQ and PostgreSQL
# (Testcontainers) and SMTP sink on ports of their own: ./run.sh's local services are neither used nor touched, and
# the tests run with the same runtime settings as the deployed Host (services.env).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/lib/settings.sh
mkdir -p .local

# The container engine: the daemon that answers, or one started (and, at the end, stopped) by this run.
started_engine=$(scripts/docker-engine up)
if [[ -n $started_engine ]]; then trap 'scripts/docker-engine down "$started_engine"' EXIT; fi
eval "$(scripts/docker-engine env)"
scripts/docker-engine clean

# The operator console first (the Host's build copies web/dist into its wwwroot), then the code while the images are
# built (mostly downloads): both take minutes on a fresh machine.
scripts/web build
dotnet build Modular.sln -c Release -nologo -v quiet > .local/test-build.log 2>&1 &
build=$!
scripts/test-images build
eval "$(scripts/test-images env)"
scripts/services install-maildev
scripts/services install-s3rver
# Chromium renders Billing's PDFs and runs the browser tests.
MODULAR_CHROMIUM=$(scripts/chromium up)
MODULAR_PDF_CHROMIUM=$(scripts/chromium pdf)
export MODULAR_CHROMIUM MODULAR_PDF_CHROMIUM
wait "$build" || { cat .local/test-build.log; exit 1; }

# The console's component tests (Vitest); its browser tests (tests/Browser) run with the other test assemblies.
scripts/web test

# One test assembly at a time: the integration tests stop brokers and measure queues, and share two cores.
dotnet test Modular.sln -c Release --no-build -nologo -m:1 "$@"
