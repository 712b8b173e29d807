--[[
  Reliable delivery: returns every item a customer holds to the front of the queue (the end
  customers take from), so it is delivered next. Used by a reaper for a customer whose
  heartbeat has expired, and by a customer on its own graceful stop. An item handed out
  more than `maxDeliveries` times goes to the dead-letter list instead, with the reason.

  KEYS[1] items list
  KEYS[2] stats hash
  KEYS[3] the customer's processing list
  KEYS[4] deliveries hash
  KEYS[5] dead-letter list
  KEYS[6] consumers set
  KEYS[7] the customer's heartbeat key
  KEYS[8] the customer's last acknowledged id: forgotten, so that an acknowledgement arriving
          after this is late, not a re-sent one
  ARGV[1] the customer's name
  ARGV[2] maxDeliveries
  ARGV[3] 'stop': the customer returns its own items (the delivery does not count, the
          heartbeat is ignored); 'reap': only when the heartbeat has expired
  ARGV[4] now, as ISO text, for the dead-letter entry
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
  local id = string.match(item, '"id":"([^"]+)"')
  local delivered = 0
  if id then
    if stopping then
      delivered = redis.call('HINCRBY', KEYS[4], id, -1)
    else
      delivered = tonumber(redis.call('HGET', KEYS[4], id) or '0')
    end
  end
  if not stopping and delivered > tonumber(ARGV[2]) then
    redis.call('LPOP', KEYS[3])
    redis.call('RPUSH', KEYS[5], cjson.encode({
      reason = 'delivered ' .. delivered .. ' times without an acknowledgement',
      raw = item, by = ARGV[1], at = ARGV[4] }))
    redis.call('HINCRBY', KEYS[2], 'deadLettered', 1)
    if id then redis.call('HDEL', KEYS[4], id) end
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
