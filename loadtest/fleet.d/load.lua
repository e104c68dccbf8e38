-- wrk script for loadtest/fleet: a visitor mix through the load balancer, with every answer
-- counted per second, so a fault's failures can be placed in time.
--
--   LISTINGS=20000 wrk -t2 -c32 -d60s -s load.lua http://127.0.0.1:PORT
--
-- Half the requests are the original's hot page /reviews/15000?index=1; a quarter random
-- listing pages /listings/{id}; a quarter random photos /images/{id}?index=1 (every demo listing
-- has photos). Every one of them exists, so any status outside 200-399 is a failure.
-- done() prints one line per second, "SEC <epoch second> <answered> <failed>", and one per
-- status, "STATUS <code> <count>"; wrk's own summary (with socket errors) comes before them.

local listings = tonumber(os.getenv("LISTINGS") or "20000")
local threads = {}
local id = 0

function setup(thread)
  id = id + 1
  thread:set("tid", id)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 100 + tid)
  answered = {}
  failed = {}
  statuses = {}
end

function request()
  local r = math.random()
  local path
  if r < 0.5 then
    path = "/reviews/15000?index=1"
  elseif r < 0.75 then
    path = "/listings/" .. math.random(0, listings - 1)
  else
    path = "/images/" .. math.random(0, listings - 1) .. "?index=1"
  end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  local second = os.time()
  answered[second] = (answered[second] or 0) + 1
  if status < 200 or status > 399 then
    failed[second] = (failed[second] or 0) + 1
  end
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local seconds, fails, codes = {}, {}, {}
  for _, thread in ipairs(threads) do
    for second, n in pairs(thread:get("answered")) do seconds[second] = (seconds[second] or 0) + n end
    for second, n in pairs(thread:get("failed")) do fails[second] = (fails[second] or 0) + n end
    for code, n in pairs(thread:get("statuses")) do codes[code] = (codes[code] or 0) + n end
  end
  local keys = {}
  for second in pairs(seconds) do table.insert(keys, second) end
  table.sort(keys)
  for _, second in ipairs(keys) do
    io.write(string.format("SEC %d %d %d\n", second, seconds[second], fails[second] or 0))
  end
  for code, n in pairs(codes) do io.write(string.format("STATUS %d %d\n", code, n)) end
  io.write(string.format("LATENCY p50 %.2f p99 %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
