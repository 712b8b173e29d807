--[[
  A customer takes up to ARGV[1] of the oldest items in one round trip (RPOP with a count;
  offers LPUSH, so they come oldest first). Counters and time-at-length as in take-2.lua.

  KEYS[1] items list
  KEYS[2] stats hash
  ARGV[1] the most items to take (whole number >= 1)
  ARGV[2] 1 to count an empty queue as a miss (`empty`), as take-2.lua does; 0 when the caller
          waits for items instead (a blocking take), so waiting is not counted as going hungry
  Reply:  {length after, item, item, ...} oldest first
          {0}                             when the queue was empty
  The time the items waited is added to waitUs/waited when they carry the offer's stamp.
]]
-- @include track-length

local length = redis.call('LLEN', KEYS[1])
if length == 0 then
  if ARGV[2] == '1' then
    redis.call('HINCRBY', KEYS[2], 'empty', 1)
  end
  return {0}
end
local now = nowMicros()
trackLength(KEYS[2], length, now)
local items = redis.call('RPOP', KEYS[1], ARGV[1])
local count = #items
redis.call('HINCRBY', KEYS[2], 'taken', count)
local waitUs, waited = 0, 0
for i = 1, count do
  -- The stamp is the last 30 bytes; searching only the tail spares a scan of every item.
  local enqueued = string.match(items[i], '"enqueuedUs":(%d+)}$', -40)
  if enqueued then
    waitUs = waitUs + (now - tonumber(enqueued))
    waited = waited + 1
  end
end
if waited > 0 then
  redis.call('HINCRBY', KEYS[2], 'waitUs', digits(waitUs))
  redis.call('HINCRBY', KEYS[2], 'waited', waited)
end
table.insert(items, 1, length - count)
return items
