-- POSTs one order of one unit of PRODUCT_ID as the seeded customer; counts answers by status per thread.
local product = os.getenv("PRODUCT_ID")
local token = os.getenv("CUSTOMER_TOKEN")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.body = '{"lines":[{"productId":"' .. product .. '","quantity":1}],"cardToken":"tok_bench_approve"}'

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  created, conflict, other = 0, 0, 0
end

function response(status, headers, body)
  if status == 201 then created = created + 1
  elseif status == 409 then conflict = conflict + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local c, r, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("created")
    r = r + thread:get("conflict")
    o = o + thread:get("other")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format(
    'RESULT {"duration_s": %.3f, "requests": %d, "created": %d, "conflict": %d, "other_status": %d, "socket_errors": %d, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f}\n',
    summary.duration / 1e6, summary.requests, c, r, o,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
