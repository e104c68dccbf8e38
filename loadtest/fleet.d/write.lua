-- wrk script for loadtest/fleet's capacity figures: writes through the load balancer, each a
-- PATCH of a random listing's name with the write token (TOKEN), ids uniform in [0, LISTINGS).
--
--   TOKEN=... LISTINGS=20000 wrk -t2 -c8 -d15s -s write.lua http://127.0.0.1:PORT

local listings = tonumber(os.getenv("LISTINGS") or "20000")
wrk.method = "PATCH"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.headers["Content-Type"] = "application/json"
local n = 0

function request()
  n = n + 1
  return wrk.format(nil, "/api/listings/" .. math.random(0, listings - 1), nil,
    '{"name":"Capacity write ' .. n .. '"}')
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

-- One line per status: "STATUS <code> <count>".
function done(summary, latency, requests)
  local codes = {}
  for _, thread in ipairs(threads) do
    for code, n in pairs(thread:get("statuses")) do codes[code] = (codes[code] or 0) + n end
  end
  for code, n in pairs(codes) do io.write(string.format("STATUS %d %d\n", code, n)) end
end
