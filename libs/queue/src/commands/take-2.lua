--[[
  A customer takes the oldest item (RPOP; offers LPUSH, so the list is FIFO).

  KEYS[1] items       the list of items
  KEYS[2] stats       the counters hash
  Reply:  {1, length after, item} when an item was taken (TAKEN AWAY)
          {0, 0}                  when the queue was empty (Empty)
]]
-- @include track-length

local length = redis.call('LLEN', KEYS[1])
if length == 0 then
  redis.call('HINCRBY', KEYS[2], 'empty', 1)
  return {0, 0}
end
trackLength(KEYS[2], length, nowMicros())
local item = redis.call('RPOP', KEYS[1])
redis.call('HINCRBY', KEYS[2], 'taken', 1)
return {1, length - 1, item}
