-- wrk script: random listings and photo/review indexes.
--
--   wrk -t2 -c50 -d30s --latency -s random.lua http://127.0.0.1:3000
--
-- Each request: GET /reviews/{id}?index={n} or /images/{id}?index={n}, route chosen at
-- random, id uniform in [0, LISTINGS), n uniform in [1, MAX_INDEX]. Listings have 2-12
-- photos and 0-40 reviews, so some of these are 404 by design: done() prints the
-- responses by status so they are counted apart from real errors.
--
-- Environment:
--   LISTINGS=20000      number of seeded listings (ids 0..LISTINGS-1); 1000000 after
--                       `java -jar target/starkiller-images.jar seed --listings 1000000`
--   MAX_INDEX=12        largest index asked for
--   HX=1                send `HX-Request: true` (the htmx fragment instead of the page)
--   JSON=1              send `Accept: application/json` (the JSON answer)
--   HOT=1               no randomness: every request is the URL given to wrk (run.sh hot)
--   ROUTES=reviews,images  the routes to draw from (reviews, images or both); e.g.
--                       ROUTES=images JSON=1 NO_INDEX=1: random ids, /images/{id} as JSON
--   NO_INDEX=1          no ?index= (the listing's first photo)
--   CRAWL=1             no randomness in the order: each thread walks the listings one by one
--                       from its own starting point, asking each for index 1..MAX_INDEX on
--                       every route in turn, as a crawler or a visitor paging without
--                       JavaScript does (what listing shells are for)
--   PER_SECOND=1        done() also prints the responses of each second since the start
--                       ("second N: responses"), counted by the time each response arrived
--   COOKIE=...          sent as the Cookie header (e.g. a session)
--   MAX_REQUESTS=10000000  cap on responses over all threads, with THREADS below; each
--                       thread stops after ceil(MAX_REQUESTS / THREADS). wrk's -d caps time.
--   THREADS=1           the -t given to wrk (run.sh sets it), used only for that cap
--   SEED                fixed random seed (per thread: SEED + thread number)
--
-- wrk runs each thread in its own Lua state: request()/response() count into that
-- thread's globals, and done() (run in the main state) collects them with thread:get()
-- from the thread objects saved in setup(), as in wrk's SCRIPTING docs.

local function env_number(name, default)
  local v = os.getenv(name)
  if v == nil or v == "" then return default end
  local n = tonumber(v)
  if n == nil then error(name .. " must be a number, got '" .. v .. "'") end
  return n
end

local listings     = math.floor(env_number("LISTINGS", 20000))
local max_index    = math.floor(env_number("MAX_INDEX", 12))
local max_requests = env_number("MAX_REQUESTS", 10000000)
local nthreads     = math.max(1, math.floor(env_number("THREADS", 1)))
local hot          = os.getenv("HOT") == "1"
local no_index     = os.getenv("NO_INDEX") == "1"
local per_second   = os.getenv("PER_SECOND") == "1"
local crawl        = os.getenv("CRAWL") == "1"

if listings < 1 then error("LISTINGS must be >= 1") end
if max_index < 1 then error("MAX_INDEX must be >= 1") end

local headers = {}
if os.getenv("HX") == "1" then headers["HX-Request"] = "true" end
if os.getenv("JSON") == "1" then headers["Accept"] = "application/json" end
if (os.getenv("COOKIE") or "") ~= "" then headers["Cookie"] = os.getenv("COOKIE") end
-- into wrk.headers: used by wrk.format() below and by the static request in HOT mode
for k, v in pairs(headers) do wrk.headers[k] = v end

local routes = {}
for name in string.gmatch(os.getenv("ROUTES") or "reviews,images", "[^,%s]+") do
  if name ~= "reviews" and name ~= "images" then error("ROUTES: reviews and/or images, got '" .. name .. "'") end
  table.insert(routes, "/" .. name .. "/")
end
if #routes == 0 then error("ROUTES names no route") end

-- a clock with sub-second resolution for PER_SECOND (wrk's Lua is LuaJIT: clock_gettime
-- through its FFI); os.time() (whole seconds) if the FFI is not there
local now = os.time
do
  local ok, ffi = pcall(require, "ffi")
  if ok then
    pcall(ffi.cdef, "typedef struct { long tv_sec; long tv_nsec; } bench_timespec; int clock_gettime(int, bench_timespec *);")
    local ts = ffi.new("bench_timespec")
    now = function()
      ffi.C.clock_gettime(1, ts)  -- CLOCK_MONOTONIC: the same clock in every thread
      return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) / 1e9
    end
  end
end

-- main Lua state: one entry per thread, filled in setup()
local threads = {}

local setup_t0 = nil  -- main state: when the first thread was set up (PER_SECOND's zero)

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_no", #threads)
  setup_t0 = setup_t0 or now()
  thread:set("t_start", setup_t0)  -- a global of the thread's own Lua state
end

-- per-thread Lua state from here on
function init(args)
  local seed = os.getenv("SEED")
  if seed ~= nil and seed ~= "" then
    math.randomseed(tonumber(seed) + thread_no)
  else
    math.randomseed(os.time() * 1000 + thread_no * 7919)
  end
  statuses  = {}   -- status code -> count (read by done() through thread:get)
  requested = {}   -- route -> count
  responses = 0
  seconds = {}     -- PER_SECOND: whole seconds since t_start -> responses
  cap = math.ceil(max_requests / nthreads)
  -- CRAWL: where this thread is: its listing, route and index
  crawl_id = math.floor((thread_no - 1) * listings / nthreads)
  crawl_route, crawl_index = 1, 0
end

if not hot and crawl then
  function request()
    crawl_index = crawl_index + 1
    if crawl_index > max_index then
      crawl_index = 1
      crawl_route = crawl_route % #routes + 1
      if crawl_route == 1 then crawl_id = (crawl_id + 1) % listings end
    end
    local route = routes[crawl_route]
    requested[route] = (requested[route] or 0) + 1
    return wrk.format("GET", route .. crawl_id .. "?index=" .. crawl_index)
  end
elseif not hot then
  function request()
    local route = routes[math.random(#routes)]
    local path = route .. math.random(0, listings - 1)
    if not no_index then path = path .. "?index=" .. math.random(1, max_index) end
    requested[route] = (requested[route] or 0) + 1
    -- wrk.format uses wrk.headers: Host (with port), -H headers and HX / JSON ones
    return wrk.format("GET", path)
  end
end

function response(status, hdrs, body)
  statuses[status] = (statuses[status] or 0) + 1
  responses = responses + 1
  if per_second then
    local sec = math.floor(now() - t_start)
    seconds[sec] = (seconds[sec] or 0) + 1
  end
  if responses >= cap then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local by_status, by_route = {}, {}
  local total, non2xx, capped = 0, 0, 0
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses") or {}) do
      by_status[status] = (by_status[status] or 0) + n
      total = total + n
      if status < 200 or status > 299 then non2xx = non2xx + n end
    end
    for route, n in pairs(thread:get("requested") or {}) do
      by_route[route] = (by_route[route] or 0) + n
    end
    if (thread:get("responses") or 0) >= (thread:get("cap") or math.huge) then
      capped = capped + 1
    end
  end

  local by_second, last_second = {}, -1
  if per_second then
    for _, thread in ipairs(threads) do
      for sec, n in pairs(thread:get("seconds") or {}) do
        by_second[sec] = (by_second[sec] or 0) + n
        if sec > last_second then last_second = sec end
      end
    end
  end

  local codes = {}
  for status in pairs(by_status) do table.insert(codes, status) end
  table.sort(codes)

  io.write("------------------------------------------------------------\n")
  local names = {}
  for _, r in ipairs(routes) do table.insert(names, r) end
  io.write(string.format("random.lua: %s, listings=%d, max_index=%s, headers:%s\n",
    hot and "hot (fixed URL)" or ((crawl and "crawl " or "random ") .. table.concat(names, " + ")), listings,
    no_index and "none (no ?index=)" or tostring(max_index), next(headers) and "" or " none"))
  for k, v in pairs(headers) do
    io.write(string.format("  %s: %s\n", k, k == "Cookie" and "(set)" or v))
  end
  for route, n in pairs(by_route) do
    io.write(string.format("  requests to %-10s %d\n", route, n))
  end
  io.write(string.format("responses by status (%d in all):\n", total))
  for _, status in ipairs(codes) do
    local n = by_status[status]
    local pct = total > 0 and 100 * n / total or 0
    io.write(string.format("  %d: %10d  %6.2f%%%s\n", status, n, pct,
      (status >= 200 and status <= 299) and "" or "  (non-2xx)"))
  end
  io.write(string.format("non-2xx responses: %d of %d\n", non2xx, total))
  local e = summary.errors
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
    e.connect, e.read, e.write, e.timeout))
  if per_second then
    io.write("responses per second since the start (the last second is partial):\n")
    for sec = 0, last_second do
      io.write(string.format("  second %d: %d\n", sec, by_second[sec] or 0))
    end
  end
  if capped > 0 then
    io.write(string.format("MAX_REQUESTS cap reached in %d of %d threads\n", capped, #threads))
  end
end
