// The Redis half of the limiter, kept as a string so every runtime (Workers has no filesystem) can
// send it. It mirrors `gcra.ts` line for line; change both or neither.

/** GCRA as a Redis script: KEYS[1]; ARGV limit, windowMs, cost[, nowUs]. */
export const gcraLua = `-- GCRA, the Redis twin of gcra.ts: same inputs, same answer. Keep the two in step.
-- KEYS[1] the key; ARGV limit, windowMs, cost[, nowUs (tests only; otherwise the server clock,
-- so every gateway instance shares one notion of time)].
-- Returns { allowed (1|0), remaining, resetMs, retryAfterMs }.
local limit = tonumber(ARGV[1])
local windowMs = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local now
if ARGV[4] then
  now = tonumber(ARGV[4])
else
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000000 + tonumber(t[2])
end
local interval = math.max(1, math.floor(windowMs * 1000 / limit))
local tolerance = interval * limit
local tat = tonumber(redis.call('GET', KEYS[1]))
if tat == nil or tat < now then tat = now end
local newTat = tat + cost * interval
local allowAt = newTat - tolerance
if allowAt > now then
  local remaining = math.max(0, math.floor((now - (tat - tolerance)) / interval))
  return { 0, remaining, math.ceil((tat - now) / 1000), math.ceil((allowAt - now) / 1000) }
end
local resetMs = math.ceil((newTat - now) / 1000)
redis.call('SET', KEYS[1], string.format('%d', newTat), 'PX', math.max(1, resetMs))
return { 1, math.floor((now - allowAt) / interval), resetMs, 0 }
`
