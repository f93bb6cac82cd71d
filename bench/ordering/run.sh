#!/usr/bin/env bash
# Ordering flash-sale load scenarios (outside CI): starts the Host, seeds a hot product and a customer token, then
#   1. hot:     wrk, BENCH_CONNECTIONS (500) connections for BENCH_DURATION_S (60) s on one product whose stock never runs out;
#   2. sellout: the same on a product with 10,000 units for BENCH_SELLOUT_DURATION_S (30) s, demand far above;
#   3. intake:  like hot for BENCH_INTAKE_S (20) s with the broker stopped, so the payment pipeline waits in the outbox
#               and the run measures order intake alone (0 skips it).
# Each prints accepted orders/s, latency percentiles, errors and the database check, and writes bench/results/ordering-<run>.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# The scenario gets a database and a vhost of its own, emptied at each start: every run measures the same clean state,
# and the backlog it leaves (tens of thousands of payments) never reaches run.sh's or the tests' queues.
source bench/lib.sh
bench_services modular_bench modular-bench
# wrk (Debian) drives the load; installed here like the services, so a fresh machine can run the scenario.
bench_wrk

DURATION="${BENCH_DURATION_S:-60}"
SELLOUT_DURATION="${BENCH_SELLOUT_DURATION_S:-30}"
# The runtime keeps compiling (tier-0, instrumented, then optimized code) for about 30 s under this load.
WARMUP="${BENCH_WARMUP_S:-30}"
INTAKE_DURATION="${BENCH_INTAKE_S:-20}"
CONNECTIONS="${BENCH_CONNECTIONS:-500}"
THREADS="${BENCH_WRK_THREADS:-2}"
URL="$MODULAR_HTTP_URL"
KEY="bench-ordering-$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
uuid() { python3 -c 'import uuid; print(uuid.uuid4())'; }
sql() { scripts/services psql -tAc "$1"; }

echo "==> Building the Host"
bench_build src/Host/Host.csproj
mkdir -p .local bench/results
# Acquisition answers through its sandbox network (50-300 ms each); whether its consumers keep up with the order rate
# is not measured here, so a long payment timeout keeps any timeout storm (which cancels orders and returns stock) out
# of the measured window.
bench_start_host .local/bench-ordering-host.log Jwt__SigningKey="$KEY" Ordering__Checkout__PaymentTimeout="${BENCH_PAYMENT_TIMEOUT:-00:30:00}"
trap 'kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true; scripts/services rabbitmqctl start_app >/dev/null 2>&1 || true' EXIT
bench_wait_live "$URL/health/live" "the Host (see .local/bench-ordering-host.log)"

ADMIN_TOKEN="$(python3 bench/token.py "$KEY" "$(uuid)" PlatformAdmin)"
# A merchant account needs an existing IAM organization of kind Merchant.
ORGANIZATION="$(curl -fs -X POST "$URL/api/iam/organizations" -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"kind\":\"Merchant\",\"name\":\"bench-ordering\",\"registrationNumber\":\"BENCH-$(uuid)\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
export CUSTOMER_TOKEN="$(python3 bench/token.py "$KEY" "$(uuid)" Customer)"
# The products' merchant is registered in Acquisition, so the bench's card (tok_bench_approve) is really approved.
MERCHANT="$(curl -fs -X POST "$URL/api/acquisition/merchants" -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"organizationId\":\"$ORGANIZATION\",\"name\":\"bench-ordering\",\"feeRate\":0.025,\"vatRule\":\"Taxable10Percent\",\"settlementCycle\":\"D1\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"

create_product() { # name stock → product id
  curl -fs -X POST "$URL/api/ordering/products" -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"organizationId\":\"$ORGANIZATION\",\"merchantId\":\"$MERCHANT\",\"name\":\"$1\",\"price\":10000,\"stock\":$2}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

warm_up() { # the full load on a throwaway product, then its whole pipeline drained: measured runs see JIT-optimized code
  echo "==> warm-up: $CONNECTIONS connections for ${WARMUP} s, then the drain of its orders"
  PRODUCT_ID="$(create_product warm-up 100000000)" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/ordering/place-order.lua "$URL/api/ordering/orders" >/dev/null
}

run() { # scenario initial-stock duration
  local scenario=$1 initial=$2 duration=$3 product started load_before output result
  product="$(create_product "$scenario" "$initial")"
  started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "==> $scenario: $CONNECTIONS connections for ${duration} s on product $product (stock $initial)"
  output="$(PRODUCT_ID="$product" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${duration}s" --timeout 10s --latency -s bench/ordering/place-order.lua "$URL/api/ordering/orders")"
  echo "$output" | grep -v '^RESULT'
  result="$(echo "$output" | sed -n 's/^RESULT //p')"
  sleep 3 # let the outbox drain a little before reading the backlog
  local remaining sold orders outbox saga_queue
  # Remaining stock and the units held by orders that are not cancelled (a cancel returns its units to the stock), read
  # in one statement so both come from one snapshot while payments are still being answered and orders cancelled.
  IFS='|' read -r remaining sold paid <<<"$(sql "SELECT (SELECT stock FROM ordering.products WHERE id = '$product'),
    (SELECT coalesce(sum(l.quantity), 0) FROM ordering.order_lines l JOIN ordering.orders o ON o.id = l.order_id
      WHERE l.product_id = '$product' AND o.status <> 'Cancelled'),
    (SELECT count(*) FROM ordering.order_lines l JOIN ordering.orders o ON o.id = l.order_id
      WHERE l.product_id = '$product' AND o.status = 'Paid')")"
  orders="$(sql "SELECT count(DISTINCT order_id) FROM ordering.order_lines WHERE product_id = '$product'")"
  outbox="$(sql "SELECT count(*) FROM ordering.outbox_messages WHERE dead_lettered_at IS NULL")"
  saga_queue="$(scripts/services rabbitmqctl list_queues -p "$MODULAR_RABBITMQ_VHOST" --quiet --no-table-headers name messages 2>/dev/null | awk '$1=="ordering-checkout-state"{print $2}' || true)"
  PIPELINE="${PIPELINE:-running, yielding to the busy web tier (two units of background work at a time)}" PAID="$paid" SCENARIO="$scenario" STARTED="$started" DURATION="$duration" CONNECTIONS="$CONNECTIONS" RESULT="$result" INITIAL="$initial" \
  REMAINING="$remaining" SOLD="$sold" ORDERS="$orders" OUTBOX="$outbox" SAGA_QUEUE="${saga_queue:-0}" \
  LOAD_BEFORE="$load_before" LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)" python3 - <<'PY'
import json, os
r = json.loads(os.environ["RESULT"])
initial, remaining, sold = int(os.environ["INITIAL"]), int(os.environ["REMAINING"]), int(os.environ["SOLD"])
duration = r["duration_s"]
errors = r["other_status"] + r["socket_errors"]
report = {
    "scenario": "ordering-" + os.environ["SCENARIO"],
    "started_at": os.environ["STARTED"],
    "duration_s": round(duration, 1),
    "connections": int(os.environ["CONNECTIONS"]),
    "throughput_per_s": round(r["created"] / duration, 1),
    "requests_per_s": round(r["requests"] / duration, 1),
    "rejected_sold_out_per_s": round(r["conflict"] / duration, 1),
    "p50_ms": r["p50_ms"], "p95_ms": r["p95_ms"], "p99_ms": r["p99_ms"], "max_ms": r["max_ms"],
    "errors": errors,
    "correctness": {
        "initial_stock": initial, "accepted_units": sold, "accepted_orders_in_db": int(os.environ["ORDERS"]),
        "accepted_answers_201": r["created"], "remaining_stock": remaining,
        "accepted_plus_remaining_minus_initial": sold + remaining - initial,
        "oversold": max(0, sold - initial), "negative_stock": int(remaining < 0),
        # wrk stops with requests in flight: those orders are stored but their 201 is not counted.
        "orders_in_db_minus_answers_201": int(os.environ["ORDERS"]) - r["created"],
    },
    "backlog_after_run": {"ordering_outbox_rows": int(os.environ["OUTBOX"]), "checkout_saga_queue": int(os.environ["SAGA_QUEUE"] or 0),
                          "orders_paid_3_s_after_run": int(os.environ["PAID"])},
    "payment_pipeline": os.environ["PIPELINE"],
    "cores": os.cpu_count(),
    "load_avg_before": os.environ["LOAD_BEFORE"], "load_avg_after": os.environ["LOAD_AFTER"],
    "machine_note": "app, PostgreSQL, RabbitMQ and wrk on one 2-core machine, nothing else running",
}
path = f"bench/results/{report['scenario']}.json"
with open(path, "w") as f:
    json.dump(report, f, indent=2)
print(f"accepted {report['throughput_per_s']}/s, sold-out rejections {report['rejected_sold_out_per_s']}/s, "
      f"p50 {r['p50_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms, errors {errors}")
print(f"correctness: {json.dumps(report['correctness'])}")
print(f"backlog after run: {json.dumps(report['backlog_after_run'])}; load {report['load_avg_before']} -> {report['load_avg_after']}; wrote {path}")
PY
}

record_drain() { # scenario seconds messages-left: adds how long the run's backlog took to drain to its JSON
  [[ -n "$1" ]] || return 0
  python3 - "bench/results/ordering-$1.json" "$2" "$3" <<'PY'
import json, sys
path, seconds, left = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path) as f:
    report = json.load(f)
report["backlog_drained_after_s"] = seconds if left == 0 else None
report["backlog_left_after_drain_wait"] = left
with open(path, "w") as f:
    json.dump(report, f, indent=2)
PY
}

drain() { # [scenario] how long the pipeline needs to catch up after a run (outboxes, payments awaiting the network, every queue), at most BENCH_DRAIN_MAX_S
  local started=$SECONDS pending
  while :; do
    pending=$(( $(sql "SELECT (SELECT count(*) FROM ordering.outbox_messages WHERE dead_lettered_at IS NULL)
        + (SELECT count(*) FROM acquisition.outbox_messages WHERE dead_lettered_at IS NULL)
        + (SELECT count(*) FROM acquisition.payment_transactions WHERE status = 'Pending')") + \
      $(scripts/services rabbitmqctl list_queues -p "$MODULAR_RABBITMQ_VHOST" --quiet --no-table-headers name messages 2>/dev/null \
        | awk '$1 !~ /_(error|skipped)$/ {n += $2} END {print n + 0}') ))
    if (( pending == 0 )); then echo "==> backlog drained $(( SECONDS - started )) s after the runs"; record_drain "${1:-}" "$(( SECONDS - started ))" 0; return; fi
    if (( SECONDS - started >= ${BENCH_DRAIN_MAX_S:-1800} )); then
      echo "==> backlog NOT drained after $(( SECONDS - started )) s: $pending messages left"; record_drain "${1:-}" "$(( SECONDS - started ))" "$pending"; return
    fi
    sleep 5
  done
}

warm_up
drain
run hot 100000000 "$DURATION"
# The sell-out run starts on a quiet system: the hot run's payments and projections are processed first.
drain hot
run sellout 10000 "$SELLOUT_DURATION"
drain sellout
if (( INTAKE_DURATION > 0 )); then
  # Orders are still accepted with the broker down (their messages wait in the outbox); with the pipeline idle the run
  # shows what intake alone sustains. Nothing runs after it, so its backlog is left to the next run's fresh database.
  scripts/services rabbitmqctl stop_app >/dev/null
  PIPELINE="paused: broker stopped, messages wait in the outbox" run intake 100000000 "$INTAKE_DURATION"
  scripts/services rabbitmqctl start_app >/dev/null
fi
