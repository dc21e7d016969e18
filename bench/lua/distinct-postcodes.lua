-- GET <path>?postcode=<postcode>, a new postcode each request: real unit postcodes of the
-- bundled index in turn with postcodes made from its districts and sectors (a sector's own
-- inward digit, letters counted up), which match at sector or district level. Arguments: the
-- file listing them (one unit a line, then a line "--", then one district or sector a line), path.
local units, areas, path, n = {}, {}, '/', 0

function init (args)
  local list = units
  for line in io.lines(args[1]) do
    if line == '--' then list = areas else list[#list + 1] = line end
  end
  path = args[2]
end

local letters = 'ABDEFGHJLNPQRSTUWXYZ'

function request ()
  n = n + 1
  local postcode
  if n % 2 == 1 then
    postcode = units[(math.floor(n / 2) % #units) + 1]
  else
    local k = math.floor(n / 2)
    local area = areas[(k % #areas) + 1]
    local m = math.floor(k / #areas)
    local a, b = m % 20, math.floor(m / 20) % 20
    local inward = area:find(' ') and '' or (' ' .. (m % 10))
    postcode = area .. inward .. letters:sub(a + 1, a + 1) .. letters:sub(b + 1, b + 1)
  end
  return wrk.format('GET', path .. '?postcode=' .. postcode:gsub(' ', '%%20'))
end
