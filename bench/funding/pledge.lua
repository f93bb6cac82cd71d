-- Pledges to PROJECT_ID, each request as another backer (tokens from TOKENS_FILE, one per line, split between the
-- threads), half to tier A (limited) and half to tier B (unlimited); every DUPLICATE_EVERY-th request repeats the
-- previous backer's pledge on purpose. Counts answers by status and code per thread.
local project = os.getenv("PROJECT_ID")
local tiers = { os.getenv("TIER_A"), os.getenv("TIER_B") }
local duplicate_every = tonumber(os.getenv("DUPLICATE_EVERY") or "20")
local threads_total = tonumber(os.getenv("WRK_THREADS") or "2")
local path = "/api/funding/projects/" .. project .. "/pledges"

local threads = {}
local thread_count = 0

function setup(thread)
  thread:set("index", thread_count)
  thread_count = thread_count + 1
  thread:set("stride", 0)
  table.insert(threads, thread)
end

function init(args)
  accepted, sold_out, duplicate, other, exhausted = 0, 0, 0, 0, 0
  tokens = {}
  local n = 0
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    if n % threads_total == index then table.insert(tokens, line) end
    n = n + 1
  end
  next_token, sent, previous = 1, 0, nil
end

function request()
  sent = sent + 1
  local token
  if previous ~= nil and sent % duplicate_every == 0 then
    token = previous
  else
    token = tokens[next_token]
    if token == nil then exhausted = exhausted + 1; token = tokens[#tokens] else next_token = next_token + 1 end
  end
  previous = token
  local body = '{"tierId":"' .. tiers[(sent % 2) + 1] .. '","cardToken":"tok_bench_approve"}'
  return wrk.format("POST", path, { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function response(status, headers, body)
  if status == 202 then accepted = accepted + 1
  elseif status == 409 and string.find(body, "reward_sold_out", 1, true) then sold_out = sold_out + 1
  elseif status == 409 and string.find(body, "already_pledged", 1, true) then duplicate = duplicate + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local a, s, d, o, e = 0, 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("accepted")
    s = s + thread:get("sold_out")
    d = d + thread:get("duplicate")
    o = o + thread:get("other")
    e = e + thread:get("exhausted")
  end
  io.write(string.format(
    'RESULT {"duration_s": %.3f, "requests": %d, "accepted": %d, "sold_out": %d, "duplicate": %d, "other_status": %d, "tokens_exhausted": %d, "socket_errors": %d, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f}\n',
    summary.duration / 1e6, summary.requests, a, s, d, o, e,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
