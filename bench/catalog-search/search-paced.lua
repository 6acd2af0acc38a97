-- The query mix of search.lua (its path is the first argument) paced at a fixed total rate (the
-- second argument, requests/s, shared evenly by the wrk threads, whose number is the third): each
-- thread hands out send times one interval apart and a connection waits for its next one after
-- each answer. This measures latency at a chosen load instead of at saturation. If the server
-- falls behind, the waits become zero and the load becomes closed-loop. Latency is wrk's, from
-- sending to the answer (a late send is not counted against the server).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *now);
]]
local CLOCK_MONOTONIC = 1
local clock = ffi.new("bench_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local paths = {}
local i = 0
local interval_ms
local next_send_ms

init = function(args)
  paths = dofile((args[1]:gsub("[^/]*$", "")) .. "mix.lua")(args[1])
  interval_ms = 1000 * tonumber(args[3]) / tonumber(args[2])
  next_send_ms = now_ms()
end

request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

delay = function()
  local now = now_ms()
  next_send_ms = math.max(next_send_ms + interval_ms, now - interval_ms)
  return math.max(0, math.floor(next_send_ms - now))
end
