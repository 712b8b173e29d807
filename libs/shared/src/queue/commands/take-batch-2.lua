--[[
  A customer takes up to ARGV[1] of the oldest items in one round trip (RPOP with a count;
  offers LPUSH, so they come oldest first). Counters and time-at-length as in take-2.lua.

  KEYS[1] items list
  KEYS[2] stats hash
  ARGV[1] the most items to take (whole number >= 1)
  ARGV[2] 1 to count an empty queue as a miss (`empty`), as take-2.lua does; 0 when the caller
          waits for items instead (a blocking take), so waiting is not counted as going hungry
  Reply:  {item, item, ..., length after} oldest first; the length comes last, so that the
          items need not be shifted to make room for it
          {0}                             when the queue was empty
]]
-- @include track-length

local length = redis.call('LLEN', KEYS[1])
if length == 0 then
  if ARGV[2] == '1' then
    redis.call('HINCRBY', KEYS[2], 'empty', 1)
  end
  return {0}
end
trackLength(KEYS[2], length, nowMicros())
local items = redis.call('RPOP', KEYS[1], ARGV[1])
local count = #items
redis.call('HINCRBY', KEYS[2], 'taken', count)
items[count + 1] = length - count
return items
