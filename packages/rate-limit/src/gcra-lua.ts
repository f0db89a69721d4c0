// The Redis half of the limiter, kept as a string so every runtime (Workers has no filesystem) can
// send it. It mirrors `gcra.ts` line for line; change both or neither.

/**
 * GCRA as a Redis script over one or more keys, each consumed independently, so a request's per-IP
 * and per-user limits cost one round trip. KEYS[1..n]; ARGV[1] nowUs ('' for the server clock);
 * then limit, windowMs, cost for each key. Returns the four numbers of each key, flattened. Keys after the n
 * limited ones are only looked up: their EXISTS (0 or 1 each) end the reply (sessions, checked in the same
 * round trip). Several requests' checks can share one call: keys are consumed in order, so the same key twice
 * counts twice, exactly as two calls would; each key is read and written once per call, and each looked-up key
 * asked once.
 */
export const gcraLua = `-- GCRA, the Redis twin of gcra.ts: same inputs, same answer. Keep the two in step.
-- ARGV[1] is nowUs for tests; empty means the server clock, so every gateway shares one notion of time.
-- For key i: ARGV[3i-1] limit, ARGV[3i] windowMs, ARGV[3i+1] cost.
-- Returns, per key, { allowed (1|0), remaining, resetMs, retryAfterMs }; then, for each key of KEYS past the
-- limited ones, whether it exists (0|1).
local now
if ARGV[1] ~= '' then
  now = tonumber(ARGV[1])
else
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000000 + tonumber(t[2])
end
local out = {}
local limited = (#ARGV - 1) / 3
-- A key is read once and written once per call, however many checks name it: a burst from one client or user
-- batched into one call steps its TAT in memory, in order, as separate calls would, and stores the last.
local tats, ttls, written = {}, {}, {}
for i = 1, limited do
  local key = KEYS[i]
  local limit = tonumber(ARGV[3 * i - 1])
  local windowMs = tonumber(ARGV[3 * i])
  local cost = tonumber(ARGV[3 * i + 1])
  local interval = math.max(1, math.floor(windowMs * 1000 / limit))
  local tolerance = interval * limit
  local tat = tats[key]
  if tat == nil then tat = tonumber(redis.call('GET', key)) or 0 end
  if tat < now then tat = now end
  local newTat = tat + cost * interval
  local allowAt = newTat - tolerance
  if allowAt > now then
    tats[key] = tat
    local remaining = math.max(0, math.floor((now - (tat - tolerance)) / interval))
    table.insert(out, 0)
    table.insert(out, remaining)
    table.insert(out, math.ceil((tat - now) / 1000))
    table.insert(out, math.ceil((allowAt - now) / 1000))
  else
    local resetMs = math.ceil((newTat - now) / 1000)
    if ttls[key] == nil then table.insert(written, key) end
    tats[key] = newTat
    ttls[key] = math.max(1, resetMs)
    table.insert(out, 1)
    table.insert(out, math.floor((now - allowAt) / interval))
    table.insert(out, resetMs)
    table.insert(out, 0)
  end
end
for _, key in ipairs(written) do
  redis.call('SET', key, string.format('%d', tats[key]), 'PX', ttls[key])
end
local seen = {}
for i = limited + 1, #KEYS do
  local key = KEYS[i]
  if seen[key] == nil then seen[key] = redis.call('EXISTS', key) end
  table.insert(out, seen[key])
end
return out
`
