-- A flood of requests made to miss caches: made-up tags, authors, days and editions,
-- and random query strings on a real article. Counts server errors (5xx).
-- wrk -s bench/flood.lua <base> -- <article path>
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  article = args[1]
  errors = 0
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local n = math.random(1, 1000000000)
  local paths = {
    "/eng/tags/made-up-" .. n .. "/",
    "/eng/authors/nobody-" .. n .. "/",
    "/eng/news/2099/01/" .. (n % 28 + 1) .. "/",
    "/x" .. n .. "/news/",
    article .. "?utm_source=" .. n,
    "/eng/tags/made-up/?page=" .. n,
  }
  return wrk.format("GET", paths[(n % #paths) + 1])
end

function response(status, headers, body)
  if status >= 500 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("errors")
  end
  io.write("Server errors: " .. total .. "\n")
end
