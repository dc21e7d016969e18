-- GET <path>?q=<text>, a new search text each request (one no record holds, as a search box
-- sends while someone types: the answer is a small, empty list). Arguments: path.
local path, n = '/', 0

function init (args)
  path = args[1]
end

function request ()
  n = n + 1
  return wrk.format('GET', path .. '?q=zq' .. n)
end
