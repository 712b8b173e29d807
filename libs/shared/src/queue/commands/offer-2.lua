--[[
  A cook offers one item: the capacity check and the push are one atomic step, so any number
  of producers can never overfill the queue. The item is stamped with the server's time of
  enqueueing (`"enqueuedUs":<µs>` appended as the object's last field) to measure waiting.

  KEYS[1] items list
  KEYS[2] stats hash
  ARGV[1] capacity
  ARGV[2] the item: a JSON object
  Reply:  {1, length after} when the item was queued (READY)
          {0, length}       when the queue was full and the item dropped (FULL)
]]
-- @include track-length

local length = redis.call('LLEN', KEYS[1])
if length >= tonumber(ARGV[1]) then
  redis.call('HINCRBY', KEYS[2], 'full', 1)
  return {0, length}
end
local now = nowMicros()
trackLength(KEYS[2], length, now)
local item = ARGV[2]
redis.call('LPUSH', KEYS[1], string.sub(item, 1, -2) .. ',"enqueuedUs":' .. digits(now) .. '}')
redis.call('HINCRBY', KEYS[2], 'ready', 1)
return {1, length + 1}
