-- Readers at a steady pace rather than as fast as wrk can send: each connection waits
-- a number of milliseconds after an answer before its next request (wrk times a request
-- from when it is sent, so the pause is not in the latency).
-- wrk -s bench/readers.lua <url> -- <pause ms>
function init(args)
  pause = tonumber(args[1])
end

function delay()
  return pause
end
