#!/usr/bin/env bash
# Funding launch load scenario (outside CI): BENCH_CONNECTIONS (500) connections for BENCH_DURATION_S (60) s pledging to
# one hot project, each request as another backer (every 20th a duplicate on purpose), half to tier A (limited to
# BENCH_TIER_A_QUANTITY = 50,000, sold out during the run) and half to tier B (unlimited); first on the Host (Funding),
# then on the seed's final design (bench/funding/Reference) under the same load and tokens. After the Host's run the
# pipeline drains (payments answered, sagas finished) before the database check. Writes bench/results/funding.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source bench/lib.sh
bench_services modular_bench_funding modular-bench-funding
bench_wrk

DURATION="${BENCH_DURATION_S:-60}"
WARMUP="${BENCH_WARMUP_S:-30}"
CONNECTIONS="${BENCH_CONNECTIONS:-500}"
THREADS="${BENCH_WRK_THREADS:-2}"
TIER_A_QUANTITY="${BENCH_TIER_A_QUANTITY:-50000}"
# Enough distinct backers for the run at well above the target rate (5,000/s).
BACKERS="${BENCH_BACKERS:-$(( DURATION * 9000 ))}"
URL="$MODULAR_HTTP_URL"
REFERENCE_URL="${BENCH_REFERENCE_URL:-http://127.0.0.1:5181}"
KEY="bench-funding-$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
uuid() { python3 -c 'import uuid; print(uuid.uuid4())'; }
sql() { scripts/services psql -tAc "$1"; }
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

echo "==> Building the Host and the reference"
bench_build src/Host/Host.csproj bench/funding/Reference/Reference.csproj
mkdir -p .local/bench-funding bench/results
bench_start_host .local/bench-funding/host.log Jwt__SigningKey="$KEY"
REFERENCE_PID=
trap 'kill $HOST_PID $REFERENCE_PID 2>/dev/null || true; wait 2>/dev/null || true' EXIT
bench_wait_live "$URL/health/live" "the Host (see .local/bench-funding/host.log)"

ADMIN_TOKEN="$(python3 bench/token.py "$KEY" "$(uuid)" PlatformAdmin)"
ORGANIZATION="$(curl -fs -X POST "$URL/api/iam/organizations" -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"kind\":\"Merchant\",\"name\":\"bench-funding\",\"registrationNumber\":\"BENCH-$(uuid)\"}" | json_field '["id"]')"
MERCHANT="$(curl -fs -X POST "$URL/api/acquisition/merchants" -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"organizationId\":\"$ORGANIZATION\",\"name\":\"bench-funding\",\"feeRate\":0.025,\"vatRule\":\"Taxable10Percent\",\"settlementCycle\":\"D1\"}" | json_field '["id"]')"
OWNER_TOKEN="$(python3 bench/token.py "$KEY" "$(uuid)" MerchantAdmin "$ORGANIZATION")"

open_project() { # title tier-a-quantity → "project tierA tierB"
  local starts deadline project
  starts="$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)"; deadline="$(date -u -d '+30 days' +%Y-%m-%dT%H:%M:%SZ)"
  project="$(curl -sS --fail-with-body -X POST "$URL/api/funding/projects" -H "Authorization: Bearer $OWNER_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"merchantId\":\"$MERCHANT\",\"title\":\"$1\",\"goal\":100000000,\"startsAt\":\"$starts\",\"deadline\":\"$deadline\",
         \"tiers\":[{\"name\":\"A\",\"price\":30000,\"quantity\":$2},{\"name\":\"B\",\"price\":10000,\"quantity\":null}]}")" || { echo "creating project $1 failed: $project" >&2; return 1; }
  curl -fs -o /dev/null -X POST "$URL/api/funding/projects/$(echo "$project" | json_field '["id"]')/open" -H "Authorization: Bearer $OWNER_TOKEN"
  echo "$project" | python3 -c 'import json,sys; p=json.load(sys.stdin); print(p["id"], p["tiers"][0]["id"], p["tiers"][1]["id"])'
}

mint() { echo "==> Minting $2 backer tokens"; python3 bench/token.py --many "$2" "$KEY" Customer > "$1"; }

load() { # url project tierA tierB tokens seconds → wrk's RESULT line
  PROJECT_ID="$2" TIER_A="$3" TIER_B="$4" TOKENS_FILE="$5" WRK_THREADS="$THREADS" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${6}s" --timeout 10s --latency -s bench/funding/pledge.lua "$1/api/funding/projects/$2/pledges" \
    | tee >(cat >&2) | sed -n 's/^RESULT //p'
}

drain() { # how long Funding's pipeline takes to finish after the run (outboxes, payments, sagas, queues), at most BENCH_DRAIN_MAX_S
  local started=$SECONDS pending
  while :; do
    pending=$(( $(sql "SELECT (SELECT count(*) FROM funding.outbox_messages WHERE dead_lettered_at IS NULL)
        + (SELECT count(*) FROM acquisition.outbox_messages WHERE dead_lettered_at IS NULL)
        + (SELECT count(*) FROM acquisition.payment_transactions WHERE status = 'Pending')
        + (SELECT count(*) FROM funding.pledge_states)") + \
      $(scripts/services rabbitmqctl list_queues -p "$MODULAR_RABBITMQ_VHOST" --quiet --no-table-headers name messages 2>/dev/null \
        | awk '$1 !~ /_(error|skipped)$/ {n += $2} END {print n + 0}') ))
    if (( pending == 0 )); then echo $(( SECONDS - started )); return; fi
    if (( SECONDS - started >= ${BENCH_DRAIN_MAX_S:-600} )); then echo "-1"; return; fi
    sleep 2
  done
}

read -r WARM_PROJECT WARM_A WARM_B <<<"$(open_project warm-up 10000000)"; [[ -n $WARM_B ]] || exit 1
mint .local/bench-funding/warm-tokens "$(( WARMUP * 9000 ))"
echo "==> warm-up: $CONNECTIONS connections for ${WARMUP} s on a throwaway project, then the drain"
load "$URL" "$WARM_PROJECT" "$WARM_A" "$WARM_B" .local/bench-funding/warm-tokens "$WARMUP" >/dev/null 2>&1
echo "==> warm-up drained after $(drain) s"

read -r PROJECT TIER_A TIER_B <<<"$(open_project launch "$TIER_A_QUANTITY")"; [[ -n $TIER_B ]] || exit 1
mint .local/bench-funding/tokens "$BACKERS"
STARTED="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "==> Funding: $CONNECTIONS connections for ${DURATION} s on project $PROJECT"
HOST_RESULT="$(load "$URL" "$PROJECT" "$TIER_A" "$TIER_B" .local/bench-funding/tokens "$DURATION")"
DRAINED="$(drain)"
echo "==> drained after $DRAINED s (-1: not within BENCH_DRAIN_MAX_S)"
HOST_CHECK="$(sql "SELECT json_build_object(
  'tiers', (SELECT json_agg(json_build_object('name', t.name, 'quantity', t.quantity, 'reserved', t.reserved,
             'live_pledges', (SELECT count(*) FROM funding.pledges p WHERE p.tier_id = t.id AND p.status IN ('Pending','Completed'))) ORDER BY t.position)
            FROM funding.reward_tiers t WHERE t.project_id = '$PROJECT'),
  'completed', (SELECT count(*) FROM funding.pledges WHERE project_id = '$PROJECT' AND status = 'Completed'),
  'pending', (SELECT count(*) FROM funding.pledges WHERE project_id = '$PROJECT' AND status = 'Pending'),
  'failed_for_timeout', (SELECT count(*) FROM funding.pledges WHERE project_id = '$PROJECT' AND status = 'Failed' AND reason = 'payment.timeout'),
  'completed_amount', (SELECT coalesce(sum(amount), 0) FROM funding.pledges WHERE project_id = '$PROJECT' AND status = 'Completed'),
  'totals_amount', (SELECT coalesce(sum(amount), 0) FROM funding.project_totals WHERE project_id = '$PROJECT'),
  'duplicate_live_pledges', (SELECT count(*) FROM (SELECT backer_id FROM funding.pledges WHERE project_id = '$PROJECT' AND status IN ('Pending','Completed')
                             GROUP BY backer_id HAVING count(*) > 1) d),
  'sagas_left', (SELECT count(*) FROM funding.pledge_states))")"

echo "==> Reference (the seed's final design): same load, same tokens"
scripts/services psql -q -f bench/funding/Reference/schema.sql
REF_PROJECT="$(uuid)"; REF_A="$(uuid)"; REF_B="$(uuid)"
sql "INSERT INTO funding_reference.project_stats VALUES ('$REF_PROJECT', 0, 0);
     INSERT INTO funding_reference.tiers VALUES ('$REF_A', '$REF_PROJECT', 30000, $TIER_A_QUANTITY, 0), ('$REF_B', '$REF_PROJECT', 10000, NULL, 0)" >/dev/null
ASPNETCORE_URLS="$REFERENCE_URL" Jwt__SigningKey="$KEY" \
  ConnectionString="Host=$MODULAR_PG_HOST;Port=$MODULAR_PG_PORT;Database=$MODULAR_PG_DATABASE;Username=$MODULAR_PG_USER;Password=$MODULAR_PG_PASSWORD;Application Name=funding-reference" \
  dotnet bench/funding/Reference/bin/Release/net10.0/Modular.Bench.FundingReference.dll >.local/bench-funding/reference.log 2>&1 &
REFERENCE_PID=$!
for _ in $(seq 1 120); do curl -s -o /dev/null "$REFERENCE_URL/" 2>/dev/null && break; sleep 0.5; done
load "$REFERENCE_URL" "$REF_PROJECT" "$REF_A" "$REF_B" .local/bench-funding/warm-tokens "$(( WARMUP < 10 ? WARMUP : 10 ))" >/dev/null 2>&1
# wrk stops sending, but the reference still works through the requests it had queued: the reset waits for its last
# transaction, or its TRUNCATE deadlocks with them.
for _ in $(seq 1 120); do
  [[ $(sql "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'funding-reference' AND state <> 'idle'") == 0 ]] && break
  sleep 0.5
done
sql "TRUNCATE funding_reference.pledges, funding_reference.outbox; UPDATE funding_reference.tiers SET reserved = 0; UPDATE funding_reference.project_stats SET amount = 0, backers = 0" >/dev/null
REFERENCE_RESULT="$(load "$REFERENCE_URL" "$REF_PROJECT" "$REF_A" "$REF_B" .local/bench-funding/tokens "$DURATION")"
REFERENCE_CHECK="$(sql "SELECT json_build_object(
  'tiers', (SELECT json_agg(json_build_object('quantity', t.quantity, 'reserved', t.reserved,
             'live_pledges', (SELECT count(*) FROM funding_reference.pledges p WHERE p.tier_id = t.id)) ORDER BY t.price DESC) FROM funding_reference.tiers t),
  'stats_amount', (SELECT amount FROM funding_reference.project_stats),
  'pledged_amount', (SELECT coalesce(sum(amount), 0) FROM funding_reference.pledges),
  'duplicate_live_pledges', (SELECT count(*) FROM (SELECT backer_id FROM funding_reference.pledges GROUP BY backer_id HAVING count(*) > 1) d))")"

HOST_RESULT="$HOST_RESULT" HOST_CHECK="$HOST_CHECK" REFERENCE_RESULT="$REFERENCE_RESULT" REFERENCE_CHECK="$REFERENCE_CHECK" DRAINED="$DRAINED" \
STARTED="$STARTED" CONNECTIONS="$CONNECTIONS" LOAD_BEFORE="$LOAD_BEFORE" LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)" python3 - <<'PY'
import json, os

def summary(result):
    r = json.loads(result)
    d = r["duration_s"]
    return {
        "duration_s": round(d, 1), "requests": r["requests"],
        "accepted_per_s": round(r["accepted"] / d, 1), "sold_out_per_s": round(r["sold_out"] / d, 1),
        "duplicate_refusals_per_s": round(r["duplicate"] / d, 1),
        "p50_ms": r["p50_ms"], "p95_ms": r["p95_ms"], "p99_ms": r["p99_ms"], "max_ms": r["max_ms"],
        "errors": r["other_status"] + r["socket_errors"], "backer_tokens_exhausted": r["tokens_exhausted"],
    }

host, reference = summary(os.environ["HOST_RESULT"]), summary(os.environ["REFERENCE_RESULT"])
host_check, reference_check = json.loads(os.environ["HOST_CHECK"]), json.loads(os.environ["REFERENCE_CHECK"])
tiers_ok = all(t["reserved"] == t["live_pledges"] and (t["quantity"] is None or t["reserved"] <= t["quantity"]) for t in host_check["tiers"])
host_check["checks"] = {
    "reserved_equals_live_pledges_and_within_quantity": tiers_ok,
    "totals_equal_completed_pledges": host_check["totals_amount"] == host_check["completed_amount"],
    "no_duplicate_live_pledges": host_check["duplicate_live_pledges"] == 0,
    "drained_with_no_pledge_failed_for_timeout": int(os.environ["DRAINED"]) >= 0 and host_check["failed_for_timeout"] == 0 and host_check["pending"] == 0,
}
reference_check["checks"] = {
    "reserved_equals_pledges_and_within_quantity": all(t["reserved"] == t["live_pledges"] and (t["quantity"] is None or t["reserved"] <= t["quantity"])
                                                        for t in reference_check["tiers"]),
    "stats_equal_pledges": reference_check["stats_amount"] == reference_check["pledged_amount"],
    "no_duplicate_pledges": reference_check["duplicate_live_pledges"] == 0,
}
report = {
    "scenario": "funding-launch", "started_at": os.environ["STARTED"], "connections": int(os.environ["CONNECTIONS"]),
    "funding": host | {"drained_after_s": int(os.environ["DRAINED"]), "correctness": host_check},
    "reference": reference | {"design": "one transaction per pledge, statistics row locked FOR UPDATE, composite unique index, outbox row",
                              "correctness": reference_check},
    "ratio_accepted_per_s": round(host["accepted_per_s"] / reference["accepted_per_s"], 2) if reference["accepted_per_s"] else None,
    "targets": {"accepted_per_s": 5000, "p99_ms": 100, "errors": 0},
    "cores": os.cpu_count(), "load_avg_before": os.environ["LOAD_BEFORE"], "load_avg_after": os.environ["LOAD_AFTER"],
    "machine_note": "app, PostgreSQL, RabbitMQ and wrk on one 2-core machine",
}
with open("bench/results/funding.json", "w") as f:
    json.dump(report, f, indent=2)
for name in ("funding", "reference"):
    s = report[name]
    print(f"{name}: accepted {s['accepted_per_s']}/s, sold out {s['sold_out_per_s']}/s, duplicates {s['duplicate_refusals_per_s']}/s, "
          f"p50 {s['p50_ms']:.1f} ms, p95 {s['p95_ms']:.1f} ms, p99 {s['p99_ms']:.1f} ms, errors {s['errors']}")
    print(f"  correctness: {json.dumps(s['correctness'])}")
print(f"ratio (accepted/s, funding / reference): {report['ratio_accepted_per_s']}; wrote bench/results/funding.json")
PY
