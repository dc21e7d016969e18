-- GET <path>?at=<instant>, a new instant each request: a stride through the seconds of a
-- week from the start given (7919 is prime to 604800), so no URL repeats within a week's worth.
-- Arguments (after --): start (Unix seconds), path.
local start, path, n = 0, '/', 0

function init (args)
  start = tonumber(args[1])
  path = args[2]
end

function request ()
  n = n + 1
  local t = start + (n * 7919) % 604800
  return wrk.format('GET', path .. '?at=' .. os.date('!%Y-%m-%dT%H:%M:%SZ', t))
end
