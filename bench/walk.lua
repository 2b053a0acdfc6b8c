-- A walk over distinct addresses: each of wrk's threads takes every T-th line of a file of
-- paths (thread k: lines k, k + T, ...), so that no address is asked twice while the list
-- lasts; a walk that runs out starts again and says how often it did ("again"). Prints
-- the 50th, 95th and 99th percentile latency in ms, the answers by kind (2xx/3xx, of which
-- answered from the page cache, "X-Cache: HIT"; 503 with Retry-After; other 5xx; other)
-- and the number of walks started again.
-- wrk -t T -s bench/walk.lua <base> -- <file of paths> <T>
local threads = {}
local count = 0

function setup(thread)
  thread:set("id", count)
  count = count + 1
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then table.insert(paths, line) end
  end
  step = tonumber(args[2])
  index = id + 1
  ok, hit, busy, failed, other, again = 0, 0, 0, 0, 0, 0
end

function request()
  if index > #paths then
    index = id + 1
    again = again + 1
  end
  local path = paths[index]
  index = index + step
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status < 400 then
    ok = ok + 1
    if (headers["x-cache"] or headers["X-Cache"]) == "HIT" then hit = hit + 1 end
  elseif status == 503 and (headers["retry-after"] or headers["Retry-After"]) ~= nil then
    busy = busy + 1
  elseif status >= 500 then
    failed = failed + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local totals = {ok = 0, hit = 0, busy = 0, failed = 0, other = 0, again = 0}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  io.write(string.format(
    "percentiles %.3f %.3f %.3f requests %d ok %d hit %d busy %d failed %d other %d "
    .. "again %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests, totals.ok, totals.hit, totals.busy,
    totals.failed, totals.other, totals.again))
end
