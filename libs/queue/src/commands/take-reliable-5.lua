--[[
  Reliable delivery: a customer moves the oldest item into its own processing list (the Redis
  reliable-queue pattern) instead of removing it. It stays there, counted as in flight, until
  the customer acknowledges it (ack-4.lua) or a reaper returns it (reclaim-8.lua).

  KEYS[1] items       the list of items
  KEYS[2] stats       the counters hash
  KEYS[3] processing  this customer's processing list
  KEYS[4] deliveries  the hash of times each item was handed out, by the SHA1 of its bytes
  KEYS[5] consumers   the set of customers with a processing list: the customer is registered
                      with its first item, so a reaper and the accounting find every list
  ARGV[1] consumer    the customer's name
  Reply:  {1, length after, item, deliveries of this item} when an item was taken
          {0, 0}                                            when the queue was empty

  Items are counted by their bytes' digest, not by a field read out of them, so an item in any
  format (an unreadable one too) is counted the same way.

  A customer holds one item at a time: it acknowledges or returns each before it takes the next.
  So an item already in its processing list was handed out by a take whose reply never arrived
  (ioredis re-sends an unanswered command after a reconnect). That item is handed out again,
  with nothing counted; taking a second one would leave the first held for as long as the
  customer lives, a place on the queue lost with every reconnect.
]]
-- @include track-length

local length = redis.call('LLEN', KEYS[1])
local held = redis.call('LINDEX', KEYS[3], -1)
if held then
  return {1, length, held, tonumber(redis.call('HGET', KEYS[4], redis.sha1hex(held)) or '1')}
end
if length == 0 then
  redis.call('HINCRBY', KEYS[2], 'empty', 1)
  return {0, 0}
end
trackLength(KEYS[2], length, nowMicros())
local item = redis.call('LMOVE', KEYS[1], KEYS[3], 'RIGHT', 'LEFT')
redis.call('SADD', KEYS[5], ARGV[1])
redis.call('HINCRBY', KEYS[2], 'inFlight', 1)
return {1, length - 1, item, redis.call('HINCRBY', KEYS[4], redis.sha1hex(item), 1)}
