#!/usr/bin/env bash
# The acquiring loop's scenario (outside CI): BENCH_PAYMENTS (1,000,000) approved payments over BENCH_MERCHANTS (1,000)
# merchants, seeded set-based into Acquisition's write tables (generate_series, no HTTP), 0.1 % bad the way the loop's
# validation sees them, in three kinds: a merchant with a malformed fee rate (2.5, the incident's mistyped percent), a
# merchant with no VAT rule, an amount above MaxAmount. Both merchants are stored as the legacy upload left them, on the
# merchants table without its checks.
#   1. acquiring: the real Host (Release, Production) acquires them; the time until every good row is acquired, acquired
#      rows/s (first to last acquisition), when each share of the rows was acquired (p50/p95/p99 from the Host's start),
#      rows isolated, the Host's peak RSS (VmHWM, and VmRSS sampled from /proc), and the checks: good rows acquired exactly
#      once, bad rows in the error table exactly once each, 0 good rows blocked.
#   2. reference: the seed's fixed design (bench/acquiring/Reference) on the same rows, the same figures and checks.
#   3. broker (BENCH_BROKER_STOP_S, 30; 0 skips it): fresh data, the broker stopped for that long once acquiring began.
#      The loop goes on; its messages wait in the outbox and leave once the broker is back.
#   4. smtp (BENCH_SMTP_DOWN, 1; 0 skips it): fresh data, SMTP on a closed port and a 1 s retry interval, so the bad rows
#      are abandoned and their alerts fail during the run. The loop goes on: everything acquired, the failures counted,
#      and a payment approved afterwards is still acquired.
# Writes bench/results/acquiring.json. BENCH_PAYMENTS=20000 proves it end to end in a few minutes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source bench/lib.sh
bench_services modular_bench_acquiring modular-bench-acquiring

PAYMENTS="${BENCH_PAYMENTS:-1000000}"
MERCHANTS="${BENCH_MERCHANTS:-1000}"
BROKER_STOP_S="${BENCH_BROKER_STOP_S:-30}"
SMTP_DOWN="${BENCH_SMTP_DOWN:-1}"
MAX_WAIT_S="${BENCH_MAX_WAIT_S:-1800}"
MAX_AMOUNT=100000000
KEY="bench-acquiring-$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
METRICS_URL="http://127.0.0.1:$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
LOGS=.local/bench-acquiring
sql() { scripts/services psql -tAc "$1"; }
(( MERCHANTS >= 3 )) || { echo "BENCH_MERCHANTS must be at least 3 (two broken merchants and one good one)" >&2; exit 1; }

echo "==> Building the Host and the reference"
bench_build src/Host/Host.csproj bench/acquiring/Reference/Reference.csproj
mkdir -p "$LOGS" bench/results
HOST_PID=
REFERENCE_PID=
trap 'kill $HOST_PID $REFERENCE_PID 2>/dev/null || true; wait 2>/dev/null || true; scripts/services rabbitmqctl start_app >/dev/null 2>&1 || true' EXIT

start_host() { # log [VAR=value]...: the Host with the loop at its deployed settings, its metrics on a port of their own
  local log=$1
  shift
  bench_start_host "$log" Jwt__SigningKey="$KEY" Observability__MetricsUrl="$METRICS_URL" "$@"
  bench_wait_live "$MODULAR_HTTP_URL/health/live" "the Host (see $log)"
}

stop_host() {
  kill "$HOST_PID" 2>/dev/null || true
  wait "$HOST_PID" 2>/dev/null || true
  HOST_PID=
}

# Merchant 1 has the mistyped fee rate, merchant 2 no VAT rule, the rest are good. Every 1,000th payment is bad: by
# turns one of merchant 1's, one of merchant 2's, or an amount above MaxAmount at a good merchant. Each payment has a card
# of its own and amounts spread evenly below the fraud threshold, as in a day of real traffic: fraud detection screens
# every chunk, and one card paying a million times would flag nearly every row.
seed() {
  bench_fresh_database
  echo "==> Schema (a Host start with the loop off), then $PAYMENTS payments over $MERCHANTS merchants"
  start_host "$LOGS/migrate.log" Acquisition__Acquiring__Enabled=false
  stop_host
  sql "ALTER TABLE acquisition.merchants DROP CONSTRAINT merchants_fee_rate_check, ALTER COLUMN fee_rate DROP NOT NULL, ALTER COLUMN vat_rule DROP NOT NULL;
    INSERT INTO acquisition.merchants (id, organization_id, name, fee_rate, vat_rule, settlement_cycle, status, created_at, updated_at)
    SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, gen_random_uuid(), 'bench-acquiring-' || n,
      CASE WHEN n = 1 THEN 2.5 ELSE 0.01 + (n % 20) * 0.001 END,
      CASE WHEN n = 2 THEN NULL WHEN n % 3 = 0 THEN 'Exempt' ELSE 'Taxable10Percent' END, 'D1', 'Active', now(), now()
    FROM generate_series(1, $MERCHANTS) n;
    INSERT INTO acquisition.payment_transactions (id, merchant_id, organization_id, reference, amount, card_token, card_bin, card_last4,
        status, approval_number, requested_at, approved_at, version)
    SELECT gen_random_uuid(), m.id, m.organization_id, gen_random_uuid(), p.amount, 'tok_bench_' || p.n, '555555', lpad((p.n % 10000)::text, 4, '0'),
      'Approved', 'B' || lpad(p.n::text, 9, '0'), p.approved_at, p.approved_at, 2
    FROM (SELECT n, now() - interval '1 minute' - ($PAYMENTS - n) * interval '1 millisecond' AS approved_at,
            CASE WHEN n % 1000 <> 0 THEN 3 + n % ($MERCHANTS - 2) WHEN n / 1000 % 3 = 0 THEN 1 WHEN n / 1000 % 3 = 1 THEN 2 ELSE 3 END AS merchant,
            CASE WHEN n % 1000 = 0 AND n / 1000 % 3 = 2 THEN $MAX_AMOUNT * 2 ELSE 1000 + n * 7919 % 500000 END AS amount
          FROM generate_series(1, $PAYMENTS) n) p
    JOIN acquisition.merchants m ON m.id = ('00000000-0000-7000-8000-' || lpad(to_hex(p.merchant), 12, '0'))::uuid;
    ANALYZE acquisition.merchants; ANALYZE acquisition.payment_transactions" >/dev/null
  BAD="$(sql "SELECT count(*) FROM acquisition.payment_transactions WHERE $BAD_ROW")"
  GOOD=$(( PAYMENTS - BAD ))
  echo "==> seeded: $GOOD good, $BAD bad"
}
BAD_ROW="(merchant_id IN ('00000000-0000-7000-8000-000000000001', '00000000-0000-7000-8000-000000000002') OR amount > $MAX_AMOUNT)"

rss_kb() { local kb; kb="$(awk -v field="$2:" '$1 == field {print $2}' "/proc/$1/status" 2>/dev/null || true)"; echo "${kb:-0}"; }

# wait_acquired started pid acquired-sql isolated-sql [on-first-acquisition]: polls until every good row is acquired and
# every bad one isolated (at most BENCH_MAX_WAIT_S); sets WAITED_S (seconds since <started>, the acquirer's start as
# `date +%s.%N`; -1: not within the limit), FIRST_S (the first acquisition seen) and PEAK_RSS_KB (VmRSS sampled).
wait_acquired() {
  local started=$1 pid=$2 acquired_sql=$3 isolated_sql=$4 on_first=${5:-} acquired isolated now rss
  FIRST_S=; PEAK_RSS_KB=0; WAITED_S=-1
  while :; do
    now=$(date +%s.%N)
    acquired="$(sql "$acquired_sql")"; isolated="$(sql "$isolated_sql")"
    rss=$(rss_kb "$pid" VmRSS); (( rss > PEAK_RSS_KB )) && PEAK_RSS_KB=$rss
    if [[ -z $FIRST_S ]] && (( acquired > 0 )); then
      FIRST_S=$(python3 -c "print(round($now - $started, 1))")
      [[ -n $on_first ]] && "$on_first"
    fi
    if (( acquired >= GOOD && isolated >= BAD )); then WAITED_S=$(python3 -c "print(round($now - $started, 1))"); return; fi
    if python3 -c "import sys; sys.exit(0 if $now - $started > $MAX_WAIT_S else 1)"; then return; fi
    sleep 0.5
  done
}

# checks acquisitions-table errors-table acquired-condition: the correctness counts as JSON (payments joined to what was
# acquired and isolated).
checks() {
  sql "SELECT json_build_object(
    'good', count(*) FILTER (WHERE NOT $BAD_ROW), 'bad', count(*) FILTER (WHERE $BAD_ROW),
    'good_acquired_once', count(*) FILTER (WHERE NOT $BAD_ROW AND a.n = 1),
    'good_acquired_more_than_once', count(*) FILTER (WHERE NOT $BAD_ROW AND a.n > 1),
    'good_blocked', count(*) FILTER (WHERE NOT $BAD_ROW AND (a.n IS NULL OR e.n IS NOT NULL)),
    'bad_isolated_once', count(*) FILTER (WHERE $BAD_ROW AND e.n = 1 AND a.n IS NULL),
    'bad_isolated_more_than_once', count(*) FILTER (WHERE $BAD_ROW AND e.n > 1),
    'bad_acquired', count(*) FILTER (WHERE $BAD_ROW AND a.n IS NOT NULL),
    'bad_not_isolated', count(*) FILTER (WHERE $BAD_ROW AND e.n IS NULL))
  FROM acquisition.payment_transactions p
  LEFT JOIN (SELECT payment_id, count(*) n FROM $1 WHERE $3 GROUP BY payment_id) a ON a.payment_id = p.id
  LEFT JOIN (SELECT $4 AS payment_id, count(*) n FROM $2 GROUP BY 1) e ON e.payment_id = p.id"
}

# timing acquisitions-table condition started-at: when the 50th, 95th and 99th percent of the rows were acquired,
# counted from the acquirer's start (the database's clock on both sides).
timing() {
  sql "SELECT json_build_object(
    'p50_s', round(extract(epoch FROM percentile_disc(0.50) WITHIN GROUP (ORDER BY acquired_at) - '$3'::timestamptz)::numeric, 2),
    'p95_s', round(extract(epoch FROM percentile_disc(0.95) WITHIN GROUP (ORDER BY acquired_at) - '$3'::timestamptz)::numeric, 2),
    'p99_s', round(extract(epoch FROM percentile_disc(0.99) WITHIN GROUP (ORDER BY acquired_at) - '$3'::timestamptz)::numeric, 2))
  FROM $1 WHERE $2"
}

failures_counted() { # the Host's modular.acquisition.acquiring_error_recording_failures, from its Prometheus scrape
  curl -fs "$METRICS_URL/metrics" | awk '/^modular_acquisition_acquiring_error_recording_failures/ {n += $NF} END {print n + 0}'
}

summary() { # one JSON object from the variables the last run set (EXTRA: more fields, a JSON object)
  local extra=${EXTRA:-}
  python3 - "$WAITED_S" "${FIRST_S:--1}" "$PEAK_RSS_KB" "$HWM_KB" "$CHECKS" "$TIMING" "${extra:-"{}"}" <<'PY'
import json, sys
waited, first, rss, hwm, checks, timing, extra = sys.argv[1:]
checks, timing = json.loads(checks), json.loads(timing)
checks["checks"] = {
    "good_rows_acquired_exactly_once": checks["good_acquired_once"] == checks["good"],
    "bad_rows_in_error_table_exactly_once": checks["bad_isolated_once"] == checks["bad"],
    "zero_good_rows_blocked": checks["good_blocked"] == 0,
}
waited = float(waited)
print(json.dumps({"time_until_all_good_acquired_s": waited, "first_acquisition_after_s": float(first),
                  # from the acquirer's process start, its start-up included
                  "acquired_per_s": round(checks["good_acquired_once"] / waited) if waited > 0 else None,
                  "isolated": checks["bad_isolated_once"] + checks["bad_isolated_more_than_once"],
                  "peak_rss_mb": round(int(hwm) / 1024, 1), "peak_rss_sampled_mb": round(int(rss) / 1024, 1)}
                 | timing | {"correctness": checks} | json.loads(extra)))
PY
}

HOST_ACQUIRED="SELECT count(*) FROM acquisition.acquisitions WHERE kind = 'Payment'"
HOST_ISOLATED="SELECT count(*) FROM acquisition.acquiring_errors"

run_host() { # name log [on-first-acquisition] [VAR=value]...: acquires the seeded rows on the Host, sets the summary's variables
  local name=$1 log=$2 on_first=$3 started started_epoch
  shift 3
  started="$(sql "SELECT now()")"; started_epoch=$(date +%s.%N)
  echo "==> $name: the Host acquires"
  start_host "$log" "$@"
  wait_acquired "$started_epoch" "$HOST_PID" "$HOST_ACQUIRED" "$HOST_ISOLATED" "$on_first"
  HWM_KB=$(rss_kb "$HOST_PID" VmHWM)
  CHECKS="$(checks acquisition.acquisitions acquisition.acquiring_errors "kind = 'Payment'" transaction_id)"
  TIMING="$(timing acquisition.acquisitions "kind = 'Payment'" "$started")"
}

STARTED_AT="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
seed
run_host acquiring "$LOGS/host.log" ""
EXTRA= ACQUIRING="$(summary)"
stop_host
echo "    $ACQUIRING"

echo "==> reference (the seed's fixed design) on the same rows"
scripts/services psql -q -f bench/acquiring/Reference/schema.sql
REFERENCE_STARTED="$(sql "SELECT now()")"; REFERENCE_EPOCH=$(date +%s.%N)
ConnectionString="Host=$MODULAR_PG_HOST;Port=$MODULAR_PG_PORT;Database=$MODULAR_PG_DATABASE;Username=$MODULAR_PG_USER;Password=$MODULAR_PG_PASSWORD" \
  MaxAmount="$MAX_AMOUNT" dotnet bench/acquiring/Reference/bin/Release/net10.0/Modular.Bench.AcquiringReference.dll >"$LOGS/reference.log" 2>&1 &
REFERENCE_PID=$!
wait_acquired "$REFERENCE_EPOCH" "$REFERENCE_PID" "SELECT count(*) FROM acquiring_reference.acquisitions" "SELECT count(*) FROM acquiring_reference.errors"
HWM_KB=$(rss_kb "$REFERENCE_PID" VmHWM)
kill "$REFERENCE_PID"; wait "$REFERENCE_PID" 2>/dev/null || true; REFERENCE_PID=
CHECKS="$(checks acquiring_reference.acquisitions acquiring_reference.errors true payment_id)"
TIMING="$(timing acquiring_reference.acquisitions true "$REFERENCE_STARTED")"
EXTRA='{"design": "one thread every 2 s: all pending rows read into a list, validated row by row (errors inserted one by one), then one batch insert in one transaction"}' \
  REFERENCE="$(summary)"
echo "    $REFERENCE"

BROKER='null'
if (( BROKER_STOP_S > 0 )); then
  stop_broker() { # in the background, so the polling (and its timing) goes on meanwhile
    echo "    stopping the broker for $BROKER_STOP_S s"
    (scripts/services rabbitmqctl stop_app >/dev/null; sql "$HOST_ACQUIRED" >"$LOGS/acquired-when-broker-stopped"
     sleep "$BROKER_STOP_S"; scripts/services rabbitmqctl start_app >/dev/null) &
    BROKER_RESTART_PID=$!
  }
  BROKER_RESTART_PID=
  rm -f "$LOGS/acquired-when-broker-stopped"
  seed
  run_host broker "$LOGS/host-broker.log" stop_broker
  [[ -z $BROKER_RESTART_PID ]] || wait "$BROKER_RESTART_PID"
  outbox_left=-1
  for _ in $(seq 1 "$MAX_WAIT_S"); do
    outbox_left="$(sql "SELECT count(*) FROM acquisition.outbox_messages WHERE dead_lettered_at IS NULL")"
    (( outbox_left == 0 )) && break
    sleep 1
  done
  # Mid-run when fewer than all the good rows were acquired as the broker went down.
  EXTRA="{\"broker_stopped_s\": $BROKER_STOP_S, \"acquired_when_broker_stopped\": $(cat "$LOGS/acquired-when-broker-stopped" 2>/dev/null || echo null),
    \"outbox_left_after_broker_back\": $outbox_left}" BROKER="$(summary)"
  stop_host
  echo "    $BROKER"
fi

SMTP='null'
if (( SMTP_DOWN > 0 )); then
  closed_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  seed
  run_host smtp "$LOGS/host-smtp.log" "" MODULAR_SMTP_PORT="$closed_port" Acquisition__Acquiring__RetryInterval=00:00:01
  abandoned=0
  for _ in $(seq 1 "$MAX_WAIT_S"); do
    abandoned="$(sql "SELECT count(*) FROM acquisition.acquiring_errors WHERE status = 'Abandoned'")"
    (( abandoned >= BAD )) && (( $(failures_counted) > 0 )) && break
    sleep 1
  done
  late="$(sql "INSERT INTO acquisition.payment_transactions (id, merchant_id, organization_id, reference, amount, card_token, card_bin, card_last4,
      status, approval_number, requested_at, approved_at, version)
    SELECT gen_random_uuid(), id, organization_id, gen_random_uuid(), 5000, 'tok_bench_approve', '555555', '4444', 'Approved', 'LATE', now(), now(), 2
    FROM acquisition.merchants WHERE id = '00000000-0000-7000-8000-000000000003' RETURNING id")"
  late_acquired=0
  for _ in $(seq 1 60); do
    late_acquired="$(sql "SELECT count(*) FROM acquisition.acquisitions WHERE payment_id = '${late%%$'\n'*}'")"
    (( late_acquired > 0 )) && break
    sleep 1
  done
  sql "DELETE FROM acquisition.acquisitions WHERE payment_id = '${late%%$'\n'*}'; DELETE FROM acquisition.payment_transactions WHERE id = '${late%%$'\n'*}'" >/dev/null
  EXTRA="{\"abandoned\": $abandoned, \"alert_failures_counted\": $(failures_counted),
    \"alerts_sent\": $(sql "SELECT count(*) FROM acquisition.acquiring_alerts"), \"payment_after_the_failures_acquired\": $late_acquired}" SMTP="$(summary)"
  stop_host
  echo "    $SMTP"
fi

ACQUIRING="$ACQUIRING" REFERENCE="$REFERENCE" BROKER="$BROKER" SMTP="$SMTP" STARTED_AT="$STARTED_AT" PAYMENTS="$PAYMENTS" MERCHANTS="$MERCHANTS" \
LOAD_BEFORE="$LOAD_BEFORE" LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)" python3 - <<'PY'
import json, os
host, reference = json.loads(os.environ["ACQUIRING"]), json.loads(os.environ["REFERENCE"])
variants = {"broker_stopped": json.loads(os.environ["BROKER"]), "smtp_down": json.loads(os.environ["SMTP"])}
report = {
    "scenario": "acquiring", "started_at": os.environ["STARTED_AT"], "payments": int(os.environ["PAYMENTS"]),
    "merchants": int(os.environ["MERCHANTS"]), "bad": host["correctness"]["bad"],
    "duration_s": host["time_until_all_good_acquired_s"], "connections": None,
    "throughput_per_s": host["acquired_per_s"], "p50_ms": host["p50_s"] * 1000, "p95_ms": host["p95_s"] * 1000,
    "p99_ms": host["p99_s"] * 1000, "errors": host["correctness"]["good_blocked"] + host["correctness"]["bad_not_isolated"],
    "correctness": host["correctness"], "acquiring": host, "reference": reference,
    "ratio_acquired_per_s": round(host["acquired_per_s"] / reference["acquired_per_s"], 2)
        if host["acquired_per_s"] and reference["acquired_per_s"] else None,
    "variants": variants,
    "targets": {"acquired_per_s": 50000, "good_blocked": 0, "peak_rss": "flat in the row count (compare BENCH_PAYMENTS=100000 with 1000000)"},
    "latency_note": "p50/p95/p99: when that share of the good rows was acquired, counted from the acquirer's start",
    "cores": os.cpu_count(), "load_avg_before": os.environ["LOAD_BEFORE"], "load_avg_after": os.environ["LOAD_AFTER"],
    "machine_note": "Host, PostgreSQL and RabbitMQ on one 2-core machine",
}
with open("bench/results/acquiring.json", "w") as f:
    json.dump(report, f, indent=2)
for name, s in [("acquiring", host), ("reference", reference)] + [(k, v) for k, v in variants.items() if v]:
    print(f"{name}: all good rows acquired after {s['time_until_all_good_acquired_s']} s, {s['acquired_per_s']} rows/s, "
          f"p50 {s['p50_s']} s, p95 {s['p95_s']} s, p99 {s['p99_s']} s, isolated {s['isolated']}, peak RSS {s['peak_rss_mb']} MB")
    print(f"  checks: {json.dumps(s['correctness']['checks'])}")
print(f"ratio (rows/s, acquiring / reference): {report['ratio_acquired_per_s']}; wrote bench/results/acquiring.json")
PY
