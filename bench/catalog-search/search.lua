-- The query mix of the catalogue search benchmark (run.sh), URL-encoded: Chinese words, English
-- words and phrases, one-letter typos, ISBNs with and without hyphens, filters, facets and sorts.
local paths = {
  "/api/books?q=%E6%A3%AE%E6%9E%97",
  "/api/books?q=%E9%BB%91%E6%9A%97",
  "/api/books?q=%E6%B1%9F%E6%B9%96%20%E5%B0%91%E5%B9%B4",
  "/api/books?q=%E5%AE%87%E5%AE%99%E7%9A%84%E7%A7%98%E5%AF%86",
  "/api/books?q=%E6%9D%8E%E6%85%88%E6%AC%A3",
  "/api/books?q=%E6%97%B6%E9%97%B4",
  "/api/books?q=forest",
  "/api/books?q=dark%20forest",
  "/api/books?q=the%20silent%20river",
  "/api/books?q=forrest",
  "/api/books?q=memroy",
  "/api/books?q=Ishiguro",
  "/api/books?q=empire",
  "/api/books?q=9791000123455",
  "/api/books?q=979-1000678900",
  "/api/books?q=%E6%A3%AE%E6%9E%97&category=Literature&inStock=true",
  "/api/books?q=night&sort=price_asc",
  "/api/books?q=%E5%8E%86%E5%8F%B2&minPrice=2000&maxPrice=9000",
  "/api/books?category=Fantasy&sort=bestselling",
  "/api/books?q=ocean&language=en&size=50",
}

local i = 0

request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
