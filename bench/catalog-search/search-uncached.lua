-- The query mix of search.lua with a price ceiling that differs on every request, so no two
-- requests are alike and the catalogue's result cache never answers: the cost of searching itself.
local paths = {}
for line in io.lines(debug.getinfo(1, "S").source:sub(2):gsub("search%-uncached%.lua$", "search.lua")) do
  local path = line:match('^  "(.*)",$')
  if path then
    paths[#paths + 1] = path
  end
end

local i = 0

request = function()
  i = i + 1
  local path = paths[(i % #paths) + 1]
  local ceiling = "maxPrice=" .. (1000000 + i)
  if path:find("maxPrice=", 1, true) then
    path = (path:gsub("maxPrice=%d+", ceiling))
  else
    path = path .. "&" .. ceiling
  end
  return wrk.format("GET", path)
end
