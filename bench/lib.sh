# shellcheck shell=bash
# What the load scenarios share. Source it from a scenario's run.sh (after `cd` to the repository root):
#   source bench/lib.sh
#   bench_services <database> <vhost>   services up, the scenario's own database and vhost dropped and made anew
#   bench_fresh_database                drops and remakes that database and vhost again (between runs of one scenario)
#   bench_wrk                           installs wrk if it is missing
#   bench_build <project>...            Release builds, one project at a time (-m:1: the machine is shared)
#   bench_start_host <log> [VAR=value]...   starts the built Host (Production) in the background, sets HOST_PID
#   bench_wait_live <url> <what>        waits up to 60 s for <url> to answer 2xx, else stops the scenario
# A scenario's own database and vhost, emptied at each start, keep every run on the same clean state, and its backlog
# never reaches run.sh's or the tests' queues.

bench_services() {
  export MODULAR_PG_DATABASE="$1" MODULAR_RABBITMQ_VHOST="$2"
  # shellcheck source=../scripts/lib/settings.sh
  source scripts/lib/settings.sh
  scripts/services up >/dev/null
  bench_fresh_database
}

bench_fresh_database() {
  MODULAR_PG_DATABASE=postgres scripts/services psql -q -c "DROP DATABASE IF EXISTS $MODULAR_PG_DATABASE WITH (FORCE)"
  scripts/services rabbitmqctl delete_vhost "$MODULAR_RABBITMQ_VHOST" >/dev/null 2>&1 || true
  scripts/services up >/dev/null
  # Dirty pages left by earlier runs (a dropped database, gigabytes of WAL) are written back now, not during the
  # measurement.
  sync
}

bench_wrk() {
  if ! command -v wrk >/dev/null; then
    echo "==> Installing wrk"
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  fi
}

bench_build() {
  local project
  for project in "$@"; do
    dotnet build "$project" -c Release -nologo -v quiet -m:1 >/dev/null
  done
}

bench_start_host() {
  local log=$1
  shift
  mkdir -p "$(dirname "$log")"
  env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$MODULAR_HTTP_URL" Logging__LogLevel__Default=Warning "$@" \
    dotnet src/Host/bin/Release/net10.0/Modular.Host.dll --contentRoot "$MODULAR_ROOT/src/Host/bin/Release/net10.0" >"$log" 2>&1 &
  HOST_PID=$!
}

bench_wait_live() {
  local _
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "$2 did not start" >&2
  exit 1
}
