-- One request shape for wrk, from the environment: LOAD_METHOD, LOAD_PATH, LOAD_BODY_FILE, LOAD_USER.
local method = os.getenv("LOAD_METHOD") or "GET"
local path = os.getenv("LOAD_PATH")
local body = nil
local file = os.getenv("LOAD_BODY_FILE")
if file and #file > 0 then
  local f = assert(io.open(file, "rb"))
  body = f:read("*a")
  f:close()
end
wrk.method = method
wrk.path = path
wrk.headers["X-Sandbox-User"] = os.getenv("LOAD_USER") or "handlaggare@sandbox.botkyrka.se"
wrk.headers["Accept"] = "application/json"
if body then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  -- One machine-readable line for run.sh: rps, p50 and p99 in ms, non-2xx answers, socket errors.
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.0f p50=%.2f p99=%.2f non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status , errors))
end
