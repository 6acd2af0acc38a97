-- The query mix of search.lua (its path is the script's argument) with a price ceiling that differs
-- on every request, so no two requests are alike and the catalogue's result cache never answers:
-- the cost of searching itself. Each wrk thread has its own ceilings (its id is set in setup), so two
-- threads never send the same request either.
local paths = {}
local i = 0
local threads = 0

setup = function(thread)
  thread:set("id", threads)
  threads = threads + 1
end

init = function(args)
  paths = dofile((args[1]:gsub("[^/]*$", "")) .. "mix.lua")(args[1])
end

request = function()
  i = i + 1
  local path = paths[(i % #paths) + 1]
  local ceiling = "maxPrice=" .. (1000000 + i * 100 + id)
  if path:find("maxPrice=", 1, true) then
    path = (path:gsub("maxPrice=%d+", ceiling))
  else
    path = path .. "&" .. ceiling
  end
  return wrk.format("GET", path)
end
