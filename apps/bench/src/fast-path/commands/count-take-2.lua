--[[
  A customer's batch take, counted: runs in one transaction (MULTI) just before `RPOP items max`,
  so the items go from the list to the customer without passing through Lua, and the counters
  and time-at-length stay exact: nothing runs between this script and the pop. It counts what
  the RPOP is about to take, min(length, max), and an empty queue as a miss, as take-2.lua does.

  KEYS[1] items list
  KEYS[2] stats hash
  ARGV[1] the most items to take (whole number >= 1), the RPOP's count
  Reply:  the length the queue will have after the RPOP
]]
-- @include track-length

local length = redis.call('LLEN', KEYS[1])
if length == 0 then
  redis.call('HINCRBY', KEYS[2], 'empty', 1)
  return 0
end
trackLength(KEYS[2], length, nowMicros())
local count = math.min(length, tonumber(ARGV[1]))
redis.call('HINCRBY', KEYS[2], 'taken', count)
return length - count
