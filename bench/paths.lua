-- Cycles through the paths listed in a file, one request each in turn, and prints the
-- 50th, 95th and 99th percentile latency in ms and the number of answers that were not
-- 2xx/3xx. wrk -s bench/paths.lua <base> -- <file of paths>
function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then table.insert(paths, line) end
  end
  index = 0
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

function done(summary, latency, requests)
  io.write(string.format("percentiles %.3f %.3f %.3f requests %d bad %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests, summary.errors.status))
end
