--[[
  A cook offers several items in one round trip. As many as fit under the capacity are pushed,
  in argument order (ARGV[2] is taken first); the rest are dropped and counted as full, exactly
  as if each had been offered alone with offer-3.lua (without its duplicate check). The items
  are stored exactly as sent.

  KEYS[1] items list
  KEYS[2] stats hash
  ARGV[1] capacity
  ARGV[2..] the items: JSON objects (at least one)
  Reply:  {accepted, dropped, length after}
]]
-- @include track-length
-- @include admission

local offered = #ARGV - 1
local length = redis.call('LLEN', KEYS[1])
local kept = redis.call('HMGET', KEYS[2], 'inFlight', 'at')
local accepted = math.max(0, math.min(offered, roomLeft(tonumber(ARGV[1]), length, kept[1])))
local dropped = offered - accepted
if dropped > 0 then
  redis.call('HINCRBY', KEYS[2], 'full', dropped)
end
if accepted == 0 then
  return {0, dropped, length}
end
local now = nowMicros()
-- The lengths between length and length + accepted last no time at all, so one call is exact.
creditLength(KEYS[2], length, now, kept[2])
-- unpack() in chunks: Lua's C stack holds a few thousand values at most.
for first = 2, accepted + 1, 1000 do
  redis.call('LPUSH', KEYS[1], unpack(ARGV, first, math.min(first + 999, accepted + 1)))
end
redis.call('HINCRBY', KEYS[2], 'ready', accepted)
return {accepted, dropped, length + accepted}
