#!/usr/bin/env bash
# Runs every test (unit, architecture, integration) against the real local services, which it starts first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
# The deployed Host runs socket completions inline (services.env). The test hosts cannot: WebApplicationFactory starts a
# server by blocking on async code, and when the blocked thread is the socket event thread nothing completes any more.
export DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0
source scripts/lib/settings.sh

scripts/services up

# One test assembly at a time: the integration tests stop the broker and measure queues, and share two cores.
dotnet test Modular.sln -c Release -nologo -m:1 "$@"
