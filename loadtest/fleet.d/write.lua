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

statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
