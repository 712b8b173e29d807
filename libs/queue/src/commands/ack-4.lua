--[[
  Reliable delivery: the customer is done with an item; it leaves the processing list and
  counts as taken.

  KEYS[1] processing  this customer's processing list
  KEYS[2] stats       the counters hash
  KEYS[3] deliveries  the hash of times each item was handed out, by the SHA1 of its bytes
  KEYS[4] acked       this customer's last acknowledged id
  ARGV[1] item        the item exactly as taken
  ARGV[2] itemId      the item's id, as the customer read it ('' when it has none)
  Reply:  1 when acknowledged, now or by this same acknowledgement before (ioredis re-sends an
          unanswered command after a reconnect); 0 when the item was no longer held (a reaper
          returned it), counted as `lateAcks`. Nothing is counted twice.
]]
if redis.call('LREM', KEYS[1], 1, ARGV[1]) == 0 then
  if ARGV[2] ~= '' and redis.call('GET', KEYS[4]) == ARGV[2] then
    return 1
  end
  redis.call('HINCRBY', KEYS[2], 'lateAcks', 1)
  return 0
end
redis.call('HINCRBY', KEYS[2], 'inFlight', -1)
redis.call('HINCRBY', KEYS[2], 'taken', 1)
redis.call('HDEL', KEYS[3], redis.sha1hex(ARGV[1]))
if ARGV[2] ~= '' then
  redis.call('SET', KEYS[4], ARGV[2])
end
return 1
