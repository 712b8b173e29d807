--[[
  Reliable delivery: a customer moves the oldest item into its own processing list (the Redis
  reliable-queue pattern) instead of removing it. It stays there, counted as in flight, until
  the customer acknowledges it (ack-3.lua) or a reaper returns it (reclaim-7.lua).

  KEYS[1] items list
  KEYS[2] stats hash
  KEYS[3] this customer's processing list
  KEYS[4] deliveries hash (item id -> times handed out)
  KEYS[5] consumers set: the customer is registered with its first item, so a reaper and the
          accounting always find every processing list
  ARGV[1] the customer's name
  Reply:  {1, length after, item, deliveries of this item} when an item was taken
          {0, 0}                                            when the queue was empty
]]
-- @include track-length

local length = redis.call('LLEN', KEYS[1])
if length == 0 then
  redis.call('HINCRBY', KEYS[2], 'empty', 1)
  return {0, 0}
end
trackLength(KEYS[2], length, nowMicros())
local item = redis.call('LMOVE', KEYS[1], KEYS[3], 'RIGHT', 'LEFT')
redis.call('SADD', KEYS[5], ARGV[1])
redis.call('HINCRBY', KEYS[2], 'inFlight', 1)
local delivered = 1
local id = string.match(item, '"id":"([^"]+)"')
if id then
  delivered = redis.call('HINCRBY', KEYS[4], id, 1)
end
return {1, length - 1, item, delivered}
