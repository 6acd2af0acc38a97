-- The query mix of search.lua for the scripts built on it: the URL-encoded paths listed there, read
-- from the file whose path is given. Load it with dofile from the same folder as search.lua.
return function(search_lua)
  local paths = {}
  for line in io.lines(search_lua) do
    local path = line:match('^  "(.*)",$')
    if path then
      paths[#paths + 1] = path
    end
  end
  return paths
end
