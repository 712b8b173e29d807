--[[
  Reliable delivery: returns every item a customer holds to the front of the queue (the end
  customers take from), so it is delivered next. Used by a reaper for a customer whose
  heartbeat has expired, and by a customer on its own graceful stop. An item handed out
  more than `maxDeliveries` times goes to the dead-letter list instead, with the reason.

  KEYS[1] items          the list of items
  KEYS[2] stats          the counters hash
  KEYS[3] processing     the customer's processing list
  KEYS[4] deliveries     the hash of times each item was handed out, by the SHA1 of its bytes
  KEYS[5] dead           the dead-letter list
  KEYS[6] consumers      the set of customers with a processing list
  KEYS[7] heartbeat      the customer's heartbeat key
  KEYS[8] acked          the customer's last acknowledged id: forgotten, so that an
                         acknowledgement arriving after this is late, not a re-sent one
  ARGV[1] consumer       the customer's name
  ARGV[2] maxDeliveries  an item handed out more often goes to the dead-letter list
  ARGV[3] mode           'stop': the customer returns its own items (the delivery does not
                         count, the heartbeat is ignored); 'reap': only when the heartbeat expired
  ARGV[4] at             now, as ISO text, for the dead-letter entry
  Reply:  {returned, deadLettered}, or {-1, 0} when the customer is alive after all
]]
-- @include track-length

local stopping = ARGV[3] == 'stop'
if not stopping and redis.call('EXISTS', KEYS[7]) == 1 then
  return {-1, 0}
end
local held = redis.call('LLEN', KEYS[3])
local now = nowMicros()
local returned, dead = 0, 0
-- The list holds the newest item first. Each item is moved (LMOVE, never pushed anew) from the
-- head of the processing list to the taking end of the queue, so the oldest ends up next in
-- line, and a customer needs no right to push items onto the queue.
for _ = 1, held do
  local item = redis.call('LINDEX', KEYS[3], 0)
  local digest = redis.sha1hex(item)
  local delivered
  if stopping then
    delivered = redis.call('HINCRBY', KEYS[4], digest, -1)
  else
    delivered = tonumber(redis.call('HGET', KEYS[4], digest) or '0')
  end
  if not stopping and delivered > tonumber(ARGV[2]) then
    redis.call('LPOP', KEYS[3])
    redis.call('RPUSH', KEYS[5], cjson.encode({
      reason = 'delivered ' .. delivered .. ' times without an acknowledgement',
      raw = item, by = ARGV[1], at = ARGV[4] }))
    redis.call('HINCRBY', KEYS[2], 'deadLettered', 1)
    redis.call('HDEL', KEYS[4], digest)
    dead = dead + 1
  else
    trackLength(KEYS[2], redis.call('LLEN', KEYS[1]), now)
    redis.call('LMOVE', KEYS[3], KEYS[1], 'LEFT', 'RIGHT')
    redis.call('HINCRBY', KEYS[2], 'redelivered', 1)
    returned = returned + 1
  end
end
if held > 0 then
  redis.call('HINCRBY', KEYS[2], 'inFlight', -held)
end
redis.call('SREM', KEYS[6], ARGV[1])
redis.call('DEL', KEYS[8])
return {returned, dead}
