-- The query mix of search.lua (its path is the script's argument) with a price ceiling that differs
-- on every request, so no two requests are alike and the catalogue's result cache never answers:
-- the cost of searching itself.
local paths = {}
local i = 0

init = function(args)
  for line in io.lines(args[1]) do
    local path = line:match('^  "(.*)",$')
    if path then
      paths[#paths + 1] = path
    end
  end
end

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
